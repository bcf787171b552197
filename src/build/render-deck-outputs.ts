import type { PDFOptions } from 'puppeteer-core';
import type { Briefing, Diagnostic } from '../content/types.js';
import type { DocumentSettings } from '../config/document-settings.js';
import { slideLabel } from '../deck/bookmark-titles.js';
import type { DeckPlan } from '../deck/deck-model.js';
import { deckPage } from '../deck/deck-page.js';
import { handoutPage, handoutPageId, slideSlotIds } from '../deck/handout-page.js';
import { planDeck } from '../deck/plan-deck.js';
import { onlyFitsDiffer, renderDeck, withFits, type RenderedDeck } from '../deck/render-deck.js';
import { notesLinkTargets, partLinks, sliceDeck } from '../deck/slice-deck.js';
import { finishPdf } from '../pdf/finish-pdf.js';
import { placeSlides } from '../pdf/place-slides.js';
import { chunkRanges, printChunkSize, printEachPart, withPartLinks } from '../pdf/print-in-chunks.js';
import { printLoadedPage } from '../pdf/print-pdf.js';
import { contentSecurityPolicy, withContentSecurityPolicy } from '../html/content-security-policy.js';
import type { BuildContext } from './build-context.js';
import { fitDeck, fitFromFirstMeasures, measureToFit, type DeckRendering, type FittedDeck } from './fit-deck.js';
import { pdfMetadataFor } from './pdf-metadata-for.js';

/** What the deck stage made for one document. */
export interface DeckOutputs {
  html: string;
  pdf?: Uint8Array;
  handout?: Uint8Array;
  /** Slides that still overflow after shrinking and splitting. */
  warnings: Diagnostic[];
}

/** The PDF options of a deck's print: one page per slide, at the slide's size. */
function deckPdf(deck: RenderedDeck): PDFOptions {
  return { width: `${deck.width}px`, height: `${deck.height}px`, preferCSSPageSize: true, tagged: true };
}

/**
 * A short deck measured and printed in one load with other decks of the same look (see SharedPrints): its fit and its
 * PDF when its slides fit as measured, or nothing when a slide had to be split (the deck then needs a load of its own).
 */
async function fitInSharedPrint(ctx: BuildContext, plan: DeckPlan, first: DeckRendering, render: (plan: DeckPlan) => DeckRendering, file: string, group: string): Promise<{ fitted: FittedDeck; whole: Uint8Array } | undefined> {
  const startId = /<section\b[^>]*\sid="([^"]+)"/.exec(first.printHtml)?.[1];
  if (startId === undefined) return undefined;
  let fitted: FittedDeck | undefined;
  const { pdf } = await ctx.prints.checkAndPrint(
    { html: first.printHtml, viewport: { width: first.deck.width, height: first.deck.height }, pdf: deckPdf(first.deck), startId, pages: plan.slides.length, group },
    { read: measureToFit, items: first.deck.slides.length, accept: (items) => (fitted = fitFromFirstMeasures(plan, items, render, file, first)) !== undefined },
  );
  return fitted && pdf ? { fitted, whole: pdf } : undefined;
}

/**
 * The deck's HTML page, fitted so no slide overflows, and when asked its PDF (one page per slide at the
 * slide's size, a bookmark per slide) and the notes handout. The deck is measured in one tab; a deck that fits in
 * one print is printed from that same load. Longer decks, and every handout, print in parts of at most
 * {@link printChunkSize} slides, each its own small page, in whichever tabs are free: both tabs print at once and
 * no print walks the whole deck. The handout prints the notes and the slides' places only; each part then gets the
 * deck PDF's own pages drawn into them (see placeSlides), so the deck is printed for a handout even when its PDF is
 * not asked for.
 */
