import { execFileSync } from 'node:child_process';
import { deflateSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/index.js';
import { tempDir, tinyPng, writeFiles } from '../helpers/fixtures.js';

const tinyPngCopy = () => Buffer.from(tinyPng);
import { flat, pdfFonts, pdfInfo, pdfOutline, pdfPages, structureRoles } from '../helpers/pdf.js';

const briefing = `---
title: One print, two files
classification: restricted
lang: en
---
## Launch patterns

Notes on the launch patterns: 북한의 미사일 발사 and 弾道ミサイル, for the presenter only.

::: deck
- Cadence rose in 2022
- Solid-fuel systems
:::

## Outlook

![Launches by year](notes-chart.png)

::: deck
- Expect tests around exercises

![A chart of launches](chart.png)
:::
`;

/** A noisy PNG (1600 x 400: about 2 MB as data), big enough to take a while to load and decode. */
function bigPng(width = 1600, height = 400): Buffer {
  const rows = Buffer.alloc((width * 3 + 1) * height);
  let seed = 7;
  for (let i = 0; i < rows.length; i += 1) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    rows[i] = i % (width * 3 + 1) === 0 ? 0 : seed >> 16;
  }
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(rows, { level: 1 })), chunk('IEND', Buffer.alloc(0))]);
}

/** CRC-32 as PNG chunks use it. */
function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k += 1) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

const builtInHandoutCss = readFileSync(path.join(import.meta.dirname, '../../templates/deck/handout.css'), 'utf8');

/** Page sizes of every page (pdfinfo), e.g. "960 x 540 pts". */
function pageSizes(file: string): string[] {
  const text = execFileSync('pdfinfo', ['-f', '1', '-l', '999', file], { encoding: 'utf8' });
  return [...text.matchAll(/^Page\s+\d+ size:\s+([\d.]+ x [\d.]+ pts)/gm)].map((m) => m[1]);
}

/** Free entries (other than object 0) in a PDF's cross-reference tables: only a file split from a larger print has them. */
function freeEntries(file: string): number {
  return (readFileSync(file, 'latin1').match(/^\d{10} \d{5} f ?\r?$/gm) ?? []).filter((line) => !line.includes(' 65535 ')).length;
}

/** The pages (1-based) that draw an image (poppler's pdfimages). */
function pagesWithImages(file: string): number[] {
  const list = execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' });
  return [...new Set(list.split('\n').slice(2).filter(Boolean).map((line) => Number(line.trim().split(/\s+/)[0])))];
}

/** The smallest distance, in points, of any word on page 1 from the page's left edge (pdftotext -bbox). */
function leftMargin(file: string): number {
  const html = execFileSync('pdftotext', ['-bbox', '-f', '1', '-l', '1', file, '-'], { encoding: 'utf8' });
  return Math.min(...[...html.matchAll(/<word xMin="([\d.]+)"/g)].map((m) => Number(m[1])));
}

/** Builds the briefing into a fresh folder, with a project handout.css when given; returns the output folder. */
async function buildWith(handoutCss?: string): Promise<string> {
  const src = tempDir();
  const out = tempDir();
  writeFiles(src, { 'brief.md': briefing, 'chart.png': tinyPngCopy(), 'notes-chart.png': bigPng(), ...(handoutCss ? { 'templates/deck/handout.css': handoutCss } : {}) });
  const result = await build({ root: src, paths: ['.'], outDir: out, formats: ['deck-html', 'deck-pdf', 'handout'] });
  expect(result.failures).toEqual([]);
  return path.join(out, 'brief');
}

