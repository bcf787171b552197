import type { Briefing, Diagnostic } from '../content/types.js';
import type { DocumentSettings } from '../config/document-settings.js';
import { slideLabel } from '../deck/bookmark-titles.js';
import type { DeckPlan } from '../deck/deck-model.js';
import { deckPage } from '../deck/deck-page.js';
import { handoutPage } from '../deck/handout-page.js';
import { planDeck } from '../deck/plan-deck.js';
import { renderDeck } from '../deck/render-deck.js';
import { finishPdf } from '../pdf/deck-outline.js';
import { printInChunks } from '../pdf/print-in-chunks.js';
import { loadForPrint } from '../pdf/print-pdf.js';
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
 * slide's size, a bookmark per slide) and the notes handout. One tab does it all: the deck is measured
 * in it and printed from the same load.
 */
export async function renderDeckOutputs(briefing: Briefing, settings: DocumentSettings, ctx: BuildContext, want: { pdf: boolean; handout: boolean }): Promise<DeckOutputs> {
  const marp = await ctx.marp();
  const shell = await ctx.templates.deckShell();
  const render = (plan: DeckPlan): DeckRendering => {
    const deck = renderDeck(plan, briefing, marp, ctx.markdown);
    return { deck, html: withContentSecurityPolicy(deckPage(deck, briefing.meta, shell), contentSecurityPolicy({ inlineScripts: true })) };
  };
  const plan = planDeck(briefing, { theme: settings.theme });
  return ctx.browser.withPage(async (page) => {
    const fitted = await fitDeck(page, plan, render, briefing.file);
    const { deck } = fitted;
    const outline = deck.slides.map((slide, pageIndex) => ({ title: slideLabel(slide), pageIndex }));
    let pdf: Uint8Array | undefined;
    if (want.pdf) {
      const raw = await printInChunks(page, 'div.marpit > svg[data-marpit-svg]', { width: `${deck.width}px`, height: `${deck.height}px`, preferCSSPageSize: true, tagged: true });
      pdf = await finishPdf(raw, pdfMetadataFor(briefing.meta, 'Slide deck'), outline);
    }
    let handout: Uint8Array | undefined;
    if (want.handout) {
      await loadForPrint(page, handoutPage(deck, briefing.meta, { css: shell.handoutCss, paper: settings.paper }));
      const raw = await printInChunks(page, 'article.bk-handout-page', { preferCSSPageSize: true, format: settings.paper, tagged: true });
      handout = await finishPdf(raw, pdfMetadataFor(briefing.meta, 'Handout with speaker notes'), outline, deck.slides.length);
    }
    return { html: fitted.html, pdf, handout, warnings: fitted.warnings };
  });
}
