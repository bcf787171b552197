import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/index.js';
import { printChunkSize } from '../../src/pdf/print-in-chunks.js';
import { tempDir, writeFiles } from '../helpers/fixtures.js';
import { flat, pdfDestinations, pdfInfo, pdfLinkNames, pdfOutline, pdfPages } from '../helpers/pdf.js';

// More slides than one print takes, so the deck and its handout are printed in parts (in both tabs) and joined.
const sections = printChunkSize + 12;
const lastHeading = '북한 미사일';
const lastId = '북한-미사일';
let handout = '';
let deck = '';
let slides = 0;

beforeAll(async () => {
  const src = tempDir();
  const out = tempDir();
  // The first point links to the last, in another part, whose heading (and so its id) is Korean.
  const heading = (i: number): string => (i === sections - 1 ? lastHeading : `Point ${i + 1}`);
  const link = (i: number): string => (i === 0 ? `\n\n::: deck\n- Statement 1, see [the last point](#${lastId}).\n:::` : '');
  const body = Array.from({ length: sections }, (_, i) => `## ${heading(i)}\n\nStatement ${i + 1}.${link(i)}\n\n::: notes\nNote for point ${i + 1}.\n:::\n`).join('\n');
  writeFiles(src, { 'long.md': `---\ntitle: Long deck\nclassification: Unclassified\n---\n${body}` });
  const result = await build({ root: src, paths: [src], outDir: out, formats: ['deck-html', 'deck-pdf', 'handout'] });
  expect(result.failures.map((f) => String(f.error))).toEqual([]);
  handout = path.join(out, 'long/handout.pdf');
  deck = path.join(out, 'long/deck.pdf');
  slides = Number(/(\d+) \/ (\d+)/u.exec(flat(pdfPages(handout)[0]))?.[2]);
}, 300_000);

describe('a deck longer than one print', () => {
  it('prints every slide once, in order, one bookmark per slide, tagged', async () => {
    const pages = pdfPages(deck);
    expect(pages).toHaveLength(slides);
    const order = pages.map((text) => Number(/Statement (\d+)[.,]/u.exec(flat(text))?.[1])).filter((n) => !Number.isNaN(n));
    expect(order).toEqual(Array.from({ length: sections }, (_, i) => i + 1));
    expect(await pdfOutline(deck)).toHaveLength(slides);
    expect(pdfInfo(deck).Tagged).toBe('yes');
  });
});

describe('a link from one part of a long deck to another', () => {
  it('opens the slide it points at, though its id is outside ASCII (the link writes it percent-encoded)', async () => {
    const pages = pdfPages(deck);
    const target = pages.findIndex((text) => flat(text).includes(`Statement ${sections}.`)) + 1;
    const source = pages.findIndex((text) => flat(text).includes('Statement 1, see')) + 1;
    const name = encodeURIComponent(lastId);
    expect(pdfDestinations(deck).get(name)).toBe(target);
    expect(await pdfLinkNames(deck, source)).toContain(name);
  });
});

describe('a handout longer than one print', () => {
  it('has one page per slide, numbered in order across the parts it was printed in', () => {
    const pages = pdfPages(handout);
    expect(slides).toBeGreaterThan(printChunkSize);
    expect(pages).toHaveLength(slides);
    pages.forEach((text, i) => expect(flat(text)).toContain(`${i + 1} / ${slides}`));
    // The last section's slide, in the last part, still has its own notes beneath it.
    const last = pages.find((text) => flat(text).includes(`Statement ${sections}.`));
    expect(last && flat(last)).toContain(`Note for point ${sections}.`);
  });

  it('bookmarks every page, is tagged, and carries the document title', async () => {
    expect(await pdfOutline(handout)).toHaveLength(slides);
    expect(pdfInfo(handout).Tagged).toBe('yes');
    expect(pdfInfo(handout).Title).toContain('Long deck');
  });
});
