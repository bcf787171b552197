import { BrowserService } from '../browser/browser-service.js';
import { resolveBuildOptions, type BuildOptions, type ResolvedBuildOptions } from '../config/build-options.js';
import { loadConfig } from '../config/load-config.js';
import { findSources } from '../content/find-sources.js';
import { createMarp } from '../deck/create-marp.js';
import { BriefkitError } from '../errors.js';
import { createReportMarkdown } from '../markdown/create-markdown.js';
import { outputIndexHtml } from '../output/output-index.js';
import { acquireOutputLock } from '../output/output-lock.js';
import { removeStaleTempFiles } from '../output/remove-stale-temp-files.js';
import { writeAtomic } from '../output/write-atomic.js';
import { TemplateRegistry } from '../templates/registry.js';
import { version } from '../version.js';
import path from 'node:path';
import type { BuildContext } from './build-context.js';
import type { DocumentResult } from './build-document.js';
import { buildDocumentWithRetry } from './retry-on-crash.js';
import { runPool } from './run-pool.js';

/** A document that failed, with the error that explains why. */
export interface BuildFailure {
  file: string;
  error: unknown;
}

/** The outcome of a build: what was built, what failed, and how long it took. */
export interface BuildResult {
  documents: DocumentResult[];
  failures: BuildFailure[];
  /** Path of the output index, when written. */
  index?: string;
  ms: number;
}

/**
 * Builds every document: one failure never stops the others. Throws only for bad options or config (UsageError),
 * or when another build holds the output folder for too long. Builds into one folder run one after the other.
 */
export async function build(options: BuildOptions = {}): Promise<BuildResult> {
  const started = performance.now();
  const config = await loadConfig({ root: options.root ?? process.cwd(), file: options.config });
  const resolved = resolveBuildOptions(options, config);
  const files = await findSources(resolved.paths);
  const release = await acquireOutputLock(resolved.outDir, {
    onWait: (owner) => resolved.onEvent({ type: 'waiting', message: `Another build (process ${owner.pid}) is writing to ${resolved.outDir}; waiting for it to finish.` }),
  });
  try {
    await removeStaleTempFiles(resolved.outDir);
    return await buildLocked(resolved, files, started);
  } finally {
    await release();
  }
}

async function buildLocked(resolved: ResolvedBuildOptions, files: string[], started: number): Promise<BuildResult> {
  const templates = new TemplateRegistry(resolved.templateDirs, resolved.helpers);
  const browser = new BrowserService({ executablePath: resolved.executablePath });
  let marp: ReturnType<typeof createMarp> | undefined;
  const ctx: BuildContext = {
    options: resolved,
    templates,
    markdown: createReportMarkdown(),
    browser,
    marp: async () => (marp ??= createMarp(await templates.themes(), { trustHtml: resolved.trustHtml })),
  };
  // Every deck output needs the browser (slides are measured so none overflows); the report's HTML does not.
  const wantsBrowser = resolved.formats.some((f) => f !== 'report-html');
  if (wantsBrowser && files.length > 0) browser.warmUp();
  resolved.onEvent({ type: 'start', total: files.length });

  const documents: DocumentResult[] = [];
  const failures: BuildFailure[] = [];
  const seenSlugs = new Map<string, string>();
  try {
    await runPool(files, 4, async (file) => {
      resolved.onEvent({ type: 'document-start', file });
      try {
        const result = await buildDocumentWithRetry(file, ctx);
        const clash = seenSlugs.get(result.slug);
        if (clash) throw new BriefkitError(`Two documents share the slug \`${result.slug}\` (the other is ${clash}); the later one overwrote the first.`, { location: { file }, hint: 'Give one of them a different `slug:` in its front matter.' });
        seenSlugs.set(result.slug, file);
        documents.push(result);
        resolved.onEvent({ type: 'document-done', file, slug: result.slug, ms: result.ms, dir: path.join(resolved.outDir, result.slug) });
      } catch (error) {
        failures.push({ file, error });
        resolved.onEvent({ type: 'document-failed', file, error });
      }
    });
  } finally {
    await browser.close();
  }

  documents.sort((a, b) => a.file.localeCompare(b.file));
  let index: string | undefined;
  if (documents.length > 0) {
    index = path.join(resolved.outDir, 'index.html');
    await writeAtomic(
      index,
      outputIndexHtml(
        documents.map((d) => ({ slug: d.slug, title: d.title, subtitle: d.subtitle, classification: d.classification, formats: d.outputs.map((o) => o.format) })),
        `briefkit ${version}`,
      ),
    );
  }
  return { documents, failures, index, ms: performance.now() - started };
}
