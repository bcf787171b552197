import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { OutputError } from '../errors.js';

/**
 * Writes a file by writing a temporary sibling and renaming it into place, so a crash or a kill leaves
 * either the old file or the new one, never half of one. The new contents are flushed to the disk before the
 * rename unless `flush` is false: then a power cut soon after may leave the file short (the build cache notices
 * that by its size and rebuilds it), but the write returns without waiting for the disk.
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
