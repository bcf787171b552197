import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, type BuildResult } from '../../src/index.js';
import { launchTestBrowser } from '../helpers/browser.js';
import { runCli } from '../helpers/cli.js';
import { contrastRatio, textSamples } from '../helpers/contrast.js';
import { tempDir, writeFiles } from '../helpers/fixtures.js';
import { flat, pdfFonts, pdfPages } from '../helpers/pdf.js';

const builtinThemes = ['briefing', 'briefing-dark', 'high-contrast'];

// A Korean briefing: title, key judgments, agenda, section slides (one with a table, code and a quote), closing.
const korean = (theme: string) => `---
title: 북한 미사일 발사의 동기 분석
subtitle: 안보, 정권 정치, 외교
organization: 동북아 정책실
date: 2026-11-27
classification: 대외비
lang: ko
theme: ${theme}
summary:
  - 정권 안보가 가장 큰 동기다.
  - 발사는 국내 정치에도 쓰인다.
---
## 지정학적 환경

발사는 지역 세력 관계를 반영한다. 둘째 문장.

::: deck
- 지역 세력 관계와 **안보 위협**, [역사적 불만](https://example.org)
- 한반도는 긴장의 중심이다 — \`code\`

> 인용문 한 줄

| 국가 | 반응 |
| --- | --- |
| 한국 | 방어 강화 |
:::

## 국내 정치

내부 결속을 위한 도구다.
`;

// A theme written for Marp CLI, as its docs show one: a comment naming it, importing Marp's default theme.
const marpCliTheme = `/* @theme corporate */

@import 'default';

section {
  background: #fdfcf7;
  color: #202020;
}

h1, h2 {
  color: rgb(0, 80, 160);
}
`;

