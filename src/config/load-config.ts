import { existsSync, statSync } from 'node:fs';
import { readFile, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ConfigError } from '../errors.js';
import type { BriefkitConfig } from './config-file.js';
import { lineOfConfigKey, validateConfig } from './validate-config.js';
import { importExternal } from '../import-external.js';
import { packageRoot } from '../version.js';

/** The file URL of this briefkit's library entry (what `import 'briefkit'` gives a project that installed it). */
const libraryUrl = (): string => pathToFileURL(path.join(packageRoot, 'dist', 'index.js')).href;

/** Config file names looked for in the project folder, in this order. */
export const configFileNames = ['briefkit.config.ts', 'briefkit.config.mts', 'briefkit.config.js', 'briefkit.config.mjs', 'briefkit.config.json'] as const;

/** A config file read and checked. */
export interface LoadedConfig {
  /** Absolute path of the config file; relative paths in it resolve against its folder. */
  file: string;
  config: BriefkitConfig;
  /** The lines that set `theme` and `template`, for errors about the names they give. */
  lines?: Partial<Record<'theme' | 'template', number>>;
}

/** The project's config file, if it has one; two candidates at once is an error (which would win is unclear). */
export function findConfigFile(root: string): string | undefined {
  const found = configFileNames.map((name) => path.join(root, name)).filter((file) => existsSync(file));
  if (found.length > 1) {
    throw new ConfigError(`The project has ${found.length} config files: ${found.map((f) => path.basename(f)).join(', ')}.`, {
      location: { file: found[1] },
      hint: 'Keep one of them (or pass --config <file>).',
    });
  }
  return found[0];
}

/** Line and column of a character offset. */
function positionOf(source: string, offset: number): { line: number; column: number } {
  const before = source.slice(0, offset).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

/**
 * Where in `source` JSON.parse failed, from its message: "... at position 12", or, for an unexpected token, V8's
 * "Unexpected token 'a', ...\"context\"... is not valid JSON", whose context is the 10 characters either side.
 */
export function jsonErrorOffset(message: string, source: string): number | undefined {
  const position = /position (\d+)/.exec(message);
  if (position) return Number(position[1]);
  const context = /^Unexpected token '(.)', (\.\.\.)?"([\s\S]*?)"(\.\.\.)? is not valid JSON/.exec(message);
  if (!context) return undefined;
  const [, token, clippedBefore, snippet, clippedAfter] = context;
  const start = source.indexOf(snippet);
  if (start < 0) return undefined;
  // The context is the 10 characters either side of the token, cut at the ends of the source.
  if (clippedBefore) return start + 10;
  if (clippedAfter) return start + snippet.length - 10;
  // A short source shown whole: the first such character outside a string.
  let inString = false;
  for (let i = 0; i < snippet.length; i += 1) {
    const char = snippet[i];
    if (inString) {
      if (char === '\\') i += 1;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === token) return start + i;
  }
  return start;
}

function parseJson(source: string, file: string): unknown {
  try {
    return JSON.parse(source);
  } catch (error) {
    const offset = jsonErrorOffset((error as Error).message, source);
    const at = offset === undefined ? undefined : positionOf(source, offset);
    throw new ConfigError(`The config file is not valid JSON: ${(error as Error).message}.`, {
      location: { file, line: at?.line, column: at?.column },
      hint: 'Check for a missing comma or quote, or a trailing comma (JSON allows none).',
      cause: error,
    });
  }
}

/** The line and column in `file` that an error's stack trace points at, if any. */
function lineInStack(error: unknown, file: string): { line?: number; column?: number } {
  const stack = error instanceof Error ? (error.stack ?? '') : '';
  const names = [pathToFileURL(file).href, file].map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const match = new RegExp(`(?:${names.join('|')})(?:\\?[^:\\s)]*)?:(\\d+)(?::(\\d+))?`).exec(stack);
  return match ? { line: Number(match[1]), column: match[2] ? Number(match[2]) : undefined } : {};
}

/**
 * Whether the project has briefkit installed where `import 'briefkit'` in the config would find it: a
 * node_modules/briefkit in the config's folder or one above. (require.resolve cannot tell: briefkit's package.json
 * exports only `import` conditions, so it throws ERR_PACKAGE_PATH_NOT_EXPORTED even when briefkit is there:
 * https://nodejs.org/api/errors.html#err_package_path_not_exported)
 */
function projectHasBriefkit(file: string): boolean {
  for (let dir = path.dirname(file); ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'node_modules', 'briefkit', 'package.json'))) return true;
    if (path.dirname(dir) === dir) return false;
  }
}

