import type { Briefing } from '../content/types.js';
import type { DocumentSettings } from '../config/document-settings.js';
import { deckPage } from '../deck/deck-page.js';
import { planDeck } from '../deck/plan-deck.js';
import { renderDeck } from '../deck/render-deck.js';
import { printPdf } from '../pdf/print-pdf.js';
import { setPdfMetadata } from '../pdf/set-metadata.js';
import type { BuildContext } from './build-context.js';
import { pdfMetadataFor } from './pdf-metadata-for.js';

/** The deck's HTML page and, when asked, its PDF (one page per slide at the slide's size). */
export async function renderDeckOutputs(briefing: Briefing, settings: DocumentSettings, ctx: BuildContext, wantPdf: boolean): Promise<{ html: string; pdf?: Uint8Array }> {
  const plan = planDeck(briefing, { theme: settings.theme });
  const deck = renderDeck(plan, briefing, await ctx.marp(), ctx.markdown);
  const html = deckPage(deck, briefing.meta, await ctx.templates.deckShell());
  if (!wantPdf) return { html };
  const raw = await printPdf(ctx.browser, html, {
    viewport: { width: deck.width, height: deck.height },
    pdf: { width: `${deck.width}px`, height: `${deck.height}px`, preferCSSPageSize: true, tagged: true },
  });
  return { html, pdf: await setPdfMetadata(raw, pdfMetadataFor(briefing.meta, 'Slide deck')) };
}
