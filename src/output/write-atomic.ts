import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { OutputError } from '../errors.js';

/**
 * Writes a file by writing a temporary sibling and renaming it into place, so a crash or a kill leaves
 * either the old file or the new one, never half of one. The new contents are flushed to the disk before the
 * rename unless `flush` is false: then the write returns without waiting for the disk, and the caller flushes the
 * file later (flushFile) before anything relies on it being there.
 */
export async function writeAtomic(file: string, data: string | Uint8Array, { flush = true }: { flush?: boolean } = {}): Promise<void> {
  const dir = path.dirname(file);
  const temp = path.join(dir, `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await mkdir(dir, { recursive: true });
    await writeFile(temp, data, { flush });
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true }).catch(() => undefined);
    throw new OutputError(`Could not write ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.`, {
      hint: 'Check the output folder is writable and the disk is not full.',
      cause: error,
    });
  }
}

/** Flushes a file written earlier without flushing (writeAtomic's `flush: false`) to the disk; one gone since is no error. */
export async function flushFile(file: string): Promise<void> {
  const handle = await open(file, 'r').catch(() => undefined);
  if (!handle) return;
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