/**
 * The config's source with `from 'briefkit'` pointed at the briefkit running it, for a project that does not have
 * briefkit installed (run through npx, or a global install): the docs' `import { defineConfig } from 'briefkit'`
 * then loads all the same, where it failed with "Cannot find package 'briefkit'".
 */
export function withBriefkitImport(source: string, libraryUrl: string): string {
  // JSON.stringify quotes the URL whatever it holds (an install path with a quote in it).
  return source.replace(/(\bfrom\s*|\bimport\s*\(?\s*)(['"])briefkit\2/g, (_, lead: string) => `${lead}${JSON.stringify(libraryUrl)}`);
}

/** Imports an ES module config; a TypeScript one is transpiled into a temporary file beside it first. */
async function importModule(file: string, source: string): Promise<unknown> {
  const isTs = /\.m?ts$/.test(file);
  const ownBriefkit = /['"]briefkit['"]/.test(source) && !projectHasBriefkit(file);
  // Beside the config, so relative imports (and `briefkit`, when the project has it) resolve as for the file itself.
  const target = isTs || ownBriefkit ? `${file}.${process.pid}-${Date.now()}.mjs` : file;
  const sourceMaps = process.sourceMapsEnabled;
  try {
    if (isTs) {
      // The TypeScript compiler takes half a second to load: only a .ts config pays for it.
      const { transpileConfig } = await import('./transpile-config.js');
      const code = transpileConfig(source, file);
      await writeFile(target, ownBriefkit ? withBriefkitImport(code, libraryUrl()) : code);
      process.setSourceMapsEnabled(true);
    } else if (ownBriefkit) {
      await writeFile(target, withBriefkitImport(source, libraryUrl()));
    }
    const module = await importExternal<{ default?: unknown }>(`${pathToFileURL(target).href}?t=${Date.now()}`);
    if (!('default' in module)) {
      throw new ConfigError('The config file has no default export.', { location: { file }, hint: 'End it with `export default defineConfig({ ... })`.' });
    }
    return module.default;
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    // A config run from a temporary copy (transpiled, or its briefkit import pointed here) has the same lines.
    const inFile = lineInStack(error, file);
    const at = inFile.line === undefined && target !== file ? lineInStack(error, target) : inFile;
    const reason = error instanceof Error ? `${error.name === 'Error' ? '' : `${error.name}: `}${error.message}` : String(error);
    throw new ConfigError(`The config file failed to load: ${reason}${at.line ? `\n    ${at.line} | ${source.split('\n')[at.line - 1] ?? ''}` : ''}`, {
      location: { file, ...at },
      cause: error,
    });
  } finally {
    if (target !== file) {
      process.setSourceMapsEnabled(sourceMaps);
      await unlink(target).catch(() => undefined);
    }
  }
}

/**
 * Reads the config: `file` when given (relative to `root`), none when `false`, else the one found in `root`.
 * Returns undefined when there is none.
 */
export async function loadConfig(options: { root: string; file?: string | false }): Promise<LoadedConfig | undefined> {
  if (options.file === false) return undefined;
  const file = options.file === undefined ? findConfigFile(options.root) : path.resolve(options.root, options.file);
  if (!file) return undefined;
  let source: string;
  try {
    source = await readFile(file, 'utf8');
  } catch (error) {
    throw new ConfigError(`Cannot read the config file: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.`, { location: { file }, hint: 'Check the --config path.', cause: error });
  }
  const value = file.endsWith('.json') ? parseJson(source, file) : await importModule(file, source);
  const lines = Object.fromEntries((['theme', 'template'] as const).flatMap((key) => {
    const line = lineOfConfigKey(source, key);
    return line === undefined ? [] : [[key, line]];
  }));
  const config = validateConfig(value, file, source);
  // A template folder that is not there is a typo more often than a plan: said now, not found missing later.
  for (const dir of config.templateDirs ?? []) {
    const resolved = path.resolve(path.dirname(file), dir);
    if (!statSync(resolved, { throwIfNoEntry: false })?.isDirectory()) {
      throw new ConfigError(`Config \`templateDirs\` names ${dir}, which is not a folder (${resolved}).`, {
        location: { file, line: lineOfConfigKey(source, 'templateDirs') },
        hint: 'Paths are relative to the config file; create the folder or fix the path.',
      });
    }
  }
  return { file, config, lines };
}
