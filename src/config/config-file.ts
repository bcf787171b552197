import type { HelperDelegate } from 'handlebars';
import type { PaperSize } from '../content/types.js';
import type { OutputFormat } from './formats.js';

/**
 * What `briefkit.config.{ts,js,mjs,json}` may set: defaults for every document of the project. Front matter
 * overrides the document fields; command-line flags override both. Paths are relative to the config file.
 */
export interface BriefkitConfig {
  /** Default `organization` for documents that do not name one. */
  organization?: string;
  /** Default `author`. */
  author?: string;
  /** Default marking, e.g. `UNCLASSIFIED`. */
  classification?: string;
  /** Default deck theme (a `@theme` name). */
  theme?: string;
  /** Default report template (a folder name under `templates/report/`). */
  template?: string;
  /** Default report paper. */
  paper?: PaperSize;
  /** Outputs to build, e.g. `['report-pdf']` or `'deck-html,report-pdf'`. */
  formats?: readonly OutputFormat[] | string;
  /** Output folder (default `output`). */
  outDir?: string;
  /** Extra template folders, searched before the project's `templates/` and the built-ins. */
  templateDirs?: string[];
  /** Extra Handlebars helpers for report templates, by name (only in .ts/.js/.mjs configs). */
  helpers?: Record<string, HelperDelegate>;
}

/** Types a config file: `export default defineConfig({ organization: 'Policy Office' })`. Returns its argument. */
export function defineConfig(config: BriefkitConfig): BriefkitConfig {
  return config;
}
