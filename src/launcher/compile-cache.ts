import { closeSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeSync, type Stats } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Cache files not touched for this long are removed when a new one is written (old builds of briefkit). */
const staleAfterMs = 14 * 24 * 60 * 60 * 1000;
/** At most this many cache files are kept (about 3.5 MB each): every rebuild of briefkit itself makes a new one. */
const keptFiles = 8;
/** The names this cache writes: `<V8 version>-<arch>-<bundle hash>.bin`, and `.tmp` files beside them. Nothing else in
 * the folder (which a user may point at one of their own) is ever removed. */
const cacheName = /^[\w.-]+-[a-z0-9]+-[0-9a-f]{16}\.bin(?:\.\d+\.tmp)?$/;

/** Where V8's code cache for one bundle lives, or undefined when caching is off or no safe folder exists. */
export function compileCacheFile(bundleHash: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const setting = env.BRIEFKIT_COMPILE_CACHE;
  if (setting === '0' || setting === 'off') return undefined;
  const uid = process.getuid?.() ?? 0;
  const dir = setting && setting !== '1' ? setting : path.join(tmpdir(), `briefkit-compile-cache-${uid}`);
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    // Cached bytecode runs as code: use no folder another user could write into, and in the shared temporary folder
    // not a symbolic link someone else may have put there in its place.
    if (!ownedAndPrivate(setting ? statSync(dir) : lstatSync(dir), uid)) return undefined;
  } catch {
    return undefined;
  }
  return path.join(dir, `${process.versions.v8}-${process.arch}-${bundleHash}.bin`);
}

function ownedAndPrivate(stats: Stats, uid: number): boolean {
  return stats.isDirectory() && (process.getuid === undefined || stats.uid === uid) && (stats.mode & 0o022) === 0;
}

/** The cache's bytes, or undefined when there is none (or it cannot be read). */
export function readCompileCache(file: string | undefined): Buffer | undefined {
  if (!file) return undefined;
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/**
 * Writes the cache whole or not at all (another briefkit may be reading it: V8 does not checksum code caches in
 * release builds, so a half-written file must never be seen), and removes cache files of other bundles that have
 * not been used for two weeks, or beyond the newest eight.
 */
export function writeCompileCache(file: string, data: Buffer): void {
  const temp = `${file}.${process.pid}.tmp`;
  try {
    const fd = openSync(temp, 'w', 0o600);
    try {
      writeSync(fd, data);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, file);
  } catch {
    try {
      unlinkSync(temp);
    } catch {
      // Nothing was written.
    }
    return;
  }
  removeStaleCaches(path.dirname(file), file);
}

function removeStaleCaches(dir: string, keep: string): void {
  const now = Date.now();
  const ours = readdirSync(dir)
    .filter((name) => cacheName.test(name))
    .map((name) => path.join(dir, name))
    .flatMap((file) => {
      try {
        return [{ file, age: now - statSync(file).mtimeMs }];
      } catch {
        return [];
      }
    })
    .sort((a, b) => a.age - b.age);
  const caches = ours.filter(({ file }) => file.endsWith('.bin'));
  // A .tmp file older than a minute is a write that died part-way (a live one is renamed within milliseconds).
  const stale = [
    ...caches.filter(({ file, age }, i) => file !== keep && (i >= keptFiles || age > staleAfterMs)),
    ...ours.filter(({ file, age }) => file.endsWith('.tmp') && age > 60_000),
  ];
  for (const { file } of stale) {
    try {
      unlinkSync(file);
    } catch {
      // Another process removed it first.
    }
  }
}
