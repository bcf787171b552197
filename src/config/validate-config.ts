import type { HelperDelegate } from 'handlebars';
import { ConfigError } from '../errors.js';
import type { BriefkitConfig } from './config-file.js';
import { parseFormats } from './formats.js';

const knownKeys = ['organization', 'author', 'classification', 'theme', 'template', 'paper', 'formats', 'outDir', 'templateDirs', 'helpers'] as const;

/** The 1-based line where `key:` (or `"key":`) first appears in a config source, if it does. */
export function lineOfConfigKey(source: string, key: string): number | undefined {
  const pattern = new RegExp(`(^|[\\s{,])["']?${key}["']?\\s*:`);
  const index = source.split('\n').findIndex((line) => pattern.test(line));
  return index < 0 ? undefined : index + 1;
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'function') return 'a function';
  return `${typeof value} \`${String(value)}\``;
}

/** Checks a loaded config value field by field; a bad field throws a ConfigError at the line that sets it. */
export function validateConfig(value: unknown, file: string, source: string): BriefkitConfig {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ConfigError(`The config must be an object, but it is ${describe(value)}.`, {
      location: { file },
      hint: 'Write `export default defineConfig({ ... })` (or a JSON object in briefkit.config.json).',
    });
  }
  const data = value as Record<string, unknown>;
  const fail = (key: string, expected: string): never => {
    throw new ConfigError(`Config \`${key}\` must be ${expected}, but it is ${describe(data[key])}.`, {
      location: { file, line: lineOfConfigKey(source, key) },
      hint: `Change \`${key}\` to ${expected}.`,
    });
  };
  for (const key of Object.keys(data)) {
    if (!(knownKeys as readonly string[]).includes(key)) {
      throw new ConfigError(`Unknown config key \`${key}\`.`, { location: { file, line: lineOfConfigKey(source, key) }, hint: `Known keys: ${knownKeys.join(', ')}.` });
    }
  }
  const text = (key: string): string | undefined => {
    const v = data[key];
    if (v === undefined) return undefined;
    return typeof v === 'string' && v.trim() ? v.trim() : fail(key, 'a non-empty text');
  };
  const config: BriefkitConfig = {
    organization: text('organization'),
    author: text('author'),
    classification: text('classification'),
    theme: text('theme'),
    template: text('template'),
    outDir: text('outDir'),
  };
  const paper = text('paper');
  if (paper !== undefined) config.paper = /^a4$/i.test(paper) ? 'A4' : /^letter$/i.test(paper) ? 'Letter' : fail('paper', '`A4` or `Letter`');
  if (data.formats !== undefined) {
    const formats = data.formats;
    if (typeof formats !== 'string' && !(Array.isArray(formats) && formats.every((f) => typeof f === 'string'))) fail('formats', 'a list of format names');
    try {
      config.formats = parseFormats(formats as string | string[]);
    } catch (error) {
      throw new ConfigError(`Config \`formats\`: ${(error as Error).message}`, { location: { file, line: lineOfConfigKey(source, 'formats') }, hint: (error as ConfigError).hint, cause: error });
    }
  }
  if (data.templateDirs !== undefined) {
    const dirs = data.templateDirs;
    if (!Array.isArray(dirs) || !dirs.every((d) => typeof d === 'string' && d.trim())) fail('templateDirs', 'a list of folder paths');
    config.templateDirs = dirs as string[];
  }
  if (data.helpers !== undefined) {
    const helpers = data.helpers;
    if (typeof helpers !== 'object' || helpers === null || Array.isArray(helpers)) fail('helpers', 'an object of `name: function`');
    for (const [name, fn] of Object.entries(helpers as Record<string, unknown>)) {
      if (typeof fn !== 'function') {
        throw new ConfigError(`Config helper \`${name}\` must be a function, but it is ${describe(fn)}.`, { location: { file, line: lineOfConfigKey(source, name) }, hint: 'Helpers are functions, so they need a .ts, .js or .mjs config file.' });
      }
    }
    config.helpers = helpers as Record<string, HelperDelegate>;
  }
  return Object.fromEntries(Object.entries(config).filter(([, v]) => v !== undefined)) as BriefkitConfig;
}
