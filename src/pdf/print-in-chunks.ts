import type { Page, PDFOptions } from 'puppeteer-core';
import { printLoadedPage } from './print-pdf.js';

/** Elements printed per Page.printToPDF call when a page is printed in chunks. */
export const printChunkSize = 150;

/**
 * Splits `count` elements into `[start, end)` ranges of at most `size`, all about the same length so the last one is
 * not a runt; one range when everything fits in one.
 */
export function chunkRanges(count: number, size = printChunkSize): [number, number][] {
  const parts = Math.max(1, Math.ceil(count / Math.max(1, size)));
  const per = Math.ceil(count / parts);
  const ranges: [number, number][] = [];
  for (let start = 0; start < count; start += per) ranges.push([start, Math.min(count, start + per)]);
  return ranges.length > 0 ? ranges : [[0, 0]];
}

/**
 * Runs in the page: shows only the elements `start`..`end - 1` of `selector` (the others get `display: none`),
 * and lets the last one shown end without a page break; with `start === end` everything is shown again.
 */
export function showOnlyInPage(selector: string, start: number, end: number): number {
  const all = Array.from(document.querySelectorAll<HTMLElement>(selector));
  const restore = start === end;
  all.forEach((element, i) => {
    if (restore || (i >= start && i < end)) element.style.removeProperty('display');
    else element.style.setProperty('display', 'none', 'important');
    if (!restore && i === end - 1) element.style.setProperty('break-after', 'auto', 'important');
    else element.style.removeProperty('break-after');
  });
  return all.length;
}

/**
 * Prints the loaded page as several PDFs of `size` top-level page elements (`selector`: a deck's slides, a
 * handout's pages) each, in order. Chromium paints every printed page by walking the whole document (measured
 * with Chromium 156: a slide of a 1,557-slide deck cost 12.5 ms of paint, one of a 250-slide chunk 2.6 ms), so
 * one print of a long deck costs the square of its length; chunks keep it linear. A page with at most `size`
 * elements is printed in one call, as before. The page is left showing every element.
 */
export async function printInChunks(page: Page, selector: string, pdf: PDFOptions, size = printChunkSize): Promise<Uint8Array[]> {
  const count = await page.evaluate((s) => document.querySelectorAll(s).length, selector);
  if (count <= size) return [await printLoadedPage(page, pdf)];
  const chunks: Uint8Array[] = [];
  try {
    for (const [start, end] of chunkRanges(count, size)) {
      await page.evaluate(showOnlyInPage, selector, start, end);
      chunks.push(await printLoadedPage(page, pdf));
    }
  } finally {
    await page.evaluate(showOnlyInPage, selector, 0, 0).catch(() => undefined);
  }
  return chunks;
}