export async function renderDeckOutputs(briefing: Briefing, settings: DocumentSettings, ctx: BuildContext, want: { pdf: boolean; handout: boolean }): Promise<DeckOutputs> {
  const marp = await ctx.marp();
  const shell = await ctx.templates.deckShell();
  // deck.html has the viewer script; the page measured and printed does not (see deckPage), so its policy allows
  // inline scripts only where the slides may hold some (--trust-html), as the report's does.
  const pageOf = (deck: RenderedDeck, viewer = true): string => withContentSecurityPolicy(deckPage(deck, briefing.meta, shell, { viewer }), contentSecurityPolicy({ inlineScripts: viewer || ctx.options.trustHtml }));
  let last: { plan: DeckPlan; deck: RenderedDeck } | undefined;
  const render = (plan: DeckPlan): DeckRendering => {
    // A fitting round that only shrank slides renders nothing again: the new fits are set on the last rendering.
    const deck = last && onlyFitsDiffer(last.plan, plan) ? withFits(last.deck, plan.slides.map((slide) => slide.fit)) : renderDeck(plan, briefing, marp, ctx.markdown);
    last = { plan, deck };
    return { deck, html: pageOf(deck), printHtml: withPartLinks(pageOf(deck, false), { outside: [], inside: want.handout ? notesLinkTargets(deck).fragments : [] }) };
  };
  const plan = planDeck(briefing, { theme: settings.theme });
  // The handout is drawn from the deck's own pages, so either one prints the deck.
  const printsDeck = want.pdf || want.handout;
  // Rendered before a tab is asked for: a cold build renders while Chromium is still starting.
  const first = render(plan);
  const group = briefing.meta.classification ?? '';
  // In a build of several documents a short deck is measured and printed with others of its look (see SharedPrints).
  const sharedFit = ctx.prints.shares && printsDeck && plan.slides.length <= printChunkSize ? await fitInSharedPrint(ctx, plan, first, render, briefing.file, group) : undefined;
  const { fitted, whole } = sharedFit ?? await ctx.browser.withPage(async (page) => {
    // A deck not printed from this page (the preview's HTML pass, and a deck long enough to print in parts) measures
    // only slides it has not measured: the preview remembers them between saves.
    const pageFor = (part: RenderedDeck): string => pageOf(part, false);
    // Not with trusted HTML, whose scripts in one slide may draw into another.
    const partial = ctx.options.trustHtml ? undefined : !printsDeck ? { pageFor, memory: ctx.fitMemory } : plan.slides.length > printChunkSize ? { pageFor } : undefined;
    const fitted = await fitDeck(page, plan, render, briefing.file, first, partial);
    const short = fitted.deck.slides.length <= printChunkSize;
    return { fitted, whole: printsDeck && short ? await printLoadedPage(page, deckPdf(fitted.deck)) : undefined };
  });
  const { deck } = fitted;
  const ranges = chunkRanges(deck.slides.length);
  const viewport = { width: deck.width, height: deck.height };
  // A part keeps its links to and from slides printed in other parts (see withPartLinks).
  // The handout's notes may link to slides: the deck names those places too (see notesLinkTargets).
  const links = (start: number, end: number): Parameters<typeof withPartLinks>[1] => {
    const across = ranges.length > 1 ? partLinks(deck, start, end) : { outside: [], inside: [] };
    return want.handout ? { ...across, inside: [...across.inside, ...notesLinkTargets(deck, start, end).fragments] } : across;
  };
  const notesTargets = want.handout ? notesLinkTargets(deck).ids : [];
  const deckParts = printsDeck
    ? whole
      ? [whole]
      : printEachPart(ctx.browser, ranges, (start, end) => ({ html: withPartLinks(pageOf(sliceDeck(deck, start, end), false), links(start, end)), viewport }), deckPdf(deck))
    : undefined;
  const notesPage = (start: number, end: number): string =>
    withPartLinks(handoutPage(deck, briefing.meta, { css: shell.handoutCss, paper: settings.paper, start, end }), { outside: notesTargets, inside: [] });
  const handoutPdf: PDFOptions = { preferCSSPageSize: true, format: settings.paper, tagged: true };
  // A short handout may print with other documents' (see SharedPrints); a long one prints in parts of its own.
  const handoutPrints = !want.handout
    ? undefined
    : ranges.length === 1
      ? [ctx.prints.print({ html: notesPage(0, deck.slides.length), pdf: handoutPdf, startId: handoutPageId(0), pages: deck.slides.length, group })]
      : printEachPart(ctx.browser, ranges, (start, end) => ({ html: notesPage(start, end) }), handoutPdf);
  for (const part of handoutPrints ?? []) part.catch(() => undefined);
  // Each part of the handout gets the slides of the deck's part that holds them.
  const handoutParts =
    handoutPrints && deckParts && handoutPrints.map(async (part, i) => placeSlides(await part, await deckParts[i], ranges[i][0], slideSlotIds, { whole: ranges.length > 1 }));
  for (const part of handoutParts ?? []) part.catch(() => undefined);
  const outline = deck.slides.map((slide, pageIndex) => ({ title: slideLabel(slide), pageIndex }));
  const handoutOutline = outline.map((bookmark, i) => ({ ...bookmark, anchor: handoutPageId(i) }));
  // Both PDFs are joined as their parts arrive, side by side; should both fail, the deck's error is the one reported.
  const [pdf, handout] = await Promise.allSettled([
    want.pdf && deckParts ? finishPdf(deckParts, pdfMetadataFor(briefing.meta, 'Slide deck'), outline) : undefined,
    handoutParts && finishPdf(handoutParts, pdfMetadataFor(briefing.meta, 'Handout with speaker notes'), handoutOutline),
  ]);
  if (pdf.status === 'rejected') throw pdf.reason;
  if (handout.status === 'rejected') throw handout.reason;
  return { html: fitted.html, pdf: pdf.value, handout: handout.value, warnings: fitted.warnings };
}
