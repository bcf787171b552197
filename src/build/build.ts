import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { BrowserService } from '../browser/browser-service.js';
import { BuildCache } from '../cache/build-cache.js';
import { buildKey } from '../cache/build-key.js';
import { treeFingerprint } from '../cache/tree-fingerprint.js';
import { resolveBuildOptions, type BuildOptions, type ResolvedBuildOptions } from '../config/build-options.js';
import { loadConfig } from '../config/load-config.js';
import { findSources } from '../content/find-sources.js';
import { BriefkitError } from '../errors.js';
import { outputIndexHtml } from '../output/output-index.js';
import { acquireOutputLock } from '../output/output-lock.js';
import { removeStaleTempFiles } from '../output/remove-stale-temp-files.js';
import { flushFile, writeAtomic } from '../output/write-atomic.js';
import { version } from '../version.js';
import { browserForBuild } from './browser-for-build.js';
import type { DocumentResult } from './build-document.js';
import type { BuildMemo } from './build-memo.js';
import { runPool, runWeightedPool, type PoolLimits } from './run-pool.js';
import { selectShard } from './shard.js';

/** A document that failed, with the error that explains why. */
export interface BuildFailure {
  file: string;
  error: unknown;
}

/** The outcome of a build: what was built, what failed, and how long it took. */
export interface BuildResult {
  /** Every document of the build, in file order; `cached` ones were already up to date. */
  documents: DocumentResult[];
  failures: BuildFailure[];
  /** Path of the output index, when written. */
  index?: string;
  ms: number;
  /** Whether a browser was started (false when nothing needed printing or measuring). */
  browserStarted: boolean;
}

/** What a long-running caller (the preview server) can lend a build instead of it making its own. */
export interface BuildServices {
  /** A browser kept warm between builds; the build does not close it. */
  browser?: BrowserService;
  /** The caller already holds the output folder's lock (the preview holds it for its whole session). */
  lockHeld?: boolean;
  /**
   * Config, templates' fingerprint and renderers kept from earlier builds; the caller forgets them when a
   * template, theme or config file changes (the preview watches those).
   */
  memo?: BuildMemo;
  /**
   * Whether each output is flushed to the disk before the build counts it written (default true). The preview's
   * HTML pass turns it off: its pages reload as soon as the files are in place, which on a slow disk came 15-50 ms
   * sooner; the files are flushed afterwards, before the cache manifest that vouches for them is written.
   */
  flushWrites?: boolean;
}

/** Reads the config, or takes the one a memo kept. */
export function readConfig(options: BuildOptions, memo?: BuildMemo): ReturnType<typeof loadConfig> {
  const where = { root: options.root ?? process.cwd(), file: options.config };
  return memo ? memo.get(`config ${JSON.stringify(where)}`, () => loadConfig(where)) : loadConfig(where);
}

/**
 * Builds every document: one failure never stops the others. Throws only for bad options or config (UsageError),
 * or when another build holds the output folder for too long. Builds into one folder run one after the other.
 * Documents whose sources, images, templates, config and settings are unchanged since the last build into the
 * same folder are skipped, and when nothing needs the browser none is started.
 */
export async function build(options: BuildOptions = {}, services: BuildServices = {}): Promise<BuildResult> {
  const started = performance.now();
  const config = await readConfig(options, services.memo);
  const resolved = resolveBuildOptions(options, config);
  const files = selectShard(await findSources(resolved.paths), resolved.shard, resolved.root);
  if (services.lockHeld) return buildLocked(resolved, files, started, services);
  const release = await acquireOutputLock(resolved.outDir, {
    onWait: (owner) => resolved.onEvent({ type: 'waiting', message: `Another build (process ${owner.pid}) is writing to ${resolved.outDir}; waiting for it to finish.` }),
  });
  try {
    // Temporary files a killed build left behind are removed while this one starts: never this build's own (those of
    // a live process are kept), and a rebuild with nothing to do no longer waits for it first.
    // Both settle before the lock is released, whichever fails.
    const [cleaned, built] = await Promise.allSettled([removeStaleTempFiles(resolved.outDir), buildLocked(resolved, files, started, services)]);
    if (built.status === 'rejected') throw built.reason;
    if (cleaned.status === 'rejected') throw cleaned.reason;
    return built.value;
  } finally {
    await release();
  }
}

/** Hashes template folders, or takes the hash a memo kept. */
function fingerprintWith(memo: BuildMemo | undefined): ((dirs: readonly string[]) => Promise<string>) | undefined {
  return memo && ((dirs) => memo.get(`templates ${JSON.stringify(dirs)}`, () => treeFingerprint(dirs)));
}

/**
 * Documents rendered and printed at once: more than the two tabs can print, so that while they are busy the decks and
 * handouts of several documents queue up and print together (see SharedPrints), and the next documents are rendered
 * while the last ones print. With 4 at once, the 20-briefing benchmark printed its 40 decks and handouts in 10-12
 * prints; with 8, in 6-8, but documents finished in waves, and both tabs stood idle while a wave's handouts were split
 * and the next wave rendered. With 24, all 20 are rendered while Chromium starts and the first decks print, and their
 * decks and handouts print in 4 prints; the tabs' busy span of the build was 12% shorter than with 16 (2 pairs).
 * Long documents count for more: those in flight hold at most `budget` bytes of Markdown between them (a longer one
 * runs alone), as each is held in memory several times over (tokens, slides, pages, PDFs).
 */