describe('deck themes', () => {
  let src: string;
  let out: string;
  let result: BuildResult;
  let browser: Browser;
  let page: Page;
  const deckUrl = (slug: string) => pathToFileURL(path.join(out, slug, 'deck.html')).href;

  beforeAll(async () => {
    src = tempDir();
    out = tempDir();
    const files: Record<string, string> = { 'templates/themes/corporate.css': marpCliTheme, 'corporate.md': korean('corporate') };
    for (const theme of builtinThemes) files[`${theme}.md`] = korean(theme);
    // Eight sections: the agenda slide lists them in two columns.
    files['agenda.md'] = `---\ntitle: Agenda in two columns\n---\n${Array.from({ length: 8 }, (_, i) => `## Section ${i + 1} with a title long enough to wrap onto a second line\n\nText ${i + 1}.\n`).join('\n')}`;
    writeFiles(src, files);
    [result, browser] = await Promise.all([build({ root: src, paths: ['.'], outDir: out, formats: ['deck-html', 'deck-pdf'] }), launchTestBrowser()]);
    page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 720 });
  });
  afterAll(async () => browser?.close());

  it('builds a deck in every built-in theme and in a Marp CLI theme', () => {
    expect(result.failures).toEqual([]);
    expect(result.documents.map((d) => d.slug).sort()).toEqual([...builtinThemes, 'agenda', 'corporate'].sort());
  });

  for (const theme of builtinThemes) {
    it(`gives every text of the ${theme} theme at least 4.5:1 contrast with what is behind it`, async () => {
      await page.goto(deckUrl(theme));
      await page.evaluate(() => document.fonts.ready);
      const total = await page.$$eval('div.marpit > svg[data-marpit-svg]', (s) => s.length);
      const low: string[] = [];
      let checked = 0;
      for (let slide = 1; slide <= total; slide += 1) {
        await page.evaluate((i) => (window as unknown as { briefkitDeck: { go(i: number): void } }).briefkitDeck.go(i), slide - 1);
        for (const s of await textSamples(page, slide)) {
          checked += 1;
          if (s.background === 'image') low.push(`slide ${s.slide} ${s.what} “${s.text}” is drawn over an image`);
          else if (contrastRatio(s.color, s.background) < 4.5) low.push(`slide ${s.slide} ${s.what} “${s.text}” ${s.color} on ${s.background}: ${contrastRatio(s.color, s.background).toFixed(2)}:1`);
        }
      }
      expect(checked).toBeGreaterThan(total * 4);
      expect(low).toEqual([]);
    });
  }

  it('reports low contrast when there is some, so the check can fail', () => {
    expect(contrastRatio('rgb(119, 119, 119)', 'rgb(255, 255, 255)')).toBeCloseTo(4.48, 1);
    expect(contrastRatio('rgba(0, 0, 0, 0.3)', 'rgb(255, 255, 255)')).toBeLessThan(4.5);
    expect(contrastRatio('rgb(0, 0, 0)', 'rgb(255, 255, 255)')).toBeCloseTo(21, 5);
  });

  it('renders Hangul with a real, named Korean font in every built-in theme, and the text stays searchable', () => {
    for (const theme of builtinThemes) {
      const fonts = pdfFonts(path.join(out, theme, 'deck.pdf'));
      expect(fonts.some((f) => /Nanum|CJK|KR/i.test(f)), `${theme}: ${fonts.join(', ')}`).toBe(true);
      expect(flat(pdfPages(path.join(out, theme, 'deck.pdf')).join(' '))).toContain('지역 세력 관계와');
    }
  });

  it('starts both columns of a two-column agenda on the same line', async () => {
    // In print every slide is laid out, one per page, as deck.pdf shows them.
    await page.emulateMediaType('print');
    await page.goto(deckUrl('agenda'));
    const tops = await page.$$eval('section.agenda.two-column li', (items) => {
      const byColumn = new Map<number, number>();
      for (const li of items) {
        const box = li.getBoundingClientRect();
        const column = Math.round(box.left / 100);
        if (!byColumn.has(column)) byColumn.set(column, box.top);
      }
      return [...byColumn.values()];
    });
    await page.emulateMediaType('screen');
    expect(tops).toHaveLength(2);
    expect(Math.abs(tops[0] - tops[1])).toBeLessThan(1);
  });

  it('uses a Marp CLI theme unchanged from the project templates folder via `theme:`', async () => {
    const html = readFileSync(path.join(out, 'corporate', 'deck.html'), 'utf8');
    expect(html).toContain('fdfcf7');
    await page.goto(deckUrl('corporate'));
    const colours = await page.$eval('div.marpit > svg section', (s) => ({ bg: getComputedStyle(s).backgroundColor, h1: getComputedStyle(s.querySelector('h1')!).color }));
    expect(colours).toEqual({ bg: 'rgb(253, 252, 247)', h1: 'rgb(0, 80, 160)' });
  });

  it('uses a Marp CLI theme given with --theme over the front matter', () => {
    const cliOut = tempDir();
    const run = runCli(['build', path.join(src, 'briefing.md'), '--out', cliOut, '--formats', 'deck-html', '--theme', 'corporate'], { cwd: src });
    expect(run.code, run.stderr).toBe(0);
    expect(readFileSync(path.join(cliOut, 'briefing', 'deck.html'), 'utf8')).toContain('fdfcf7');
  });

  it('prints a long classification marking whole in the top and bottom bands of every slide, in every built-in theme', async () => {
    const marking = 'TOP SECRET//SPECIAL COMPARTMENTED INFORMATION//NOFORN//ORCON//REL TO USA, FVEY — HANDLE VIA SPECIAL CHANNELS ONLY';
    const root = tempDir();
    const long = tempDir();
    for (const theme of builtinThemes) writeFiles(root, { [`${theme}.md`]: `---\ntitle: Long marking\nclassification: ${marking}\ntheme: ${theme}\n---\n## One\n\nText.\n` });
    const result = await build({ root, paths: [root], outDir: long, formats: ['deck-pdf'] });
    expect(result.failures).toEqual([]);
    for (const theme of builtinThemes) {
      const slides = pdfPages(path.join(long, theme, 'deck.pdf'));
      for (const [i, slide] of slides.entries()) {
        const lines = slide.split('\n').map((l) => l.trim()).filter(Boolean);
        expect(flat(lines[0]), `${theme} top of slide ${i + 1}`).toBe(marking);
        expect(flat(lines[lines.length - 1]), `${theme} foot of slide ${i + 1}`).toBe(marking);
      }
    }
  });
});
