import path from 'node:path';
import { packageRoot } from '../version.js';

/** The built-in templates folder shipped with briefkit. */
export const builtinTemplatesDir = path.join(packageRoot, 'templates');

/** Folders searched for templates and themes, project ones first so they override built-ins by name. */
export function templateSearchDirs(projectDirs: readonly string[]): string[] {
  const dirs = projectDirs.map((dir) => path.resolve(dir));
  if (!dirs.includes(builtinTemplatesDir)) dirs.push(builtinTemplatesDir);
  return dirs;
}
