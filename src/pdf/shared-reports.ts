import type { Page } from 'puppeteer-core';
import type { BrowserService } from '../browser/browser-service.js';
import { digitCount, type PageLabels } from '../report/page-labels.js';
import { BatchQueues } from './batch-queues.js';
import { guessPages } from './guess-pages.js';
import { markDocumentsHeadingTargets, type PageHeading } from './mark-heading-targets.js';
import { marginTexts, mergedPageCss, readPageMarginCss, type PageMarginCss } from './page-margin-css.js';
import { patchInPlace } from './patch-in-place.js';
import { PdfFile } from './pdf-file.js';
import { printChunkSize } from './print-in-chunks.js';
import { firstPass, labelsFor, labelsFromPrint, placeHeadings, printMeasured, printMeasuredIn, type FirstPass, type MeasuredPrint, type MeasuredPrintOptions } from './print-measured.js';
import { loadForPrint, printLoadedPage, untilPaintable } from './print-pdf.js';
import { documentsPage, pageParts, prefixOf, type PageParts } from './shared-prints.js';
import { splitPrintedPdf } from './split-printed-pdf.js';

/** A report waiting for a tab, with what decides which others it can print with. */
interface WaitingReport {
  render: (labels: PageLabels) => string;
  options: MeasuredPrintOptions;
  first: FirstPass;
  parts: PageParts;
  css: PageMarginCss;
  resolve: (printed: MeasuredPrint) => void;
  reject: (error: unknown) => void;
}

/** A report as the shared print printed it: its HTML, its headings (ids without the prefix) and its first page's id. */
interface PrintedReport {
  html: string;
  headings: PageHeading[];
  startId: string;
}

/** The shared print of a batch of reports, or a batch of one report printed as alone. */
type ReportsPrint = { pdf: Uint8Array; reports: PrintedReport[] } | { alone: MeasuredPrint };

/**
 * Reports printed together at most: two batches of the 20-briefing benchmark's reports keep both tabs busy to the end of
 * the build. Their estimated pages (about twice the printed ones) stay within two print chunks.
 */
const reportsAtOnce = 8;

/**
 * Prints the reports of a build that look alike (template, paper, marking) in one Chromium print, then splits the PDF
 * into one per report, each as if printed alone. Twenty short reports printed one by one cost Chromium twice the CPU
 * of two prints of ten (load, layout and the print's fixed ~40 ms each). What differs from report to report on the page
 * is its margin boxes (title, running heads, "Page 2 of 6"): those are read from each report's `@page` rules (see
 * readPageMarginCss) and printed from counter styles of the page number that hold every page's text. The pages are
 * guessed for all reports at once (guessPages) and each report is rendered with its own labels; a report whose print
 * does not bear its labels out, or a batch that cannot be guessed or split, is printed alone (printMeasured).
 */
export class SharedReports {
  private readonly queues: BatchQueues<WaitingReport, ReportsPrint>;

  /** With `enabled` false (one document, trusted HTML), every report prints alone. */
  constructor(
    private readonly browser: BrowserService,
    private readonly enabled: boolean,
  ) {
    this.queues = new BatchQueues(browser, {
      first: false,
      fits: (batch, next) => batch.length < reportsAtOnce && batch.reduce((pages, report) => pages + report.first.estimate, next.first.estimate) <= 2 * printChunkSize,
      // A report that was alone in its batch prints as alone, in the tab it got.
      inTab: (page, batch) => (batch.length === 1 ? printMeasuredIn(page, batch[0].render, batch[0].options, batch[0].first).then((alone) => ({ alone })) : printReports(page, batch)),
      settle: (batch, printed) => this.settle(batch, printed),
      alone: (job) => this.printAlone(job),
    });
  }

  /** The report printed until its labels settle, with others of its look when it can (see printMeasured). */
  print(render: (labels: PageLabels) => string, options: MeasuredPrintOptions, group: string): Promise<MeasuredPrint> {
    if (!this.enabled || options.guess === false) return printMeasured(this.browser, render, options);
    const first = firstPass(render, options.ids);
    const parts = first.estimate <= printChunkSize ? pageParts(first.html) : undefined;
    const css = parts && readPageMarginCss(parts.head);
    if (!parts || !css) return this.browser.withPage((page) => printMeasuredIn(page, render, options, first));
    return new Promise((resolve, reject) => {
      this.queues.add(JSON.stringify([group, css.head, parts.bodyTag, css.rules, options.pdf]), { render, options, first, parts, css, resolve, reject });
    });
  }

