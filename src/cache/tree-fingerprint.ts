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
  // Every folder listed and every file read at once: one after the other, the built-in templates alone took 23 ms
  // of a rebuild with nothing to do (0.3 s in all) on the 2-core test machine.
  const trees = await Promise.all(
    dirs.map(async (dir) => {
      const files = await listFiles(dir);
      const contents = await Promise.all(files.map((file) => readFile(file)));
      return [`dir ${dir}`, ...files.flatMap((file, i) => [path.relative(dir, file).split(path.sep).join('/'), contents[i]])];
    }),
  );
  return hashParts(trees.flat());
}
