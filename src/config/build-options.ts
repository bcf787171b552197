import path from 'node:path';
import type { HelperDelegate } from 'handlebars';
import type { PaperSize } from '../content/types.js';
import { allFormats, parseFormats, type OutputFormat } from './formats.js';

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
  /** Defaults below front matter (what a config file sets). */
  defaults?: DocumentDefaults;
  /** Settings above front matter (what CLI flags set). */
  overrides?: Pick<DocumentDefaults, 'theme' | 'template' | 'paper'>;
  /** Extra Handlebars helpers for report templates. */
  helpers?: Record<string, HelperDelegate>;
  /** Keep raw HTML in Markdown as written instead of sanitising it. */
  trustHtml?: boolean;
  /** Browser to print with (else found as users expect). */
  executablePath?: string;
  /** Called as each document starts, finishes or fails. */
  onEvent?: (event: BuildEvent) => void;
}

/** Progress reported while building. */
export type BuildEvent =
  | { type: 'start'; total: number }
  | { type: 'document-start'; file: string }
  | { type: 'document-done'; file: string; slug: string; ms: number }
  | { type: 'document-failed'; file: string; error: unknown };

/** Options with every default filled in, resolved once at the start of a build and then read-only. */
export interface ResolvedBuildOptions {
  readonly paths: readonly string[];
  readonly outDir: string;
  readonly formats: readonly OutputFormat[];
  readonly root: string;
  readonly templateDirs: readonly string[];
  readonly defaults: Readonly<DocumentDefaults>;
  readonly overrides: Readonly<Pick<DocumentDefaults, 'theme' | 'template' | 'paper'>>;
  readonly helpers: Readonly<Record<string, HelperDelegate>>;
  readonly trustHtml: boolean;
  readonly executablePath?: string;
  readonly onEvent: (event: BuildEvent) => void;
}

/** Built-in defaults: the lowest layer of precedence. */
export const builtinDefaults = { theme: 'briefing', template: 'briefing', paper: 'A4' } as const satisfies DocumentDefaults;

/** Fills in defaults and resolves paths against the project folder. */
export function resolveBuildOptions(options: BuildOptions = {}): ResolvedBuildOptions {
  const root = path.resolve(options.root ?? process.cwd());
  return Object.freeze({
    paths: (options.paths && options.paths.length > 0 ? options.paths : ['content']).map((p) => path.resolve(root, p)),
    outDir: path.resolve(root, options.outDir ?? 'output'),
    formats: options.formats === undefined ? [...allFormats] : parseFormats(options.formats),
    root,
    templateDirs: [...(options.templateDirs ?? []).map((d) => path.resolve(root, d)), path.join(root, 'templates')],
    defaults: { ...builtinDefaults, ...stripUndefined(options.defaults ?? {}) },
    overrides: stripUndefined(options.overrides ?? {}),
    helpers: options.helpers ?? {},
    trustHtml: options.trustHtml ?? false,
    executablePath: options.executablePath,
    onEvent: options.onEvent ?? (() => undefined),
  });
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
