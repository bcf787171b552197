import { readFile } from 'node:fs/promises';
import type { ResolvedBuildOptions } from '../config/build-options.js';
import { templateSearchDirs } from '../templates/template-dirs.js';
import { hashParts } from './hash.js';
import { toolFingerprint } from './tool-fingerprint.js';
import { treeFingerprint } from './tree-fingerprint.js';

/** The text of the config file the build read (its helpers are code, so the source is what identifies them). */
async function configText(file: string | undefined): Promise<string> {
  return file === undefined ? 'no config' : `${file}\n${await readFile(file, 'utf8').catch(() => '')}`;
}

/** Options that say where or how to build, not what the outputs look like. */
const notSettings = new Set(['paths', 'outDir', 'root', 'onEvent', 'cache', 'force', 'shard', 'writeIndex']);

/**
 * What every document of a build shares and its outputs depend on: the tool, the templates and themes, the
 * config file and every resolved setting (new options are covered without listing them here). Documents are cached under this key plus their own source and images.
 * `fingerprint` hashes the template folders (a caller that watches them may hand in a remembered one).
 */
export async function buildKey(options: ResolvedBuildOptions, fingerprint: (dirs: readonly string[]) => Promise<string> = treeFingerprint): Promise<string> {
  const settings = JSON.stringify(
    Object.entries(options).filter(([name]) => !notSettings.has(name)),
    (_, value: unknown) => (typeof value === 'function' ? String(value) : value),
  );
  const [tool, templates, config] = await Promise.all([toolFingerprint(), fingerprint(templateSearchDirs(options.templateDirs)), configText(options.configFile)]);
  return hashParts(['briefkit-cache-1', tool, templates, settings, config]);
}
