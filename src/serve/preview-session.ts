import { watch, type FSWatcher } from 'chokidar';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { BrowserService } from '../browser/browser-service.js';
import { browserForBuild } from '../build/browser-for-build.js';
import { build, readConfig, type BuildResult, type BuildServices } from '../build/build.js';
import { BuildMemo } from '../build/build-memo.js';
import type { DocumentResult } from '../build/build-document.js';
import { resolveBuildOptions, type BuildOptions } from '../config/build-options.js';
import { formatFileNames, type OutputFormat } from '../config/formats.js';
import { outputIndexHtml } from '../output/output-index.js';
import { acquireOutputLock } from '../output/output-lock.js';
import { writeAtomic } from '../output/write-atomic.js';
import { version } from '../version.js';
import { BriefkitError } from '../errors.js';
import { affectedDocuments, isSharedInput } from './affected-documents.js';
import { Coalescer } from './coalescer.js';
import { documentsWritten } from './documents-written.js';
import { rehearseBuild } from './rehearse-build.js';
import { startPreviewServer, type PreviewServer } from './preview-server.js';

/** Something the preview wants the user to know; the CLI prints it. */
export type PreviewEvent =
  | { type: 'html-built'; result: BuildResult; changed: string[] }
  | { type: 'pdf-built'; result: BuildResult }
  | { type: 'error'; error: unknown };

/** Options for `briefkit serve`: what to build, and where to listen. */
export interface PreviewOptions extends BuildOptions {
  /** Address to listen on (default 127.0.0.1: only this machine can connect). */
  host?: string;
  /** Port (default 0: any free port). */
  port?: number;
  /** Called after each rebuild and on errors. */
  onPreview?: (event: PreviewEvent) => void;
}

/** A running preview: its URL, a way to wait for pending PDF work (tests), and a way to stop it. */
export interface PreviewSession {
  url: string;
  server: PreviewServer;
  /** Resolves once no HTML or PDF rebuild is running or queued. */
  idle(): Promise<void>;
  close(): Promise<void>;
}

const configFile = /^briefkit\.config\.([cm]?[jt]s|json)$/;

/** How long after telling pages to reload the PDF pass waits (a deck page reloads in 100-300 ms on 2 busy cores). */
const reloadSettleMs = 400;


/**
 * Builds once, serves the output folder with live reload and rebuilds on every change: the HTML of the
 * changed documents at once (then open pages reload), the PDFs afterwards in the background with a browser
 * kept warm for the whole session.
 */
