import { hostname } from 'node:os';
import { mkdir, open, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { OutputError } from '../errors.js';

/** Who holds an output folder's lock. */
interface LockOwner {
  pid: number;
  host: string;
  since: string;
}

/** The lock file's name inside the output folder. */
export const lockFileName = '.briefkit.lock';

/** Whether a process with this id is running on this machine. */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function readOwner(file: string): Promise<LockOwner | undefined> {
  try {
    const owner = JSON.parse(await readFile(file, 'utf8')) as Partial<LockOwner>;
    return typeof owner.pid === 'number' && typeof owner.host === 'string' ? { pid: owner.pid, host: owner.host, since: String(owner.since) } : undefined;
  } catch {
    return undefined;
  }
}

/** Options for taking the lock. */
export interface LockOptions {
  /** Called once if another build holds the lock and we wait for it. */
  onWait?: (owner: { pid: number; since: string }) => void;
  /** Give up after this long (default 10 minutes). */
  timeoutMs?: number;
}

/**
 * Takes the output folder's lock, so two builds into the same folder run one after the other instead of
 * interleaving their files and index. A lock left by a build that was killed (its process is gone) is taken
 * over. Returns the function that releases it.
 */
export async function acquireOutputLock(outDir: string, options: LockOptions = {}): Promise<() => Promise<void>> {
  await mkdir(outDir, { recursive: true });
  const file = path.join(outDir, lockFileName);
  const me: LockOwner = { pid: process.pid, host: hostname(), since: new Date().toISOString() };
  const deadline = Date.now() + (options.timeoutMs ?? 600_000);
  let waited = false;
  for (;;) {
    try {
      const handle = await open(file, 'wx');
      await handle.writeFile(JSON.stringify(me));
      await handle.close();
      return async () => {
        const owner = await readOwner(file);
        if (owner?.pid === me.pid && owner.since === me.since) await rm(file, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw new OutputError(`Could not create ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.`, { hint: 'Check the output folder is writable.', cause: error });
      }
    }
    const owner = await readOwner(file);
    // A lock whose owner is gone (killed build), or that is unreadable (killed mid-write), is stale.
    if (!owner || (owner.host === me.host && !isAlive(owner.pid))) {
      await rm(file, { force: true });
      continue;
    }
    if (Date.now() > deadline) {
      throw new OutputError(`Another build (process ${owner.pid} on ${owner.host}, since ${owner.since}) is still writing to ${outDir}.`, {
        hint: `Wait for it to finish, or delete ${file} if no build is running.`,
      });
    }
    if (!waited) options.onWait?.(owner);
    waited = true;
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}
