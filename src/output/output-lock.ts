import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { link, mkdir, open, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { OutputError } from '../errors.js';

/** Who holds an output folder's lock. */
interface LockOwner {
  pid: number;
  host: string;
  since: string;
  /** Tells apart two takings by one process. */
  token?: string;
}

/** An unreadable lock younger than this may be one being written on a file system without hard links. */
const unreadableGraceMs = 10_000;

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
    return typeof owner.pid === 'number' && typeof owner.host === 'string' ? { pid: owner.pid, host: owner.host, since: String(owner.since), token: owner.token } : undefined;
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
  const me: LockOwner = { pid: process.pid, host: hostname(), since: new Date().toISOString(), token: randomBytes(8).toString('hex') };
  const deadline = Date.now() + (options.timeoutMs ?? 600_000);
  let waited = false;
  for (;;) {
    if (await createLockFile(file, me)) {
      return async () => {
        const owner = await readOwner(file);
        if (owner?.token === me.token) await rm(file, { force: true });
      };
    }
    const owner = await readOwner(file);
    if (owner ? owner.host === me.host && !isAlive(owner.pid) : await unreadableForLong(file)) {
      await takeOver(file, owner, me);
      continue;
    }
    if (Date.now() > deadline) {
      const who = owner ? `Another build (process ${owner.pid} on ${owner.host}, since ${owner.since})` : 'Another build';
      throw new OutputError(`${who} is still writing to ${outDir}.`, {
        hint: `Wait for it to finish, or delete ${file} if no build is running.`,
      });
    }
    if (owner && !waited) {
      options.onWait?.(owner);
      waited = true;
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}

/**
 * Creates the lock file with its owner already written, or returns false if it exists. The owner is written
 * to a file of our own and hard-linked into place, so another build never reads a lock that is still empty
 * and takes it for a dead build's (that let two builds write one folder at once). File systems without hard
 * links fall back to create-then-write: https://man7.org/linux/man-pages/man2/link.2.html
 */
async function createLockFile(file: string, me: LockOwner): Promise<boolean> {
  const mine = `${path.join(path.dirname(file), `.${path.basename(file)}`)}.${me.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await writeFile(mine, JSON.stringify(me));
  } catch (error) {
    throw new OutputError(`Could not write in ${path.dirname(file)}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.`, { hint: 'Check the output folder is writable.', cause: error });
  }
  try {
    await link(mine, file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    // No hard links here (some network and FUSE file systems): create the lock and write it in two steps.
    return await createThenWrite(file, me);
  } finally {
    await rm(mine, { force: true });
  }
}

async function createThenWrite(file: string, me: LockOwner): Promise<boolean> {
  try {
    const handle = await open(file, 'wx');
    await handle.writeFile(JSON.stringify(me));
    await handle.close();
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw new OutputError(`Could not create ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.`, { hint: 'Check the output folder is writable.', cause: error });
  }
}

/** A lock that cannot be read is stale once it has been so for a while (its build was killed mid-write). */
async function unreadableForLong(file: string): Promise<boolean> {
  const info = await stat(file).catch(() => undefined);
  // Gone since we read it: nothing to take over; the next attempt simply creates it.
  return info !== undefined && Date.now() - info.mtimeMs > unreadableGraceMs;
}

/**
 * Removes a stale lock, one build at a time: the build that holds `<lock>.takeover` (created the way the lock is)
 * reads the lock again and removes it only if it is still the stale one. Without that, two builds that both saw the
 * dead owner could each remove it, the second removing the first's fresh lock, and both would write the folder.
 * A takeover left by a build killed in the middle of one is itself stale after a few seconds.
 */
async function takeOver(file: string, stale: LockOwner | undefined, me: LockOwner): Promise<void> {
  const guard = `${file}.takeover`;
  if (!(await createLockFile(guard, me))) {
    const info = await stat(guard).catch(() => undefined);
    if (info && Date.now() - info.mtimeMs > unreadableGraceMs) await rm(guard, { force: true });
    await new Promise((resolve) => setTimeout(resolve, 20));
    return;
  }
  try {
    const now = await readOwner(file);
    const same = now?.pid === stale?.pid && now?.since === stale?.since && now?.token === stale?.token;
    if (same && (now !== undefined || (await unreadableForLong(file)))) await rm(file, { force: true });
  } finally {
    await rm(guard, { force: true });
  }
}