  /** Splits the print and hands each report its PDF; a report whose print does not bear out its labels prints alone. */
  private settle(batch: readonly WaitingReport[], printed: ReportsPrint): void {
    if ('alone' in printed) return batch[0].resolve(printed.alone);
    let pdfs: Uint8Array[];
    try {
      pdfs = splitPrintedPdf(printed.pdf, printed.reports.map((report, i) => ({ prefix: prefixOf(i), startId: report.startId, startNamed: true })));
    } catch {
      return this.eachAlone(batch);
    }
    batch.forEach((waiting, i) => {
      const { html, headings } = printed.reports[i];
      try {
        const placed = placeHeadings(PdfFile.parse(pdfs[i]), headings);
        const width = Math.max(waiting.first.width, digitCount(placed.pdf.pageCount));
        if (waiting.render(labelsFromPrint(placed, waiting.options.ids, width)) !== html) return this.printAlone(waiting);
        waiting.resolve({ html, pdf: placed.pdf, headings: placed.headings, passes: 1, loads: 1 });
      } catch {
        this.printAlone(waiting);
      }
    });
  }

  private printAlone({ render, options, first, resolve, reject }: WaitingReport): void {
    this.browser.withPage((page) => printMeasuredIn(page, render, options, first)).then(resolve, reject);
  }

  private eachAlone(batch: readonly WaitingReport[]): void {
    for (const waiting of batch) this.printAlone(waiting);
  }
}

/** A page of the batch's reports with these bodies, each report's margin boxes showing `texts` on its pages. */
function reportsPage(batch: readonly WaitingReport[], bodies: readonly string[], texts: ReadonlyMap<string, readonly string[]>): string {
  const { css, parts } = batch[0];
  const head = `${css.head.replace(/<\/head>\s*$/i, '')}<style>\n${mergedPageCss(css.rules, texts)}\n</style>\n</head>\n`;
  return documentsPage(head, parts.bodyTag, bodies);
}

/**
 * Whether the loaded page of several reports prints each as it would alone: nothing around the reports' blocks on the
 * page (the body's vertical margins, padding and borders would come once, not per report), and no counters the body or
 * root starts (they would run on from one report into the next).
 */
async function printsAsAlone(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const body = getComputedStyle(document.body);
    const root = getComputedStyle(document.documentElement);
    const flat = ['margin-top', 'margin-bottom', 'padding-top', 'padding-bottom', 'border-top-width', 'border-bottom-width'].every((name) => parseFloat(body.getPropertyValue(name)) === 0);
    const counters = [body, root].every((style) => ['counter-reset', 'counter-set', 'counter-increment'].every((name) => style.getPropertyValue(name) === 'none'));
    return flat && counters;
  });
}

/**
 * Loads the batch's reports as one page, guesses every report's pages, renders each with its labels, and prints the
 * page with every margin box's text in place. Throws (and the batch prints report by report) when the page cannot be
 * guessed or a report's pages would need wider numbers than its placeholders.
 */
async function printReports(page: Page, batch: readonly WaitingReport[]): Promise<ReportsPrint> {
  const before = reportsPage(batch, batch.map((report) => report.parts.body), new Map());
  await loadForPrint(page, before);
  if (!(await printsAsAlone(page))) throw new Error('The reports would not print as they do alone.');
  const documents = batch.map((report, i) => ({ prefix: prefixOf(i), ids: report.options.ids }));
  let headings = await markDocumentsHeadingTargets(page, documents);
  const guess = await guessPages(page);
  if (!('pages' in guess) || guess.starts.length !== batch.length) throw new Error(`The reports' pages were not guessed${'skipped' in guess ? `: ${guess.skipped}` : ''}.`);
  const texts = new Map<string, string[]>();
  const reports = batch.map((report, i): PrintedReport & { body: string } => {
    const start = guess.starts[i];
    const pageCount = (guess.starts[i + 1] ?? guess.pageCount + 1) - start;
    const prefix = prefixOf(i);
    const pages = new Map<string, number>();
    for (const [id, at] of guess.pages) if (id.startsWith(prefix)) pages.set(id.slice(prefix.length), at - start + 1);
    if (pageCount < 1 || digitCount(pageCount) > report.first.width || [...pages.values()].some((at) => at < 1 || at > pageCount)) throw new Error('A report’s guessed pages do not fit its labels.');
    // The report's start is a heading on its first page: its named destination tells the split where the report begins.
    const startId = headings[i].find((h) => pages.get(h.id) === 1)?.id;
    if (startId === undefined) throw new Error('A report has no heading on its first page.');
    const html = report.render(labelsFor(pages, pageCount, headings[i], report.options.ids, report.first.width));
    const parts = pageParts(html);
    const css = parts && readPageMarginCss(parts.head);
    if (!parts || !css || css.rules !== report.css.rules) throw new Error('A report can no longer share its print: its page rules changed with its labels.');
    for (const [box, pageTexts] of marginTexts(css, pageCount)) texts.set(box, [...(texts.get(box) ?? new Array<string>(start - 1).fill('')), ...pageTexts]);
    return { html, body: parts.body, headings: headings[i], startId };
  });
  const after = reportsPage(batch, reports.map((report) => report.body), texts);
  if (await patchInPlace(page, before, after)) await untilPaintable(page);
  else {
    await loadForPrint(page, after);
    headings = await markDocumentsHeadingTargets(page, documents);
  }
  return { pdf: await printLoadedPage(page, batch[0].options.pdf), reports: reports.map(({ html, startId }, i) => ({ html, headings: headings[i], startId })) };
}
