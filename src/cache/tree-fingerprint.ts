import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { hashParts } from './hash.js';

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

/**
 * One hash over every file (relative name and contents) under each folder, in order: changes when a file is
 * added, removed, renamed or edited, not when it is only touched. A missing folder counts as empty.
 */
export async function treeFingerprint(dirs: readonly string[]): Promise<string> {
  const parts: (string | Uint8Array)[] = [];
  for (const dir of dirs) {
    parts.push(`dir ${dir}`);
    for (const file of await listFiles(dir)) {
      parts.push(path.relative(dir, file).split(path.sep).join('/'));
      parts.push(await readFile(file));
    }
  }
  return hashParts(parts);
}