describe('the deck and its handout printed as one document and split', () => {
  let together = '';
  let apart = '';
  let margined = '';

  beforeAll(async () => {
    [together, apart, margined] = await Promise.all([
      buildWith(),
      // A selector for the whole document keeps the handout out of the deck's page: it is printed on its own.
      buildWith(`${builtInHandoutCss}\nhtml { color-scheme: light; }\n`),
      buildWith(`${builtInHandoutCss}\n@page { margin: 30mm 30mm; }\n`),
    ]);
  });

  it('takes the deck’s and the handout’s pages from one print, and gives each file only its own', () => {
    expect(freeEntries(path.join(together, 'deck.pdf'))).toBeGreaterThan(0);
    expect(freeEntries(path.join(together, 'handout.pdf'))).toBeGreaterThan(0);
    const slides = pageSizes(path.join(together, 'deck.pdf'));
    expect(slides.length).toBeGreaterThanOrEqual(4);
    expect(new Set(slides)).toEqual(new Set(['960 x 540 pts']));
    const handout = pageSizes(path.join(together, 'handout.pdf'));
    expect(handout).toHaveLength(slides.length);
    expect(new Set(handout)).toEqual(new Set(['594.96 x 841.92 pts']));
  });

  it('leaves the speaker notes out of the deck PDF, to the last font', () => {
    const deck = flat(pdfPages(path.join(together, 'deck.pdf')).join(' '));
    expect(deck).toContain('Solid-fuel systems');
    expect(deck).not.toMatch(/presenter only|북한|No speaker notes/);
    // The italic of "No speaker notes." is used on handout pages only, so only the handout embeds it.
    expect(pdfFonts(path.join(together, 'handout.pdf')).some((font) => /Italic/.test(font))).toBe(true);
    expect(pdfFonts(path.join(together, 'deck.pdf')).some((font) => /Italic/.test(font))).toBe(false);
  });

  it('prints the handout with each slide, its notes in Hangul and kanji, and the marking on every page', () => {
    const pages = pdfPages(path.join(together, 'handout.pdf')).map(flat);
    const notes = pages.find((page) => page.includes('presenter only'));
    expect(notes).toContain('북한의 미사일 발사');
    expect(notes).toContain('弾道ミサイル');
    expect(notes).toContain('Solid-fuel systems');
    pages.forEach((page, i) => expect(page, `page ${i + 1}`).toContain('RESTRICTED'));
    for (const file of ['deck.pdf', 'handout.pdf']) expect(pdfInfo(path.join(together, file)).Tagged, file).toBe('yes');
  });

  it('draws the slides’ and the notes’ images on the handout’s pages, loaded before the print', () => {
    const deckPages = pagesWithImages(path.join(together, 'deck.pdf'));
    expect(deckPages).toHaveLength(1);
    // The slide's image, and below it the image in its notes, which the deck's page never showed.
    expect(pagesWithImages(path.join(together, 'handout.pdf'))).toEqual(deckPages);
    expect(execFileSync('pdfimages', ['-list', '-f', String(deckPages[0]), '-l', String(deckPages[0]), path.join(together, 'handout.pdf')], { encoding: 'utf8' })).toMatch(/ 1600 +400 /);
  });

  it('tags every slide of the deck PDF, not only the first: the viewer script that hides the others is not run', async () => {
    const slides = pageSizes(path.join(together, 'deck.pdf')).length;
    const roles = await structureRoles(path.join(together, 'deck.pdf'));
    expect(roles.filter((role) => /^H\d$/.test(role)).length).toBeGreaterThanOrEqual(slides);
    expect(roles).toContain('LI');
    const handoutRoles = await structureRoles(path.join(together, 'handout.pdf'));
    expect(handoutRoles.filter((role) => /^H\d$/.test(role)).length).toBeGreaterThanOrEqual(2 * slides);
  });

  it('bookmarks and titles both files as when they are printed apart', async () => {
    for (const file of ['deck.pdf', 'handout.pdf']) {
      expect(await pdfOutline(path.join(together, file)), file).toEqual(await pdfOutline(path.join(apart, file)));
      expect(pdfInfo(path.join(together, file)).Title, file).toBe(pdfInfo(path.join(apart, file)).Title);
    }
  });

  it('makes the same pages and text as printing the handout on its own', () => {
    expect(freeEntries(path.join(apart, 'handout.pdf'))).toBe(0);
    for (const file of ['deck.pdf', 'handout.pdf']) {
      expect(pageSizes(path.join(together, file)), file).toEqual(pageSizes(path.join(apart, file)));
      expect(pdfPages(path.join(together, file)).map(flat), file).toEqual(pdfPages(path.join(apart, file)).map(flat));
    }
  });

  it('applies @page rules of handout.css to the handout’s pages only', () => {
    expect(freeEntries(path.join(margined, 'handout.pdf'))).toBeGreaterThan(0);
    // 30 mm is 85 pt; the built-in margin is 14 mm (40 pt).
    expect(leftMargin(path.join(margined, 'handout.pdf'))).toBeGreaterThan(84);
    expect(leftMargin(path.join(together, 'handout.pdf'))).toBeLessThan(60);
    expect(pageSizes(path.join(margined, 'deck.pdf'))).toEqual(pageSizes(path.join(together, 'deck.pdf')));
    expect(leftMargin(path.join(margined, 'deck.pdf'))).toBe(leftMargin(path.join(together, 'deck.pdf')));
  });
});
