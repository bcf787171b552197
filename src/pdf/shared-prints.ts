import type { Page, PDFOptions } from 'puppeteer-core';
import type { SlideMeasure } from '../browser/measure-slides.js';
import type { BrowserService } from '../browser/browser-service.js';
import { prefixIds } from '../html/prefix-ids.js';
import { BatchQueues } from './batch-queues.js';
import { printChunkSize } from './print-in-chunks.js';
import { loadForPrint, printLoadedPage, type PrintOptions } from './print-pdf.js';
import { splitPrintedPdf } from './split-printed-pdf.js';

/** A document's page to print, which may share its print with other documents' pages of the same look. */
export interface SharablePrint {
  /** The self-contained page. */
  html: string;
  viewport?: PrintOptions['viewport'];
  pdf: PDFOptions;
  /** An element id on the page's first printed page (its named destination tells where the document starts). */
  startId: string;
  /** About how many pages it prints: a shared print holds at most {@link printChunkSize}. */
  pages: number;
  /**
   * Only pages of the same group share a print (the document's classification marking): a shared print's font subsets
   * hold the glyphs of every document in it, so each PDF split from it carries, as glyphs, which characters the others
   * use.
   */
  group: string;
}

/** A page split at its body: what decides whether two pages can share a print, and the body's content. */
export interface PageParts {
  /** Everything before the body, less the title; the body's own tag. */
  head: string;
  bodyTag: string;
  body: string;
}

/** Reads a loaded page before it prints (a deck's slides measured), and says whether the pages as loaded are to be printed. */
export interface PrintCheck {
  /** Reads every item of the loaded page (each slide of every deck it holds), in page order. */
  read: (page: Page) => Promise<SlideMeasure[]>;
  /** How many of the items read are this document's. */
  items: number;
  /** Given its own items (indexes from 0), whether the document's pages as loaded are what it prints. */
  accept: (items: SlideMeasure[]) => boolean;
}

/** What a checked print gave: the document's items as read, and its PDF when it accepted the pages as loaded. */
export interface CheckedPrint {
  items: SlideMeasure[];
  pdf?: Uint8Array;
}

interface Waiting {
  job: SharablePrint;
  check?: PrintCheck;
  /** The page's parts, when it may share a print. */
  parts?: PageParts;
  body: string;
  resolve: (printed: CheckedPrint) => void;
  reject: (error: unknown) => void;
}

/** A CSS selector naming an element by id (`#x {`, not a colour), or a child of the body or root: either would change meaning with another document's body beside it. */
const unsharedSelector = /#-?[A-Za-z_\\][\w\\-]*[^;{}]*\{|(?<![\w-])(?:body|html|:root)\s*>/;

/** Where a page splits into what must match to share a print and its body; undefined when it cannot share one. */
export function pageParts(html: string): PageParts | undefined {
  const open = html.indexOf('<body');
  const openEnd = html.indexOf('>', open) + 1;
  const close = html.lastIndexOf('</body>');
  if (open < 0 || openEnd <= 0 || close < openEnd) return undefined;
  const head = html.slice(0, open);
  // Scripts (trusted HTML) may look for their own document's elements, and so may CSS that names ids.
  const css = Array.from(head.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g), (style) => style[1])
    .join('\n')
    .replace(/\/\*[\s\S]*?\*\//g, '');
  const body = html.slice(openEnd, close);
  // A style sheet in the body would style every document of the print, not its own.
  if (/<script\b/i.test(html) || unsharedSelector.test(css) || /<(style|link)\b/i.test(body)) return undefined;
  // The title and the metadata that only describe the document do not change how it prints.
  const shown = head.replace(/<title>[^<]*<\/title>/, '').replace(/<meta name="(?:author|description|keywords)" content="[^"]*">/g, '');
  return { head: shown, bodyTag: html.slice(open, openEnd), body };
}

/**
 * Prints pages of different documents that share their look (head, stylesheets, paper, viewport) in one Chromium
 * print, then splits the PDF into one per document (see splitPrintedPdf). Every print costs Chromium a fixed ~40 ms of
 * CPU however small the page (a PDF compositor process of its own, the print's setup); twenty short handouts so
 * print as two or three. A page waits for no one: it is printed as soon as a tab is free, with whatever pages of the
 * same look queued up while the tabs were busy. Each document's body goes into a block of its own that starts a new
 * page, its ids prefixed so that no two documents share one (the prefix comes off the PDF's names again). Should a
 * shared print fail, each of its pages is printed alone, so one document's trouble stays its own (unless the browser
 * died: then its documents fail, and are built again; see BatchQueues).
 */
export class SharedPrints {
  private readonly queues: BatchQueues<Waiting, LoadedPrint>;

  /** With `enabled` false (one document, trusted HTML), every page prints alone. */
  constructor(
    private readonly browser: BrowserService,
    private readonly enabled: boolean,
  ) {
    // A shared print claims a tab ahead of the jobs that do not share (reports): a document is done only once its deck
    // and then its handout are printed, while a report can wait, so the tabs end the build on reports, side by side,
    // rather than on one document's deck, handout and slide placing one after another.
    this.queues = new BatchQueues(browser, {
      first: true,
      fits: (batch, next) => batch.reduce((pages, waiting) => pages + waiting.job.pages, 0) + next.job.pages <= printChunkSize,
      inTab: (page, batch) => loadCheckAndPrint(page, batch, batch[0].parts),
      settle: (batch, printed) => this.settle(batch, printed),
      alone: (job) => this.printAlone(job),
    });
  }

