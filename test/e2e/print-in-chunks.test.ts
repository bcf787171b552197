import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BrowserService } from '../../src/browser/browser-service.js';
import { joinedBytes } from '../../src/pdf/finish-pdf.js';
import { chunkRanges, printEachPart, withPartLinks, type PrintPart } from '../../src/pdf/print-in-chunks.js';
import { tempDir } from '../helpers/fixtures.js';
import { pdfDestinations, pdfInfo, pdfPages } from '../helpers/pdf.js';

// Seven one-page articles, like a handout; the last links back to the first.
const article = (i: number): string =>
  `<article id="a${i + 1}"><h2>Article ${i + 1}</h2><p>Text of article ${i + 1}.</p><ul><li>Point ${i + 1}</li></ul>${i === 6 ? '<p><a href="#a1">Back to the first</a></p>' : ''}</article>`;
const pageOf = (start: number, end: number): PrintPart => ({
  // The link from article 7 to article 1 crosses parts when printed three articles a part.
  html: withPartLinks(
    '<!doctype html><html lang="en"><head><style>@page { size: A5; margin: 10mm } article { break-after: page } article:last-child { break-after: auto }</style></head><body>' +
      Array.from({ length: end - start }, (_, i) => article(start + i)).join('') +
      '</body></html>',
    start === 0 && end === 7 ? { outside: [], inside: [] } : { outside: start > 0 ? ['a1'] : [], inside: start === 0 ? ['a1'] : [] },
  ),
});

const browser = new BrowserService();
const dir = tempDir();
const whole = path.join(dir, 'whole.pdf');
const joined = path.join(dir, 'joined.pdf');
let parts = 0;

beforeAll(async () => {
  const pdf = { format: 'A5' as const, tagged: true };
  const [one] = await Promise.all(printEachPart(browser, chunkRanges(7, 10), pageOf, pdf));
  writeFileSync(whole, one);
  const printed = await Promise.all(printEachPart(browser, chunkRanges(7, 3), pageOf, pdf));
  parts = printed.length;
  writeFileSync(joined, await joinedBytes(printed));
}, 120_000);
afterAll(() => browser.close());

/** poppler's view of the structure tree, object numbers left out (they differ between files), and its warnings. */
function structure(file: string): { tree: string; warnings: string } {
  const run = spawnSync('pdfinfo', ['-struct-text', file], { encoding: 'utf8' });
  return { tree: run.stdout.replace(/Object \d+ \d+/g, 'Object'), warnings: run.stderr };
}

describe('printing in parts', () => {
  it('prints a document with more elements than a part holds as several pages of about equal size', () => {
    expect(parts).toBe(3);
  });

  it('joins the parts into the same pages, in order, with no blank page where a part ended', () => {
    expect(pdfPages(joined)).toEqual(pdfPages(whole));
    expect(pdfPages(joined)).toHaveLength(7);
  });

  it('keeps one tagged structure tree with the same elements and text as a single print', () => {
    expect(pdfInfo(joined).Tagged).toBe('yes');
    const [a, b] = [structure(joined), structure(whole)];
    expect(a.tree).toContain('Article 7');
    expect(a.tree).toBe(b.tree);
    expect(a.warnings).toBe('');
  });

  it('keeps a link to an element of another part pointing at its page', () => {
    expect(pdfDestinations(joined).get('a1')).toBe(1);
  });
});
