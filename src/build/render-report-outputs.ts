import type { Briefing } from '../content/types.js';
import type { DocumentSettings } from '../config/document-settings.js';
import { finishReportPdf } from '../pdf/finish-report-pdf.js';
import { buildReportContext } from '../report/build-report-context.js';
import { contentSecurityPolicy, withContentSecurityPolicy } from '../html/content-security-policy.js';
import { hyphenatorFor } from '../report/hyphenator.js';
import type { BuildContext } from './build-context.js';
import { pdfMetadataFor } from './pdf-metadata-for.js';

/** The report's HTML page and, when asked, its PDF (printed until its contents page numbers settle). */
export async function renderReportOutputs(briefing: Briefing, settings: DocumentSettings, ctx: BuildContext, wantPdf: boolean): Promise<{ html: string; pdf?: Uint8Array }> {
  const template = await ctx.templates.report(settings.template);
  const context = buildReportContext(briefing, ctx.markdown, {
    paper: settings.paper,
    css: template.css,
    trustHtml: ctx.options.trustHtml,
    hyphenate: hyphenatorFor(briefing.meta.lang),
  });
  const page = (labels: object = {}): string => withContentSecurityPolicy(template.render({ ...context, ...labels }), contentSecurityPolicy({ inlineScripts: ctx.options.trustHtml }));
  if (!wantPdf) return { html: page() };
  const ids = context.sections.flatMap((s) => [s.id, ...s.subsections.map((sub) => sub.id)]);
  // In a build of several documents, reports that look alike print together (see SharedReports).
  const printed = await ctx.reports.print(page, { ids, pdf: { preferCSSPageSize: true, format: settings.paper, tagged: true, outline: false } }, briefing.meta.classification ?? '');
  return { html: printed.html, pdf: finishReportPdf(printed, pdfMetadataFor(briefing.meta, 'Briefing report')) };
}
