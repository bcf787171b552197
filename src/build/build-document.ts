import path from 'node:path';
import { documentSettings, placeUnknownName, settingOrigin, withSettings } from '../config/document-settings.js';
import { allFormats, formatFileNames } from '../config/formats.js';
import { sha256 } from '../cache/hash.js';
import { loadBriefing } from '../content/load-briefing.js';
import type { Briefing, Diagnostic } from '../content/types.js';
import { UnknownNameError } from '../errors.js';
import { writeAtomic } from '../output/write-atomic.js';
import type { Artifact } from './artifact.js';
import type { BuildContext } from './build-context.js';
import { renderDeckOutputs } from './render-deck-outputs.js';
import { renderReportOutputs } from './render-report-outputs.js';
import { unresolvedAnchors } from '../content/check-anchors.js';

/** What building one document produced. */
export interface DocumentResult {
  file: string;
  slug: string;
  title: string;
  subtitle?: string;
  classification?: string;
  outputs: { format: Artifact['format']; path: string; bytes: number }[];
  warnings: Diagnostic[];
  /** Files besides the source that the outputs were made from (images), with a hash of what was read. */
  inputs: { path: string; hash: string }[];
  ms: number;
  /** True when the outputs were already up to date and nothing was rebuilt. */
  cached?: boolean;
}

/** Load → render → print → write for one document. Nothing is written unless every output was made. */
export async function buildDocument(file: string, ctx: BuildContext): Promise<DocumentResult> {
  const started = performance.now();
  const { options } = ctx;
  const loaded = await loadBriefing(file, { root: options.root });
  const settings = documentSettings(loaded.meta, options);
  const briefing: Briefing = { ...loaded, meta: withSettings(loaded.meta, settings) };
  ctx.claimSlug(briefing.slug, briefing.file);
  const want = new Set(options.formats);
  const dir = path.join(options.outDir, briefing.slug);
  const artifacts: Artifact[] = [];
  const add = (format: Artifact['format'], data: string | Uint8Array | undefined): void => {
    if (data !== undefined && want.has(format)) artifacts.push({ format, path: path.join(dir, formatFileNames[format]), data });
  };

  const jobs: Promise<void>[] = [];
  const warnings = [...briefing.warnings];
  let reportHtml: string | undefined;
  if (want.has('deck-html') || want.has('deck-pdf') || want.has('handout')) {
    jobs.push(renderDeckOutputs(briefing, settings, ctx, { pdf: want.has('deck-pdf'), handout: want.has('handout') }).then((deck) => {
      add('deck-html', deck.html);
      add('deck-pdf', deck.pdf);
      add('handout', deck.handout);
      warnings.push(...deck.warnings);
    }));
  }
  if (want.has('report-html') || want.has('report-pdf')) {
    jobs.push(renderReportOutputs(briefing, settings, ctx, want.has('report-pdf')).then((report) => {
      add('report-html', report.html);
      add('report-pdf', report.pdf);
      reportHtml = report.html;
    }));
  }
  // Every job is let finish before the document fails: a report still printing after its deck failed (an unknown
  // theme) would otherwise ask for the browser after the build closed it, start a new one, and keep node running.
  const failed = (await Promise.allSettled(jobs)).find((job): job is PromiseRejectedResult => job.status === 'rejected');
  if (failed) {
    const error: unknown = failed.reason;
    // The stage that looked the name up knows only the name; the build knows where it was set.
    if (error instanceof UnknownNameError && error.value === settings[error.setting]) {
      throw placeUnknownName(error, settingOrigin(error.setting, loaded.meta, briefing.file, options), briefing.file);
    }
    throw error;
  }
  // Links within the document are checked against the report, which has an id for every heading, figure, table and
  // footnote (a deck has one per section, so a deck-only build is not checked).
  if (reportHtml !== undefined && briefing.anchorLinks?.length) warnings.push(...unresolvedAnchors(briefing.anchorLinks, reportHtml, briefing.file));
  // Renders finish in any order; outputs are listed in the fixed order of the formats.
  artifacts.sort((a, b) => allFormats.indexOf(a.format) - allFormats.indexOf(b.format));
  await Promise.all(artifacts.map((a) => writeAtomic(a.path, a.data, { flush: !ctx.flushLater })));
  ctx.flushLater?.(artifacts.map((a) => a.path));
  return {
    file: briefing.file,
    slug: briefing.slug,
    title: briefing.meta.title,
    subtitle: briefing.meta.subtitle,
    classification: briefing.meta.classification,
    outputs: artifacts.map((a) => ({ format: a.format, path: a.path, bytes: typeof a.data === 'string' ? Buffer.byteLength(a.data) : a.data.byteLength })),
    warnings,
    inputs: [...briefing.assets.values()].map((asset) => ({ path: asset.path, hash: sha256(asset.bytes) })),
    ms: performance.now() - started,
  };
}
