import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { packageRoot, version } from '../version.js';
import { hashParts } from './hash.js';

let memo: Promise<string> | undefined;

/**
 * Identifies this installation of briefkit: its version plus the size and time of each compiled module, so
 * a rebuilt or patched briefkit of the same version still invalidates cached outputs.
 */
export function toolFingerprint(): Promise<string> {
  memo ??= (async () => {
    const dist = path.join(packageRoot, 'dist');
    const entries = await readdir(dist, { withFileTypes: true, recursive: true }).catch(() => []);
    const files = entries.filter((e) => e.isFile() && /\.c?js$/.test(e.name)).map((e) => path.join(e.parentPath, e.name)).sort();
    const parts = [`briefkit ${version}`];
    for (const file of files) {
      const info = await stat(file);
      parts.push(`${path.relative(dist, file)} ${info.size} ${Math.round(info.mtimeMs)}`);
    }
    return hashParts(parts);
  })();
  return memo;
}