const documentsAtOnce: PoolLimits = { lanes: 24, budget: 1024 * 1024 };

/** Documents whose cache entries are checked at once. */
const lookupsAtOnce = 16;

async function buildLocked(resolved: ResolvedBuildOptions, files: string[], started: number, services: BuildServices): Promise<BuildResult> {
  const cache = resolved.cache ? await BuildCache.open(resolved.outDir, await buildKey(resolved, fingerprintWith(services.memo)), resolved.formats) : undefined;
  const documents: DocumentResult[] = [];
  const stale: string[] = [];
  // Documents are checked a few at a time: all at once, thousands of them would run out of file handles.
  const hits = await runPool(files, lookupsAtOnce, async (file) => (resolved.force ? undefined : cache?.lookup(file)));
  files.forEach((file, i) => {
    const hit = hits[i];
    if (hit) documents.push(hit);
    else stale.push(file);
  });

  const browser = services.browser ?? browserForBuild(resolved);
  // Every deck output needs the browser (slides are measured so none overflows); the report's HTML does not.
  // Chromium boots while the renderers below are imported and the first Markdown is rendered.
  const wantsBrowser = resolved.formats.some((f) => f !== 'report-html');
  // A document's deck and report print side by side, in two tabs: ready both while node renders.
  const wantsDeck = resolved.formats.some((f) => f === 'deck-html' || f === 'deck-pdf' || f === 'handout');
  const tabs = stale.length > 1 || (wantsDeck && resolved.formats.includes('report-pdf')) ? 2 : 1;
  if (wantsBrowser && stale.length > 0) browser.warmUp(tabs);
  resolved.onEvent({ type: 'start', total: files.length });
  for (const doc of documents) resolved.onEvent({ type: 'document-cached', file: doc.file, slug: doc.slug, dir: path.join(resolved.outDir, doc.slug) });

  const failures: BuildFailure[] = [];
  let browserStarted = false;
  // Outputs the preview's HTML pass wrote without waiting for the disk (see BuildServices.flushWrites), being flushed.
  const flushes: Promise<void>[] = [];
  const flushLater = services.flushWrites === false ? (written: readonly string[]) => void flushes.push(...written.map(flushFile)) : undefined;
  const seenSlugs = new Map<string, string>(documents.map((d) => [d.slug, d.file]));
  try {
    if (stale.length > 0) {
      const { createBuildContext, buildDocumentWithRetry } = await import('./create-build-context.js');
      // A document claims its folder once loaded, before it renders: of two with the same slug, the second to claim it
      // fails and writes nothing, so the one reported built is the one whose outputs are on disk.
      const claimSlug = (slug: string, file: string): void => {
        const holder = seenSlugs.get(slug);
        if (holder !== undefined && holder !== file) {
          throw new BriefkitError(`Two documents share the slug \`${slug}\` (the other is ${holder}); this one was not written.`, { location: { file }, hint: 'Give one of them a different `slug:` in its front matter.' });
        }
        seenSlugs.set(slug, file);
      };
      const ctx = createBuildContext(resolved, browser, { memo: services.memo, claimSlug, flushLater, sharePrints: stale.length > 1 });
      const sizes = await Promise.all(stale.map((file) => stat(file).then((info) => info.size, () => 0)));
      await runWeightedPool(stale, sizes, documentsAtOnce, async (file) => {
        resolved.onEvent({ type: 'document-start', file });
        const sourceKey = await cache?.sourceKey(file);
        try {
          const result = await buildDocumentWithRetry(file, ctx);
          documents.push(result);
          await cache?.record(result, sourceKey, result.inputs);
          resolved.onEvent({ type: 'document-done', file, slug: result.slug, ms: result.ms, dir: path.join(resolved.outDir, result.slug) });
        } catch (error) {
          // Its cache entry stays: a failed document wrote nothing, so the outputs that entry vouches for are still
          // whole and match the inputs it names (a build with a mistyped --theme used to cost the next one a full rebuild).
          failures.push({ file, error });
          resolved.onEvent({ type: 'document-failed', file, error });
        }
      });
    }
  } finally {
    browserStarted = browser.started;
    if (!services.browser) await browser.close();
    // Outputs written without waiting for the disk are on it before the manifest that vouches for them is.
    await Promise.all(flushes);
    await cache?.save();
  }

  documents.sort((a, b) => a.file.localeCompare(b.file));
  let index: string | undefined;
  if (documents.length > 0 && resolved.writeIndex) {
    index = path.join(resolved.outDir, 'index.html');
    await writeAtomic(
      index,
      outputIndexHtml(
        documents.map((d) => ({ slug: d.slug, title: d.title, subtitle: d.subtitle, classification: d.classification, formats: d.outputs.map((o) => o.format) })),
        `briefkit ${version}`,
      ),
    );
  }
  return { documents, failures, index, ms: performance.now() - started, browserStarted };
}
