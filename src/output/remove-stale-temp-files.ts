import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { isAlive } from './output-lock.js';

/** Temporary files writeAtomic makes: `.<name>.<pid>.<random>.tmp`. */
const tempName = /^\..+\.(\d+)\.[0-9a-f]{8}\.tmp$/;

/**
 * Deletes temporary files left in the output folder (and its document folders) by builds that were killed
 * before they could rename them into place. Files of builds still running are left alone.
 */
export async function removeStaleTempFiles(outDir: string): Promise<string[]> {
  const removed: string[] = [];
  // Folders are read side by side: one after the other they were 13 ms of a rebuild of 20 with nothing to do.
  const visit = async (dir: string, depth: number): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
    await Promise.all(
      entries.map(async (entry) => {
        const file = path.join(dir, entry.name);
        if (entry.isDirectory() && depth > 0) await visit(file, depth - 1);
        const match = entry.isFile() ? tempName.exec(entry.name) : null;
        if (match && !isAlive(Number(match[1]))) {
          await rm(file, { force: true });
          removed.push(file);
        }
      }),
    );
  };
  await visit(outDir, 1);
  return removed;
}
