import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, type BuildResult } from '../../src/index.js';
import { launchTestBrowser } from '../helpers/browser.js';
import { runCli } from '../helpers/cli.js';
import { slideOverflows, overflows } from '../helpers/deck.js';
import { tempDir, writeFiles } from '../helpers/fixtures.js';
import { flat, pdfInfo, pdfOutline, pdfPages } from '../helpers/pdf.js';

const bullets = (n: number, words = 'a point the presenter makes about the situation') => Array.from({ length: n }, (_, i) => `- Point ${i + 1}: ${words}`).join('\n');

// Line 9 is where the overlong deck block starts; line 15 the deck block of the slide that cannot fit.
const overlong = `---
title: Overlong briefing
classification: secret
---
## Far too long

Notes for the long section.

::: deck
${bullets(40)}
:::

## A little long

::: deck
${bullets(9, 'a somewhat longer point that wraps onto a second line of the slide when set at full size')}
:::
`;

const unfittable = `---
title: Cannot fit
---
## Code wall

::: deck
\`\`\`
${Array.from({ length: 60 }, (_, i) => `line ${i + 1}`).join('\n')}
\`\`\`
:::
`;

const images = `---
title: Pictures
---
## Background

::: deck
![bg right](map.svg)

- Text beside a background image
:::

## Tall chart

::: deck
![A chart far taller than the slide](tall.svg)
:::
`;

// Speaker notes three pages long on the first section's slide: every later slide starts its handout page further on.
const talkative = `---
title: Talkative briefing
---
## Opening

::: notes
${Array.from({ length: 40 }, (_, i) => `Point ${i + 1} of the opening, said at length so the notes fill page after page.`).join('\n\n')}
:::

## Closing thoughts

Short notes for the closing.
`;

const svgImage = (w: number, h: number, fill: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}"><rect width="${w}" height="${h}" fill="${fill}"/></svg>`;