export async function startPreview(options: PreviewOptions): Promise<PreviewSession> {
  // Every build of the session reads config, templates and themes from here until one of them changes on disk:
  // a save then costs only the rebuild of its own document.
  const memo = new BuildMemo();
  const resolved = resolveBuildOptions(options, await readConfig(options, memo));
  // Once the session is closing, work still in flight fails as its browsers go: nothing more is reported.
  let closing = false;
  const report = (event: PreviewEvent): void => {
    if (!closing) options.onPreview?.(event);
  };
  const htmlFormats = resolved.formats.filter((f) => f.endsWith('-html'));
  const pdfFormats = resolved.formats.filter((f) => !f.endsWith('-html'));
  // Two warm browsers: the HTML pass (deck pages are measured in Chromium) never waits behind a long print.
  const browser = browserForBuild(resolved);
  const htmlBrowser = browserForBuild(resolved, { maxTabs: 1 });
  const latest = new Map<string, DocumentResult>();
  let failed: string[] = [];

  const buildOptions = (formats: readonly OutputFormat[], paths?: string[]): BuildOptions => ({
    ...options,
    onEvent: undefined,
    formats,
    paths: paths ?? options.paths,
    writeIndex: false,
  });

  const services = (lent: BrowserService, flushWrites = true): BuildServices => ({ browser: lent, lockHeld: true, memo, flushWrites });

  // Index writes run one after another, each listing what is known when it runs; an unchanged index is not
  // written again (most saves change no title), which keeps a write and its flush off the way to the reload.
  let indexWrites = Promise.resolve();
  let writtenIndex: string | undefined;
  const writeIndex = (): Promise<void> => (indexWrites = indexWrites.then(writeIndexNow, writeIndexNow));
  // Document pages reload before the index is written: an index page open meanwhile reloads again once it is.
  const writeIndexNow = async (): Promise<void> => {
    const bySlug = new Map<string, { doc: DocumentResult; formats: Set<OutputFormat> }>();
    for (const doc of latest.values()) {
      // A PDF pass that started before a source was removed reports it built when it ends, after the HTML pass that
      // saw the removal: the index lists only sources that are still there.
      if (!existsSync(doc.file)) continue;
      const key = `${doc.file}`;
      const entry = bySlug.get(key) ?? { doc, formats: new Set<OutputFormat>() };
      for (const output of doc.outputs) entry.formats.add(output.format);
      bySlug.set(key, entry);
    }
    const entries = [...bySlug.values()]
      .sort((a, b) => a.doc.file.localeCompare(b.doc.file))
      .map(({ doc, formats }) => ({ slug: doc.slug, title: doc.title, subtitle: doc.subtitle, classification: doc.classification, formats: resolved.formats.filter((f) => formats.has(f)) }));
    const html = outputIndexHtml(entries, `briefkit ${version}`);
    if (html === writtenIndex) return;
    writtenIndex = undefined;
    await writeAtomic(path.join(resolved.outDir, 'index.html'), html);
    writtenIndex = html;
    server.events.send('reload', ['index.html']);
  };

  const remember = (result: BuildResult): void => {
    for (const doc of result.documents) {
      const previous = latest.get(doc.file);
      latest.set(doc.file, previous ? { ...doc, outputs: [...previous.outputs.filter((o) => !doc.outputs.some((n) => n.format === o.format)), ...doc.outputs] } : doc);
    }
  };

  // Pages reload right after the HTML pass; the PDF pass waits until they have had time to, so its two printing
  // tabs and second render do not take the CPU from those reloads (the PDFs are a background job anyway).
  let lastReload = -Infinity;
  const pdfQueue = new Coalescer<string>(async () => {
    const settle = lastReload + reloadSettleMs - performance.now();
    if (settle > 0) await new Promise((resolve) => setTimeout(resolve, settle));
    try {
      const result = await build(buildOptions(pdfFormats), services(browser));
      remember(result);
      await writeIndex();
      report({ type: 'pdf-built', result });
    } catch (error) {
      report({ type: 'error', error });
    }
  });

  /**
   * Builds some HTML formats of the changed documents and tells the pages showing them to reload as soon as they
   * are written, but not before `after` resolves (so pages reload in a fixed order); calls `sent` once it sent.
   */
  const buildHtml = async (formats: readonly OutputFormat[], changed: string[] | 'all', after: Promise<void>, sent: () => void): Promise<BuildResult> => {
    let reloaded: Promise<void> | undefined;
    const written = documentsWritten((slugs) => {
      reloaded = after.then(() => {
        const pages = slugs.flatMap((slug) => formats.map((f) => `${slug}/${formatFileNames[f]}`));
        if (pages.length === 0) return;
        server.events.send('reload', pages);
        lastReload = performance.now();
      }).finally(sent);
    });
    let result: BuildResult;
    try {
      // Not flushed as written: the pages reload without waiting for the disk; the build flushes its files before it
      // saves their cache entries.
      result = await build({ ...buildOptions(formats, changed === 'all' ? undefined : changed), onEvent: written.onEvent }, services(htmlBrowser, false));
    } finally {
      written.finish();
      await reloaded;
    }
    if (changed === 'all') for (const file of [...latest.keys()]) if (!result.documents.some((d) => d.file === file)) latest.delete(file);
    remember(result);
    await writeIndex();
    return result;
  };

  let rehearsed = false;

  const htmlQueue = new Coalescer<string>(async (changed) => {
    try {
      // The report's HTML needs no browser: its pages reload first. The deck is built at the same time (Chromium
      // fits it while node renders the report), and its pages reload after the report's.
      const first = htmlFormats.filter((f) => f === 'report-html');
      const then = htmlFormats.filter((f) => f !== 'report-html');
      let reportSent: () => void = () => undefined;
      const reportReloaded = first.length > 0 ? new Promise<void>((resolve) => (reportSent = resolve)) : Promise.resolve();
      const reportBuilt = first.length > 0 ? buildHtml(first, changed, Promise.resolve(), reportSent) : undefined;
      const deckBuilt = then.length > 0 ? buildHtml(then, changed, reportReloaded, () => undefined) : undefined;
      const settled = await Promise.allSettled([reportBuilt, deckBuilt]);
      const errors = new Set(settled.flatMap((s) => (s.status === 'rejected' ? [s.reason as unknown] : [])));
      for (const error of errors) report({ type: 'error', error });
      // One line for the pass, though the report's HTML and the deck are two builds: a document counts as built
      // when neither failed it (it used to print "html 0 of 1" then "html 1 of 1 built" for one broken template).
      const results = settled.flatMap((s) => (s.status === 'fulfilled' && s.value ? [s.value] : []));
      if (results.length > 0) {
        const combined = combinedResult(results);
        // Failed documents are rebuilt on any template change; a document is failed if either build failed it.
        failed = [...new Set([...failed.filter((f) => !combined.documents.some((d) => d.file === f)), ...combined.failures.map((f) => f.file)])];
        report({ type: 'html-built', result: combined, changed: changed === 'all' ? [] : changed });
        // Open pages of a document that failed say so (they keep showing the last good build); a good save refreshes them.
        if (combined.failures.length > 0) server.events.send('failed', combined.failures.map((f) => ({ slug: latest.get(f.file)?.slug, text: failureText(f.error, resolved.root) })));
      }
      const built = settled.flatMap((s) => (s.status === 'fulfilled' && s.value ? s.value.documents : []));
      // A preview opened on up-to-date output built nothing yet: build one document once, out of sight, so the
      // first save finds the code, templates and the deck's tab warm (a first deck load in a new tab takes seconds).
      if (!rehearsed && built.length > 0 && built.every((d) => d.cached)) await rehearseBuild(buildOptions(htmlFormats, [built[0].file]), resolved.outDir, services(htmlBrowser));
      rehearsed = true;
    } catch (error) {
      report({ type: 'error', error });
    }
    if (pdfFormats.length > 0 && !closing) pdfQueue.request('all');
  });

  // The session writes into the output folder for as long as it runs: other builds into it wait.
  const releaseLock = await acquireOutputLock(resolved.outDir);
  const server = await startPreviewServer(resolved.outDir, { host: options.host, port: options.port }).catch(async (error: unknown) => {
    await releaseLock();
    throw error;
  });
  // A preview is a long session: start both browsers now, so the first save after opening an up-to-date
  // project does not wait for Chromium to boot before its deck can be fitted.
  if (htmlFormats.some((f) => f !== 'report-html')) htmlBrowser.warmUp();
  if (pdfFormats.length > 0) browser.warmUp(2);
  // Likewise the renderers, which a build imports only once something needs rebuilding.
  void import('../build/create-build-context.js').catch(() => undefined);
  htmlQueue.request('all');

  const projectTemplateDirs = resolved.templateDirs;
  const configFiles = readdirSync(resolved.root).filter((name) => configFile.test(name)).map((name) => path.join(resolved.root, name));
  const ignored = (file: string): boolean =>
    file === resolved.outDir || file.startsWith(resolved.outDir + path.sep) || /(^|[/\\])(node_modules|\.git)([/\\]|$)/.test(file);
  const watchers: FSWatcher[] = [
    watch([...resolved.paths, ...projectTemplateDirs], { ignoreInitial: true, ignored }),
    // The project folder itself only for its config file.
    watch(resolved.root, { ignoreInitial: true, depth: 0, ignored }),
  ];
  let timer: NodeJS.Timeout | undefined;
  let batch = new Set<string>();
  const onChange = (changed: string): void => {
    const file = path.resolve(changed);
    const isConfig = path.dirname(file) === resolved.root && configFile.test(path.basename(file));
    const inSources = resolved.paths.some((p) => file === p || file.startsWith(p + path.sep));
    const inTemplates = projectTemplateDirs.some((d) => file.startsWith(d + path.sep));
    if (!isConfig && !inSources && !inTemplates) return;
    if (isConfig && !configFiles.includes(file)) configFiles.push(file);
    // Forgotten at once, not after the pause below: a build that starts meanwhile must not use what changed.
    if (isSharedInput(file, projectTemplateDirs, configFiles)) memo.forget();
    batch.add(file);
    clearTimeout(timer);
    // Editors save in bursts (write, rename, chmod): gather them for a moment.
    timer = setTimeout(() => {
      const files = [...batch];
      batch = new Set();
      const known = [...latest.values()].map((d) => ({ file: d.file, inputs: d.inputs.map((i) => i.path) }));
      const wanted = files.map((f) => affectedDocuments(f, known, failed, projectTemplateDirs, configFiles));
      const documents = wanted.flatMap((w) => (w === 'all' ? [] : w));
      // A removed source leaves the index: rebuild the list of documents.
      if (wanted.includes('all') || documents.some((f) => !existsSync(f))) htmlQueue.request('all');
      else htmlQueue.request(documents);
    }, 15);
  };
  for (const watcher of watchers) watcher.on('all', (_event, changed) => onChange(changed));
  await Promise.all(watchers.map((watcher) => new Promise<void>((resolve) => watcher.once('ready', () => resolve()))));

  return {
    url: server.url,
    server,
    async idle() {
      await htmlQueue.idle();
      await pdfQueue.idle();
      await htmlQueue.idle();
    },
    async close() {
      // Stopped at once, even in the middle of a long first build: the browsers go first, so prints in flight fail
      // instead of being waited for (a document that fails writes nothing and keeps its cache entry).
      closing = true;
      clearTimeout(timer);
      await Promise.all(watchers.map((watcher) => watcher.close()));
      await server.close();
      await Promise.all([browser.close(), htmlBrowser.close()]);
      await htmlQueue.idle().catch(() => undefined);
      await pdfQueue.idle().catch(() => undefined);
      await releaseLock();
    },
  };
}

/** Why a document failed, as the preview's pages show it: the error's place (relative to the project) and hint. */
function failureText(error: unknown, root: string): string {
  const text = error instanceof BriefkitError ? error.describe() : error instanceof Error ? error.message : String(error);
  return text.split(root + path.sep).join('');
}

/** Builds of different formats of the same documents as one result: a document failed by either is failed. */
export function combinedResult(results: readonly BuildResult[]): BuildResult {
  const failures = results.flatMap((r) => r.failures).filter((f, i, all) => all.findIndex((g) => g.file === f.file) === i);
  const failed = new Set(failures.map((f) => f.file));
  const documents = results.flatMap((r) => r.documents).filter((d, i, all) => !failed.has(d.file) && all.findIndex((e) => e.file === d.file) === i);
  return {
    documents,
    failures,
    index: results.map((r) => r.index).find((index) => index !== undefined),
    ms: Math.max(...results.map((r) => r.ms)),
    browserStarted: results.some((r) => r.browserStarted),
  };
}