  /** Whether pages may share prints at all (a build of several documents, no trusted HTML). */
  get shares(): boolean {
    return this.enabled;
  }

  /** The document's PDF, as if printed alone. */
  async print(job: SharablePrint): Promise<Uint8Array> {
    const { pdf } = await this.submit(job);
    if (!pdf) throw new Error('A print without a check came back without its PDF.');
    return pdf;
  }

  /**
   * Loads the document's page (with others of the same look), lets `check` read it, and prints it when the check accepts
   * the pages as loaded: a deck whose slides all fit as measured prints from the load that measured it.
   */
  checkAndPrint(job: SharablePrint, check: PrintCheck): Promise<CheckedPrint> {
    return this.submit(job, check);
  }

  private submit(job: SharablePrint, check?: PrintCheck): Promise<CheckedPrint> {
    const parts = this.enabled ? pageParts(job.html) : undefined;
    return new Promise((resolve, reject) => {
      const waiting: Waiting = { job, check, parts, body: parts?.body ?? '', resolve, reject };
      if (!parts) return this.printAlone(waiting);
      this.queues.add(JSON.stringify([job.group, parts.head, parts.bodyTag, job.viewport ?? null, job.pdf, check !== undefined]), waiting);
    });
  }

  private printAlone(waiting: Waiting): void {
    void this.browser.withPage((page) => loadCheckAndPrint(page, [waiting])).then((printed) => this.settle([waiting], printed), waiting.reject);
  }

  /** Hands each document of a print its items and its PDF, split from a shared print's. */
  private settle(batch: readonly Waiting[], { checked, pdf }: LoadedPrint): void {
    let pdfs: (Uint8Array | undefined)[] = [pdf];
    if (pdf && batch.length > 1) {
      try {
        pdfs = splitPrintedPdf(pdf, batch.map((waiting, i) => ({ prefix: prefixOf(i), startId: waiting.job.startId, startNamed: linksToStart(waiting) })));
      } catch {
        return this.eachAlone(batch);
      }
    }
    batch.forEach((waiting, i) => waiting.resolve({ items: checked[i].items, pdf: checked[i].accepted ? pdfs[i] : undefined }));
  }

  private eachAlone(batch: readonly Waiting[]): void {
    for (const waiting of batch) this.printAlone(waiting);
  }
}

/** A print's outcome: each document's items as read and whether it accepted its pages, and the PDF when any did. */
interface LoadedPrint {
  checked: { items: SlideMeasure[]; accepted: boolean }[];
  pdf?: Uint8Array;
}

/**
 * Loads the batch into the tab (one document's page, or several documents' bodies on one page), lets their checks
 * read it, and prints it when any document accepts its pages as loaded.
 */
async function loadCheckAndPrint(page: Page, batch: readonly Waiting[], parts?: PageParts): Promise<LoadedPrint> {
  const [first] = batch;
  await loadForPrint(page, batch.length === 1 || !parts ? first.job.html : sharedPage(parts, batch), first.job.viewport);
  const read = first.check ? await first.check.read(page) : [];
  // Each document's own items, and whether it takes its pages as loaded.
  let offset = 0;
  const checked = batch.map((waiting) => {
    const count = waiting.check?.items ?? 0;
    const items = read.slice(offset, offset + count).map((item) => ({ ...item, index: item.index - offset }));
    offset += count;
    return { items, accepted: waiting.check ? waiting.check.accept(items) : true };
  });
  if (offset !== read.length) throw new Error(`A print read ${read.length} items where its documents have ${offset}.`);
  return { checked, pdf: checked.some((c) => c.accepted) ? await printLoadedPage(page, first.job.pdf) : undefined };
}

/** The prefix of the ids of a shared print's `i`th document. */
export function prefixOf(i: number): string {
  return `bkp${i}-`;
}

/** Whether the document links to its start itself (its print names the start whether or not it shares). */
function linksToStart(waiting: Waiting): boolean {
  return waiting.body.includes(` href="#${waiting.job.startId}"`);
}

/** One page holding the bodies of several documents of the same look, each starting a page (see SharedPrints). */
function sharedPage(parts: PageParts, batch: readonly Waiting[]): string {
  // A link to each document's start, so the print names where it is; all before the documents, whose bodies then
  // begin and end as they do alone (for `:first-child` and `:last-child`).
  const starts = batch.map((waiting, i) => (linksToStart(waiting) ? '' : `<a href="#${prefixOf(i)}${waiting.job.startId}"></a>`)).join('');
  return documentsPage(parts.head, parts.bodyTag, batch.map((waiting) => waiting.body), `<div hidden>${starts}</div>`);
}

/**
 * A page of several documents' bodies, after `before`: each in a `[data-briefkit-document]` block that starts a new page,
 * its ids prefixed (see prefixOf).
 */
export function documentsPage(head: string, bodyTag: string, bodies: readonly string[], before = ''): string {
  const blocks = bodies.map((body, i) => `<div data-briefkit-document${i > 0 ? ' style="break-before: page"' : ''}>${prefixIds(body, prefixOf(i))}</div>`);
  return `${head}${bodyTag}${before}${blocks.join('\n')}</body></html>`;
}
