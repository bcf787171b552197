import type { Page, PDFOptions } from 'puppeteer-core';
import type { BrowserService } from '../browser/browser-service.js';
import { digitCount, measuredLabels, placeholderLabels, runningHeads, type PageLabels } from '../report/page-labels.js';
import { guessPages } from './guess-pages.js';
import { markHeadingTargets, type PageHeading } from './mark-heading-targets.js';
import { patchInPlace } from './patch-in-place.js';
import { PdfFile } from './pdf-file.js';
import type { PdfValue } from './pdf-syntax.js';
import { loadForPrint, printLoadedPage, untilPaintable } from './print-pdf.js';
import { readNamedDestinations, type Destination } from './read-destinations.js';

/** A heading of the printed report with the page it starts on. */
export interface PlacedPageHeading extends PageHeading {
  page: number;
  destination: PdfValue[];
}

/** The settled print: its HTML, the PDF as printed (read only where needed) and where every heading landed. */
export interface MeasuredPrint {
  html: string;
  pdf: PdfFile;
  headings: PlacedPageHeading[];
  /** How many times the page was printed: 1 when the guessed pages were borne out, else usually 2. */
  passes: number;
  /** How many times the HTML was loaded into the tab (1 when every later pass could be patched in place). */
  loads: number;
}

/** Options for a measured print. */
export interface MeasuredPrintOptions {
  /** Ids whose page numbers the template shows (sections, subsections); headings are measured anyway. */
  ids: readonly string[];
  pdf: PDFOptions;
  /** Give up settling after this many prints (default 4); the last print is returned, unchecked when it is the only one. */
  maxPasses?: number;
  /** Whether a short report's pages are guessed before its first print (default true; tests compare both ways). */
  guess?: boolean;
}

/** The fewest digits page numbers are padded to from the first pass on. */
const minimumWidth = 2;

/**
 * Reports estimated at up to this many pages have their pages guessed before the first print. The estimate runs 1.4
 * (CJK) to 2.4 (the memo) times the printed pages, so that is some 670 to 1,140 pages. The guess was exact for every
 * heading of generated reports of 3 to 290 pages (tables, footnotes, both templates, A4 and Letter) and of 48 papers
 * and margins, and of long generated reports of 290, 445, 578 and 876 pages (the briefing template; estimates up to
 * 1,548) and 220, 457 and 708 pages (the memo). A hit saves the measuring print (for the 445-page report of the
 * 1,500-section benchmark briefing, 4.2 s of a tab's time); a miss costs a full print instead of that measuring one.
 */
const guessedPagesAtMost = 1600;

