import type { BrowserService } from '../browser/browser-service.js';
import type { ResolvedBuildOptions } from '../config/build-options.js';
import { createMarp } from '../deck/create-marp.js';
import { createReportMarkdown } from '../markdown/create-markdown.js';
import { TemplateRegistry } from '../templates/registry.js';
import type { BuildContext } from './build-context.js';

/**
 * Makes what every document of a build shares: templates, Markdown engines and the browser. This module pulls
 * in the heavy renderers (marp-core, markdown-it, Handlebars), so build() imports it only when something is
 * actually going to be built.
 */
export function createBuildContext(options: ResolvedBuildOptions, browser: BrowserService): BuildContext {
  const templates = new TemplateRegistry(options.templateDirs, options.helpers);
  // The promise is kept, not the engine: documents rendered side by side all ask before the first one has it.
  let marp: Promise<ReturnType<typeof createMarp>> | undefined;
  return {
    options,
    templates,
    markdown: createReportMarkdown(),
    browser,
    marp: () => (marp ??= templates.themes().then((themes) => createMarp(themes, { trustHtml: options.trustHtml }))),
  };
}

export { buildDocument } from './build-document.js';
export { buildDocumentWithRetry } from './retry-on-crash.js';
