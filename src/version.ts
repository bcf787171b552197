import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The nearest folder at or above `dir` holding a package.json (the compiled code and the bundle sit at different depths). */
function findPackageRoot(dir: string): string {
  for (let current = dir; ; current = path.dirname(current)) {
    if (existsSync(path.join(current, 'package.json'))) return current;
    if (path.dirname(current) === current) throw new Error(`briefkit cannot find its package.json above ${dir}`);
  }
}

/** The folder briefkit is installed in (holds package.json and the built-in templates/). */
export const packageRoot = findPackageRoot(path.dirname(fileURLToPath(import.meta.url)));

/** briefkit's own version, read once from package.json. */
export const version: string = (JSON.parse(readFileSync(path.join(packageRoot, 'package.json'), 'utf8')) as { version: string }).version;