/** A rough count of the pages `html` prints to, from the amount of text (images left out). */
function estimatedPages(html: string): number {
  return Math.ceil(html.replace(/data:[^"')\s]+/g, '').length / 2000);
}

/** A report's first rendering: with placeholder labels `width` digits wide, and about how many pages it prints. */
export interface FirstPass {
  html: string;
  width: number;
  estimate: number;
}

/**
 * The first pass's HTML, the width of its labels and the page estimate: rendered with the narrowest placeholders,
 * and again only when the text looks long enough for more digits (which a few more placeholder digits cannot change).
 */
export function firstPass(render: (labels: PageLabels) => string, ids: readonly string[]): FirstPass {
  const html = render(placeholderLabels(ids, minimumWidth));
  const estimate = estimatedPages(html);
  const width = Math.max(minimumWidth, digitCount(estimate));
  return { html: width === minimumWidth ? html : render(placeholderLabels(ids, width)), width, estimate };
}

/** Labels (contents page numbers and running heads) for the pages headings and ids start on. */
export function labelsFor(pages: ReadonlyMap<string, number>, pageCount: number, headings: readonly PageHeading[], ids: readonly string[], width: number): PageLabels {
  const placed = headings.flatMap((h) => {
    const page = pages.get(h.id);
    return page === undefined ? [] : [{ ...h, page }];
  });
  return measuredLabels(pages, [...new Set([...ids, ...pages.keys()])], width, runningHeads(placed, pageCount));
}

/**
 * Prints HTML whose contents need page numbers Chromium cannot compute (there is no `target-counter()`): print,
 * read from the PDF's named destinations the page each heading landed on, render again with those numbers and
 * running heads, and print again in the same tab, until the HTML no longer changes. Numbers are padded to a
 * fixed digit width with figure spaces from the first pass on, so filling them in cannot move a line break.
 * A report of up to about 700 pages has its pages guessed first (see guessPages), and the first print uses the
 * guess: when the print bears it out, that print is the final one.
 */
export async function printMeasured(service: BrowserService, render: (labels: PageLabels) => string, options: MeasuredPrintOptions): Promise<MeasuredPrint> {
  return service.withPage((page) => printMeasuredIn(page, render, options));
}

/** printMeasured in a tab the caller holds; `first` is the first pass when the caller rendered it already. */
export async function printMeasuredIn(page: Page, render: (labels: PageLabels) => string, options: MeasuredPrintOptions, first = firstPass(render, options.ids)): Promise<MeasuredPrint> {
  const maxPasses = options.maxPasses ?? 4;
  let { html, width } = first;
  let loaded: string | undefined;
  let loads = 0;
  // Later passes change only labels: the loaded page is patched rather than loaded again where it can be.
  const show = async (next: string): Promise<PageHeading[]> => {
    if (loaded !== undefined && (await patchInPlace(page, loaded, next))) await untilPaintable(page);
    else {
      await loadForPrint(page, next);
      loads += 1;
    }
    loaded = next;
    return markHeadingTargets(page, options.ids);
  };
  let headings = await show(html);
  // A guess needing wider numbers than the placeholders would move text, and could not be borne out.
  const guessed = options.guess !== false && first.estimate <= guessedPagesAtMost ? await guessPages(page) : undefined;
  const guess = guessed && 'pages' in guessed && digitCount(guessed.pageCount) <= width ? guessed : undefined;
  if (guess) {
    const guessedHtml = render(labelsFor(guess.pages, guess.pageCount, headings, options.ids, width));
    if (guessedHtml !== html) headings = await show(guessedHtml);
    html = guessedHtml;
  }
  for (let pass = 1; ; pass += 1) {
    if (pass > 1) headings = await show(html);
    // Without a guess, the first print only finds where headings land (its page labels are placeholders), so it
    // paints nothing and skips the PDF tags: `visibility: hidden` and tags leave the layout as it is, the named
    // destinations are still written, and the print takes a fraction of the time (a 224-page report: 0.7 s instead
    // of 4.6 s). Should it already be final (a template that shows no page labels), it is printed once more in full.
    const draft = pass === 1 && guess === undefined;
    await setPaintHidden(page, draft);
    const printed = await printAndPlace(page, headings, draft ? { ...options.pdf, tagged: false } : options.pdf);
    width = Math.max(width, digitCount(printed.pdf.pageCount));
    const nextHtml = render(labelsFromPrint(printed, options.ids, width));
    if (nextHtml === html || pass >= maxPasses) {
      if (draft) await setPaintHidden(page, false);
      const final = draft ? await printAndPlace(page, headings, options.pdf) : printed;
      return { html, pdf: final.pdf, headings: final.headings, passes: draft ? pass + 1 : pass, loads };
    }
    html = nextHtml;
  }
}

/** A printed report: its PDF, its named destinations, and its headings with the pages they landed on. */
export interface PlacedPrint {
  pdf: PdfFile;
  destinations: Map<string, Destination>;
  headings: PlacedPageHeading[];
}

/** Prints the loaded page and finds, from the PDF's named destinations, the page each heading landed on. */
async function printAndPlace(page: Page, headings: PageHeading[], pdfOptions: PDFOptions): Promise<PlacedPrint> {
  return placeHeadings(PdfFile.parse(await printLoadedPage(page, pdfOptions)), headings);
}

/** The labels a print calls for: its headings' and ids' pages, numbers `width` digits wide. */
export function labelsFromPrint(printed: PlacedPrint, ids: readonly string[], width: number): PageLabels {
  const pages = new Map([...printed.destinations].map(([id, d]) => [id, d.page]));
  for (const heading of printed.headings) if (!pages.has(heading.id)) pages.set(heading.id, heading.page);
  return labelsFor(pages, printed.pdf.pageCount, printed.headings, ids, width);
}

/** Finds, from a printed report's named destinations, the page each heading landed on. */
export function placeHeadings(pdf: PdfFile, headings: readonly PageHeading[]): PlacedPrint {
  const destinations = readNamedDestinations(pdf);
  const placed = headings.flatMap((h) => {
    const destination = destinations.get(h.id) ?? (h.anchor === undefined ? undefined : destinations.get(h.anchor));
    return destination ? [{ ...h, page: destination.page, destination: destination.array }] : [];
  });
  return { pdf, destinations, headings: placed };
}

/** Id of the style element that hides everything while the measuring print runs. */
const hideStyleId = 'briefkit-measuring';

/**
 * Hides (or shows again) everything in the loaded page without changing its layout: `visibility` never moves a box,
 * so pages break exactly as they will when printed for real, but nothing is painted.
 */
async function setPaintHidden(page: Page, hidden: boolean): Promise<void> {
  await page.evaluate(
    (id, on) => {
      document.getElementById(id)?.remove();
      if (!on) return;
      const style = document.createElement('style');
      style.id = id;
      style.textContent = '*, *::before, *::after, *::marker { visibility: hidden !important; }';
      document.head.append(style);
    },
    hideStyleId,
    hidden,
  );
}

