import type { BrowserService } from '../browser/browser-service.js';
import type { ResolvedBuildOptions } from '../config/build-options.js';
import { createMarp } from '../deck/create-marp.js';
import { createReportMarkdown } from '../markdown/create-markdown.js';
import { SharedPrints } from '../pdf/shared-prints.js';
import { SharedReports } from '../pdf/shared-reports.js';
import { TemplateRegistry } from '../templates/registry.js';
import type { BuildContext } from './build-context.js';
import type { BuildMemo } from './build-memo.js';
import { FitMemory } from './fit-memory.js';

/** The part of a build context that depends only on templates and settings, not on which formats are built. */
type Renderers = Pick<BuildContext, 'templates' | 'markdown' | 'marp' | 'fitMemory'>;

/** What the renderers are made from: two builds whose options give the same key can share them. */
export function renderersKey(options: ResolvedBuildOptions): string {
  const helpers = Object.entries(options.helpers).map(([name, fn]) => [name, String(fn)]);
  return JSON.stringify(['renderers', options.templateDirs, options.trustHtml, helpers]);
}

function createRenderers(options: ResolvedBuildOptions): Renderers {
  const templates = new TemplateRegistry(options.templateDirs, options.helpers);
  // The promise is kept, not the engine: documents rendered side by side all ask before the first one has it.
  let marp: ReturnType<Renderers['marp']> | undefined;
  return {
    templates,
    markdown: createReportMarkdown(),
    fitMemory: new FitMemory(),
    marp: () => (marp ??= templates.themes().then((themes) => createMarp(themes, { trustHtml: options.trustHtml }))),
  };
}

/**
 * Makes what every document of a build shares: templates, Markdown engines and the browser. This module pulls
 * in the heavy renderers (marp-core, markdown-it, Handlebars), so build() imports it only when something is
 * actually going to be built. With a memo (the preview's), the renderers of an earlier build with the same
 * templates and settings are reused: templates stay compiled and the Marp engine keeps its themes.
 */
export function createBuildContext(
  options: ResolvedBuildOptions,
  browser: BrowserService,
  build: { memo?: BuildMemo; sharePrints?: boolean } & Partial<Pick<BuildContext, 'claimSlug' | 'flushLater'>> = {},
): BuildContext {
  const { memo, claimSlug = () => undefined, flushLater, sharePrints = false } = build;
  const renderers = memo ? memo.get(renderersKey(options), () => createRenderers(options)) : createRenderers(options);
  // Trusted HTML's scripts may look for their own document's elements: its pages print alone.
  const shares = sharePrints && !options.trustHtml;
  return { ...renderers, options, browser, prints: new SharedPrints(browser, shares), reports: new SharedReports(browser, shares), claimSlug, flushLater };
}

export { buildDocument } from './build-document.js';
export { buildDocumentWithRetry } from './retry-on-crash.js';
