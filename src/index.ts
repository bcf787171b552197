/** briefkit's public API: `build()` and the types and errors it uses. The CLI is a thin shell over this. */
export { build, type BuildResult, type BuildFailure } from './build/build.js';
export type { DocumentResult } from './build/build-document.js';
export type { BuildOptions, BuildEvent, DocumentDefaults } from './config/build-options.js';
export { allFormats, type OutputFormat } from './config/formats.js';
export { defineConfig, type BriefkitConfig } from './config/config-file.js';
export { loadConfig, type LoadedConfig } from './config/load-config.js';
export type { Briefing, FrontMatter, Section, Chunk, Diagnostic, PaperSize } from './content/types.js';
export { parseBriefing, loadBriefing } from './content/load-briefing.js';
export type { ReportContext, ReportSection, ReportSubsection } from './report/report-context.js';
export { BriefkitError, UsageError, ConfigError, ContentError, TemplateError, BrowserError, OutputError, formatLocation, type SourceLocation } from './errors.js';
export { version } from './version.js';