describe('slides that fit', () => {
  let src: string;
  let out: string;
  let result: BuildResult;
  let browser: Browser;
  const file = (slug: string, name: string) => path.join(out, slug, name);

  beforeAll(async () => {
    src = tempDir();
    out = tempDir();
    writeFiles(src, { 'overlong.md': overlong, 'talkative.md': talkative, 'unfit.md': unfittable, 'images.md': images, 'map.svg': svgImage(800, 600, '#3366aa'), 'tall.svg': svgImage(400, 2400, '#aa3333') });
    [result, browser] = await Promise.all([build({ root: src, paths: ['.'], outDir: out, formats: ['deck-html', 'deck-pdf', 'handout'] }), launchTestBrowser()]);
  });
  afterAll(async () => browser?.close());

  it('leaves no slide overflowing in deck.html when a section is far too long', async () => {
    const page = await browser.newPage();
    const measured = await slideOverflows(page, pathToFileURL(file('overlong', 'deck.html')).href);
    expect(measured.filter(overflows)).toEqual([]);
    // The same check does see the slide that cannot fit, so it is not vacuous.
    const unfit = await slideOverflows(page, pathToFileURL(file('unfit', 'deck.html')).href);
    expect(unfit.filter(overflows).map((s) => s.slide)).toEqual([3]);
    await page.close();
  });

  it('draws ![bg right] as a side background from the embedded file and scales a tall image into its slide', async () => {
    const html = readFileSync(file('images', 'deck.html'), 'utf8');
    expect(html).toMatch(/data-marpit-advanced-background-split="right"/);
    expect(html).toMatch(/background-image:url\(&quot;data:image\/svg\+xml;base64,|background-image:url\("data:image\/svg\+xml;base64,/);
    expect(html).not.toContain('map.svg');
    const page = await browser.newPage();
    const measured = await slideOverflows(page, pathToFileURL(file('images', 'deck.html')).href);
    expect(measured.filter(overflows)).toEqual([]);
    const img = await page.$eval('div.marpit > svg:nth-of-type(4) section img', (el) => {
      const r = el.getBoundingClientRect();
      return { width: r.width, height: r.height };
    });
    expect(img.height).toBeGreaterThan(200);
    expect(img.height).toBeLessThan(600);
    expect(img.width / img.height).toBeCloseTo(400 / 2400, 1);
    await page.close();
    expect(result.documents.find((d) => d.slug === 'images')?.warnings).toEqual([]);
  });

  it('splits the far-too-long section into continuation slides and keeps every bullet', () => {
    const html = readFileSync(file('overlong', 'deck.html'), 'utf8');
    const slides = html.match(/<svg data-marpit-svg/g) ?? [];
    // title, agenda, at least two slides for the long section, one for the other, closing.
    expect(slides.length).toBeGreaterThanOrEqual(6);
    expect(html.match(/\(continued\)/g)?.length ?? 0).toBeGreaterThanOrEqual(1);
    for (let i = 1; i <= 40; i += 1) expect(html).toContain(`Point ${i}:`);
    const text = flat(pdfPages(file('overlong', 'deck.pdf')).join(' '));
    expect(text).toContain('Point 40:');
  });

  it('shrinks a slightly long slide instead of splitting it', () => {
    const html = readFileSync(file('overlong', 'deck.html'), 'utf8');
    expect(html).toMatch(/zoom: 0\.\d+/);
    const pages = pdfPages(file('overlong', 'deck.pdf'));
    const little = pages.filter((p) => p.includes('A little long') && p.includes('Point'));
    expect(little).toHaveLength(1);
    expect(flat(little[0])).toContain('Point 9:');
  });

  it('warns with the file and line of a slide that still overflows, and builds the rest', () => {
    expect(result.failures).toEqual([]);
    const doc = result.documents.find((d) => d.slug === 'unfit');
    expect(doc?.warnings).toHaveLength(1);
    expect(doc?.warnings[0]).toMatchObject({ file: path.join(src, 'unfit.md'), line: 7 });
    expect(doc?.warnings[0].message).toMatch(/does not fit/);
    expect(result.documents.find((d) => d.slug === 'overlong')?.warnings).toEqual([]);
  });

  it('bookmarks every slide of the deck PDF by its heading, and fills in the metadata', async () => {
    const info = pdfInfo(file('overlong', 'deck.pdf'));
    const outline = await pdfOutline(file('overlong', 'deck.pdf'));
    expect(outline).toHaveLength(Number(info.Pages));
    expect(outline.map((o) => o.pageIndex)).toEqual(outline.map((_, i) => i));
    expect(outline[0].title).toBe('Overlong briefing');
    expect(outline[1].title).toBe('Agenda');
    expect(outline[2].title).toBe('1. Far too long');
    expect(outline[3].title).toBe('1. Far too long (continued)');
    expect(outline[outline.length - 1].title).toBe('Questions and discussion');
    expect(info.Title).toBe('Overlong briefing');
    expect(info.Creator).toMatch(/^briefkit /);
  });

  it('prints a handout with one slide per page and its notes as text', () => {
    const deckPages = Number(pdfInfo(file('overlong', 'deck.pdf')).Pages);
    const pages = pdfPages(file('overlong', 'handout.pdf'));
    expect(pages).toHaveLength(deckPages);
    expect(pdfInfo(file('overlong', 'handout.pdf'))['Page size']).toContain('A4');
    expect(flat(pages[2])).toContain('Notes for the long section.');
    expect(flat(pages[2])).toContain('3 / ');
    pages.forEach((p, i) => expect(p, `page ${i + 1}`).toContain('SECRET'));
  });

  it('bookmarks each handout page by its slide', async () => {
    const outline = await pdfOutline(file('overlong', 'handout.pdf'));
    expect(outline.length).toBe(pdfPages(file('overlong', 'handout.pdf')).length);
    expect(outline[2]).toEqual({ title: '1. Far too long', pageIndex: 2 });
  });

  it('bookmarks each slide at the handout page it starts on when notes before it run onto more pages', async () => {
    const pages = pdfPages(file('talkative', 'handout.pdf'));
    const outline = await pdfOutline(file('talkative', 'handout.pdf'));
    const slides = Number(pdfInfo(file('talkative', 'deck.pdf')).Pages);
    expect(pages.length).toBeGreaterThan(slides);
    expect(outline).toHaveLength(slides);
    for (const [i, bookmark] of outline.entries()) expect(flat(pages[bookmark.pageIndex]), bookmark.title).toContain(`${i + 1} / ${slides}`);
    expect(outline.map((b) => b.title)).toContain('2. Closing thoughts');
  });

  it('prints the overflow warning with file and line on the command line', () => {
    const run = runCli(['build', path.join(src, 'unfit.md'), '--out', tempDir(), '--formats', 'deck-html']);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/warning .*unfit\.md:7: Slide 3 \(“Code wall”\) does not fit/);
  });
});
