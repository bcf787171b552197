import type { Briefing, Diagnostic } from '../content/types.js';
import type { DocumentSettings } from '../config/document-settings.js';
import { slideLabel } from '../deck/bookmark-titles.js';
import type { DeckPlan } from '../deck/deck-model.js';
import { deckPage } from '../deck/deck-page.js';
import { handoutPage } from '../deck/handout-page.js';
import { planDeck } from '../deck/plan-deck.js';
import { renderDeck, type RenderedDeck } from '../deck/render-deck.js';
import { finishPdf, type OutlineEntry } from '../pdf/deck-outline.js';
import { chunkRanges, printInChunks } from '../pdf/print-in-chunks.js';
import { loadForPrint, printLoadedPage } from '../pdf/print-pdf.js';
import { contentSecurityPolicy, withContentSecurityPolicy } from '../html/content-security-policy.js';
import type { BuildContext } from './build-context.js';
import { fitDeck, type DeckRendering } from './fit-deck.js';
import { pdfMetadataFor } from './pdf-metadata-for.js';

/** What the deck stage made for one document. */
export interface DeckOutputs {
  html: string;
  pdf?: Uint8Array;
  handout?: Uint8Array;
  /** Slides that still overflow after shrinking and splitting. */
  warnings: Diagnostic[];
}

/**
 * The deck's HTML page, fitted so no slide overflows, and when asked its PDF (one page per slide at the
 * slide's size, a bookmark per slide) and the notes handout. The deck is measured in one tab and printed from
 * the same load; the handout is printed afterwards, in parts of at most {@link printChunkSize} slides that go to
 * whichever tabs are free, so a long deck's handout prints in both tabs at once.
 */
export async function renderDeckOutputs(briefing: Briefing, settings: DocumentSettings, ctx: BuildContext, want: { pdf: boolean; handout: boolean }): Promise<DeckOutputs> {
  const marp = await ctx.marp();
  const shell = await ctx.templates.deckShell();
  const render = (plan: DeckPlan): DeckRendering => {
    const deck = renderDeck(plan, briefing, marp, ctx.markdown);
    return { deck, html: withContentSecurityPolicy(deckPage(deck, briefing.meta, shell), contentSecurityPolicy({ inlineScripts: true })) };
  };
  const plan = planDeck(briefing, { theme: settings.theme });
  const { fitted, raw } = await ctx.browser.withPage(async (page) => {
    const fitted = await fitDeck(page, plan, render, briefing.file);
    const { deck } = fitted;
    if (!want.pdf) return { fitted };
    return { fitted, raw: await printInChunks(page, 'div.marpit > svg[data-marpit-svg]', { width: `${deck.width}px`, height: `${deck.height}px`, preferCSSPageSize: true, tagged: true }) };
  });
  // The tab is free again: the handout's parts can print in it while node finishes the deck's PDF.
  const handout = want.handout ? printHandout(fitted.deck, briefing, settings, shell.handoutCss, ctx) : undefined;
  handout?.catch(() => undefined); // awaited below; should the deck's PDF fail first, that error is the one reported
  const pdf = raw ? await finishPdf(raw, pdfMetadataFor(briefing.meta, 'Slide deck'), deckOutline(fitted.deck)) : undefined;
  return { html: fitted.html, pdf, handout: await handout, warnings: fitted.warnings };
}

/** One bookmark per slide, titled as the slide. */
function deckOutline(deck: RenderedDeck): OutlineEntry[] {
  return deck.slides.map((slide, pageIndex) => ({ title: slideLabel(slide), pageIndex }));
}

/**
 * The notes handout, printed part by part (each part its own small page, so no print walks the whole deck) in
 * whichever tabs are free, then joined in order.
 */
async function printHandout(deck: RenderedDeck, briefing: Briefing, settings: DocumentSettings, css: string, ctx: BuildContext): Promise<Uint8Array> {
  const parts = await Promise.all(
    chunkRanges(deck.slides.length).map(([start, end]) =>
      ctx.browser.withPage(async (page) => {
        await loadForPrint(page, handoutPage(deck, briefing.meta, { css, paper: settings.paper, start, end }));
        return printLoadedPage(page, { preferCSSPageSize: true, format: settings.paper, tagged: true });
      }),
    ),
  );
  return finishPdf(parts, pdfMetadataFor(briefing.meta, 'Handout with speaker notes'), deckOutline(deck), deck.slides.length);
}
