import type { PDFOptions } from 'puppeteer-core';
import type { BrowserService } from '../browser/browser-service.js';
import { loadForPrint, printLoadedPage, type PrintOptions } from './print-pdf.js';

/**
 * Slides (or handout pages) per Page.printToPDF call. Chromium paints every printed page by walking the whole
 * document (measured with Chromium 156: a slide of a 1,557-slide deck cost 12.5 ms of paint, one of a 250-slide
 * chunk 2.6 ms), so one print of a long deck costs the square of its length; parts keep it linear.
 */
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

/** The `id` attributes in a piece of HTML, in order. */
export function elementIds(html: string): string[] {
  return [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
}

/**
 * The ids that in-page links (`href="#…"`) in a piece of HTML point at, each with its fragment as the link writes
 * it: a link to an id outside ASCII is written percent-encoded (`#%EB%B6%81…`), and Chromium names the destination
 * after the fragment as written.
 */
export function linkedIds(html: string): Map<string, string> {
  const linked = new Map<string, string>();
  for (const [, fragment] of html.matchAll(/\shref="#([^"]+)"/g)) {
    let id = fragment;
    try {
      id = decodeURIComponent(fragment);
    } catch {
      // Not percent-encoding after all: the fragment is the id.
    }
    if (!linked.has(id)) linked.set(id, fragment);
  }
  return linked;
}

/**
 * Keeps links between parts printed on their own. Chromium writes a link into the PDF only when its target is in
 * the page, and a named destination only for an element some link points at. So a part gets a hidden list with an
 * empty element for each id another part prints (`outside`, ids), and a link to each of its own elements that a link
 * elsewhere points at (`inside`, fragments as those links write them, so the destination gets the links' name);
 * PrintedPartsJoiner then merges the parts' named destinations and the links resolve.
 */
export function withPartLinks(html: string, links: { outside: readonly string[]; inside: readonly string[] }): string {
  if (links.outside.length === 0 && links.inside.length === 0) return html;
  const list = [...links.outside.map((id) => `<a id="${id}"></a>`), ...links.inside.map((id) => `<a href="#${id}"></a>`)].join('');
  return html.replace(/<body[^>]*>/, (body) => `${body}<div hidden data-briefkit-part-links>${list}</div>`);
}

/** One part of a long print: its own self-contained page, and the viewport to lay it out in. */
export interface PrintPart {
  html: string;
  viewport?: PrintOptions['viewport'];
}

/**
 * Prints a long document as separate pages of one range each (`partFor` renders the page of a range), every part
 * in whichever tab of the pool is free, so both tabs print at once. Each part's PDF is its own promise, in range
 * order: the caller joins the first parts while the later ones still print (see joinedBytes in finish-pdf.ts).
 * Every promise has a handler, so one that fails while an earlier part is being joined is not reported as
 * unhandled; awaiting it still throws.
 */
export function printEachPart(service: BrowserService, ranges: readonly [number, number][], partFor: (start: number, end: number) => PrintPart, pdf: PDFOptions): Promise<Uint8Array>[] {
  const parts = ranges.map(([start, end]) =>
    service.withPage(async (page) => {
      const part = partFor(start, end);
      await loadForPrint(page, part.html, part.viewport);
      return printLoadedPage(page, pdf);
    }),
  );
  for (const part of parts) part.catch(() => undefined);
  return parts;
}
