import type { Briefing } from '../content/types.js';
import type { DocumentSettings } from '../config/document-settings.js';
import { printPdf } from '../pdf/print-pdf.js';
import { setPdfMetadata } from '../pdf/set-metadata.js';
import { buildReportContext } from '../report/build-report-context.js';
import type { BuildContext } from './build-context.js';
import { pdfMetadataFor } from './pdf-metadata-for.js';

/** The report's HTML page and, when asked, its PDF. */
export async function renderReportOutputs(briefing: Briefing, settings: DocumentSettings, ctx: BuildContext, wantPdf: boolean): Promise<{ html: string; pdf?: Uint8Array }> {
  const template = await ctx.templates.report(settings.template);
  const context = buildReportContext(briefing, ctx.markdown, { paper: settings.paper, css: template.css, trustHtml: ctx.options.trustHtml });
  const html = template.render(context);
  if (!wantPdf) return { html };
  const raw = await printPdf(ctx.browser, html, { pdf: { preferCSSPageSize: true, format: settings.paper, tagged: true, outline: true } });
  return { html, pdf: await setPdfMetadata(raw, pdfMetadataFor(briefing.meta, 'Briefing report')) };
}
