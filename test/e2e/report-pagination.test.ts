import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/index.js';
import { headingPage, readContents } from '../helpers/contents.js';
import { tempDir, writeFiles } from '../helpers/fixtures.js';
import { longBriefing } from '../helpers/long-briefing.js';
import { pdfInfo, pdfPages, textLines } from '../helpers/pdf.js';

/** Every contents entry's printed number is the page where that heading's line appears after the contents. */
function expectContentsMatch(pages: string[], expectedEntries: number): void {
  const { entries, lastPage } = readContents(pages);
  expect(entries).toHaveLength(expectedEntries);
  for (const entry of entries) expect(headingPage(pages, entry, lastPage), `${entry.number} ${entry.title}`).toBe(entry.page);
}

describe('contents page numbers', () => {
  let root: string;
  let out: string;
  const pdf = (slug: string) => path.join(out, slug, 'report.pdf');

  beforeAll(async () => {
    root = tempDir();
    out = tempDir();
    writeFiles(root, {
      'short.md': '---\ntitle: Short note\nclassification: internal\n---\n## Only section\n\nOne paragraph.\n\n### A detail\n\nMore.\n\n## Second section\n\nEnd.\n',
      'long.md': longBriefing({ sections: 80, tableRows: 90 }),
    });
    const result = await build({ root, paths: [root], outDir: out, formats: ['report-pdf'] });
    expect(result.failures).toEqual([]);
  }, 600_000);

  it('match where each heading starts in a short document', () => {
    const pages = pdfPages(pdf('short'));
    expect(pages.length).toBeLessThanOrEqual(3);
    expectContentsMatch(pages, 3);
  });

  it('match where each heading starts in a document of about 300 pages', () => {
    const pages = pdfPages(pdf('long'));
    expect(pages.length).toBeGreaterThanOrEqual(250);
    expectContentsMatch(pages, 240);
  });

  it('count pages as "Page X of Y" on every page but the cover', () => {
    const pages = pdfPages(pdf('long'));
    expect(pages[0]).not.toMatch(/Page \d+ of/);
    pages.slice(1).forEach((text, i) => expect(text).toContain(`Page ${i + 2} of ${pages.length}`));
    expect(pdfInfo(pdf('long')).Pages).toBe(String(pages.length));
  });

  it('never leaves a heading at the foot of a page', () => {
    const pages = pdfPages(pdf('long'));
    const { lastPage } = readContents(pages);
    let headings = 0;
    for (const [i, page] of pages.entries()) {
      if (i < lastPage) continue;
      const lines = textLines(page);
      lines.forEach((line, n) => {
        if (!/^\d+(\.\d+)?\s+(Section heading|Detail) /.test(line)) return;
        headings += 1;
        expect(lines.slice(n + 1).some((after) => /\bk\d+[a-h]/.test(after)), `${line} on page ${i + 1}`).toBe(true);
      });
    }
    expect(headings).toBe(240);
  });

  it('never leaves a single line of a paragraph alone at the foot or the head of a page', () => {
    const pages = pdfPages(pdf('long'));
    const linesOn = new Map<number, number[]>(); // paragraph -> line count on each page it touches
    let split = 0;
    for (const page of pages) {
      const counts = new Map<number, number>();
      for (const line of textLines(page)) {
        const match = /^k(\d+)[a-h]/.exec(line);
        if (match) counts.set(Number(match[1]), (counts.get(Number(match[1])) ?? 0) + 1);
      }
      for (const [paragraph, count] of counts) linesOn.set(paragraph, [...(linesOn.get(paragraph) ?? []), count]);
    }
    for (const [paragraph, counts] of linesOn) {
      if (counts.length < 2) continue;
      split += 1;
      for (const count of counts) expect(count, `paragraph ${paragraph}: ${counts.join(' + ')} lines`).toBeGreaterThanOrEqual(2);
    }
    expect(split).toBeGreaterThan(50);
  });

  it('keeps every table row on one page and repeats the header row on each page of a long table', () => {
    const pages = pdfPages(pdf('long'));
    const rowPages = new Map<number, Set<number>>();
    const tablePages = new Set<number>();
    pages.forEach((page, i) => {
      for (const line of textLines(page)) {
        for (const match of line.matchAll(/\br(\d+)[a-h]+/g)) {
          rowPages.set(Number(match[1]), (rowPages.get(Number(match[1])) ?? new Set()).add(i));
          tablePages.add(i);
        }
      }
    });
    expect(rowPages.size).toBe(90);
    for (const [row, on] of rowPages) expect(on.size, `row ${row}`).toBe(1);
    expect(tablePages.size).toBeGreaterThanOrEqual(2);
    for (const i of tablePages) expect(pages[i], `page ${i + 1}`).toMatch(/Row\s+Finding\s+Note/);
    expect(pages[Math.min(...tablePages)]).toContain('Table 1: Long findings table');
  });
});
