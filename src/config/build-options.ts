import path from 'node:path';
import type { HelperDelegate } from 'handlebars';
import type { PaperSize } from '../content/types.js';
import type { LoadedConfig } from './load-config.js';
import type { Shard } from '../build/shard.js';
import { allFormats, parseFormats, type OutputFormat } from './formats.js';
import { applyLayers } from './precedence.js';

/** Defaults for every document; front matter overrides these, and `overrides` beat front matter. */
export interface DocumentDefaults {
  theme?: string;
  template?: string;
  paper?: PaperSize;
  organization?: string;
  author?: string;
  classification?: string;
}

/** What a caller of `build()` may set. Everything is optional. */
export interface BuildOptions {
  /** Markdown files or folders (default `content/`). */
  paths?: string[];
  /** Output folder (default `output/`). */
  outDir?: string;
  formats?: readonly OutputFormat[] | string;
  /** The project folder: templates/ is looked up here and assets must live inside it (default cwd). */
  root?: string;
  /** Extra template folders searched before the project's `templates/`. */
  templateDirs?: string[];
  /** Config file to read (relative to `root`); `false` reads none; default: `briefkit.config.*` in `root`. */
  config?: string | false;
  /** Defaults below front matter, above the config file's. */
  defaults?: DocumentDefaults;
  /** Settings above front matter (what CLI flags set). */
  overrides?: DocumentDefaults;
  /** Extra Handlebars helpers for report templates. */
  helpers?: Record<string, HelperDelegate>;
  /** Keep raw HTML in Markdown as written instead of sanitising it. */
  trustHtml?: boolean;
  /** Browser to print with (else found as users expect). */
  executablePath?: string;
  /** Called as each document starts, finishes or fails. */
  onEvent?: (event: BuildEvent) => void;
  /** Skip documents whose inputs and outputs are unchanged since the last build into outDir (default true). */
  cache?: boolean;
  /** Rebuild every document even when the cache says it is up to date, and record the new outputs in it. */
  force?: boolean;
  /** Write `<out>/index.html` listing the documents (default true). */
  writeIndex?: boolean;
  /** Build only this slice of the documents (for CI matrices), e.g. `{ index: 2, count: 4 }`. */
  shard?: Shard;
}

/** Progress reported while building. */
export type BuildEvent =
  | { type: 'start'; total: number }
  | { type: 'document-start'; file: string }
  | { type: 'document-done'; file: string; slug: string; ms: number; /** The document's output folder. */ dir: string }
  | { type: 'document-cached'; file: string; slug: string; /** The document's output folder. */ dir: string }
  | { type: 'document-failed'; file: string; error: unknown }
  | { type: 'waiting'; message: string };

/** Options with every default filled in, resolved once at the start of a build and then read-only. */
export interface ResolvedBuildOptions {
  readonly paths: readonly string[];
  readonly outDir: string;
  readonly formats: readonly OutputFormat[];
  readonly root: string;
  readonly templateDirs: readonly string[];
  /** The config file read, if any. */
  readonly configFile?: string;
  /** The lines of the config file that set `theme` and `template`. */
  readonly configLines?: Partial<Record<'theme' | 'template', number>>;
  /** The config layer of document settings (config file, then `defaults`); front matter overrides it. */
  readonly defaults: Readonly<DocumentDefaults>;
  /** The command-line layer of document settings; it overrides front matter. */
  readonly overrides: Readonly<DocumentDefaults>;
  readonly helpers: Readonly<Record<string, HelperDelegate>>;
  readonly trustHtml: boolean;
  readonly executablePath?: string;
  readonly onEvent: (event: BuildEvent) => void;
  readonly cache: boolean;
  readonly force: boolean;
  readonly writeIndex: boolean;
  readonly shard?: Shard;
}

/** Built-in defaults: the lowest layer of precedence. */
export const builtinDefaults = { theme: 'briefing', template: 'briefing', paper: 'A4' } as const satisfies DocumentDefaults;

/** The document fields of a config file. */
function configDefaults(config: LoadedConfig['config']): DocumentDefaults {
  const { organization, author, classification, theme, template, paper } = config;
  return { organization, author, classification, theme, template, paper };
}

/**
 * Fills in defaults, layering built-in < config file < `options` (the API or CLI), and resolves paths: the
 * config's against its own folder, the others against the project folder. Document fields are layered later,
 * per document, by documentSettings().
 */
export function resolveBuildOptions(options: BuildOptions = {}, loaded?: LoadedConfig): ResolvedBuildOptions {
  const root = path.resolve(options.root ?? process.cwd());
  const config = loaded?.config ?? {};
  const configDir = loaded ? path.dirname(loaded.file) : root;
  const top = applyLayers<{ outDir: string; formats: readonly OutputFormat[] | string }>(
    { outDir: 'output', formats: allFormats },
    { outDir: config.outDir === undefined ? undefined : path.resolve(configDir, config.outDir), formats: config.formats },
    { outDir: options.outDir, formats: options.formats },
  );
  return Object.freeze({
    paths: (options.paths && options.paths.length > 0 ? options.paths : ['content']).map((p) => path.resolve(root, p)),
    outDir: path.resolve(root, top.outDir ?? 'output'),
    formats: parseFormats(top.formats ?? allFormats),
    root,
    templateDirs: [
      ...(options.templateDirs ?? []).map((d) => path.resolve(root, d)),
      ...(config.templateDirs ?? []).map((d) => path.resolve(configDir, d)),
      path.join(root, 'templates'),
    ],
    configFile: loaded?.file,
    configLines: loaded?.lines,
    defaults: applyLayers<DocumentDefaults>(configDefaults(config), options.defaults),
    overrides: applyLayers<DocumentDefaults>(options.overrides),
    helpers: { ...config.helpers, ...options.helpers },
    trustHtml: options.trustHtml ?? false,
    executablePath: options.executablePath,
    onEvent: options.onEvent ?? (() => undefined),
    cache: options.cache ?? true,
    force: options.force ?? false,
    writeIndex: options.writeIndex ?? true,
    shard: options.shard,
  });
}
