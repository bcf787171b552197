import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, describe, expect, it } from 'vitest';
import { BrowserService } from '../../src/browser/browser-service.js';
import { findBrowser } from '../../src/browser/find-browser.js';
import { build } from '../../src/build/build.js';
import { BuildMemo } from '../../src/build/build-memo.js';
import { tempDir, writeFiles } from '../helpers/fixtures.js';

const bullets = (n: number) => Array.from({ length: n }, (_, i) => `- Point ${i + 1}: a point the presenter makes about the situation`).join('\n');
const briefing = (first: string, notes: string) => `---
title: Remembered fits
---
## First

${notes}

::: deck
${first}
:::

## Second

Second notes.

::: deck
- One bullet
:::

## Third

::: deck
${bullets(3)}
:::
`;

/** A browser service that records how many slides each page loaded into its tabs held. */
async function countingBrowser(): Promise<{ browser: BrowserService; loads: number[] }> {
  const browser = new BrowserService({ maxTabs: 1, executablePath: await findBrowser() });
  const loads: number[] = [];
  const withPage = browser.withPage.bind(browser);
  browser.withPage = <T>(fn: (page: Page) => Promise<T>): Promise<T> =>
    withPage((page) => {
      const setContent = page.setContent.bind(page);
      page.setContent = (html, options) => {
        loads.push((html.match(/<svg data-marpit-svg/g) ?? []).length);
        return setContent(html, options);
      };
      return fn(page).finally(() => {
        page.setContent = setContent;
      });
    });
  return { browser, loads };
}

describe('fitting a deck the preview builds again', () => {
  const services: BrowserService[] = [];
  afterAll(async () => {
    await Promise.all(services.map((s) => s.close()));
  });

  it('measures only slides it has not measured before, and writes the deck.html a fresh build writes', async () => {
    const dir = tempDir('fit-memory');
    const source = path.join(dir, 'content', 'remembered.md');
    const { browser, loads } = await countingBrowser();
    services.push(browser);
    const memo = new BuildMemo();
    const deckHtml = async (text: string, lent?: BrowserService): Promise<string> => {
      writeFiles(dir, { 'content/remembered.md': text });
      const out = path.join(dir, lent ? 'out' : `fresh-${Math.random()}`);
      const result = await build({ root: dir, paths: [source], outDir: out, formats: ['deck-html'], cache: false }, lent ? { browser: lent, memo } : {});
      expect(result.failures).toEqual([]);
      // Marp names the scope of a slide's scoped style (the fit) afresh on every render.
      return readFileSync(path.join(out, 'remembered', 'deck.html'), 'utf8').replace(/marpit-scope-[\w-]+/g, 'marpit-scope');
    };

    const first = await deckHtml(briefing(bullets(2), 'First notes.'), browser);
    const slides = loads[0];
    expect(slides).toBeGreaterThanOrEqual(4);
    // Only the speaker notes changed: nothing is loaded.
    expect(await deckHtml(briefing(bullets(2), 'Other notes.'), browser)).toBe(await deckHtml(briefing(bullets(2), 'Other notes.')));
    expect(loads).toEqual([slides]);
    // One slide changed and now overflows: that slide alone is loaded, and it is shrunk as in a fresh build.
    const grown = await deckHtml(briefing(bullets(11), 'Other notes.'), browser);
    expect(loads).toEqual([slides, 1]);
    expect(grown).toBe(await deckHtml(briefing(bullets(11), 'Other notes.')));
    expect(grown).not.toBe(first);
    expect(grown).toMatch(/--bk-fit|zoom/);
  });

  it('loads only the pieces of a split slide again when a deck long enough to print in parts is fitted', async () => {
    const dir = tempDir('fit-long');
    const sections = Array.from({ length: 160 }, (_, i) => `## Part ${i + 1}\n\n::: deck\n${i === 7 ? bullets(40) : `- Point of part ${i + 1}`}\n:::\n`).join('\n');
    writeFiles(dir, { 'content/long.md': `---\ntitle: Long deck\n---\n${sections}` });
    const { browser, loads } = await countingBrowser();
    services.push(browser);
    const result = await build({ root: dir, paths: [path.join(dir, 'content', 'long.md')], outDir: path.join(dir, 'out'), formats: ['deck-html', 'deck-pdf'], cache: false }, { browser });
    expect(result.failures).toEqual([]);
    expect(result.documents[0].warnings).toEqual([]);
    // The whole deck once, then only the pieces the overlong slide was split into, then the parts printed.
    const [whole, pieces] = loads;
    expect(whole).toBeGreaterThan(160);
    const html = readFileSync(path.join(dir, 'out', 'long', 'deck.html'), 'utf8');
    const slides = (html.match(/<svg data-marpit-svg/g) ?? []).length;
    expect(slides).toBeGreaterThan(whole);
    // A few pieces, not the whole deck again.
    expect(pieces).toBeGreaterThanOrEqual(slides - whole + 1);
    expect(pieces).toBeLessThan(20);
    expect(loads.slice(2).reduce((a, b) => a + b, 0)).toBe(slides);
  });
});

