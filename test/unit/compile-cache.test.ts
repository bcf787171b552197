import { chmodSync, mkdirSync, readdirSync, readFileSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileCacheFile, writeCompileCache } from '../../src/launcher/compile-cache.js';
import { tempDir } from '../helpers/fixtures.js';

describe('the compile cache folder', () => {
  it('names one file per V8 version, architecture and bundle', () => {
    const dir = tempDir();
    const file = compileCacheFile('abc123', { BRIEFKIT_COMPILE_CACHE: dir });
    expect(file).toBe(path.join(dir, `${process.versions.v8}-${process.arch}-abc123.bin`));
    expect(compileCacheFile('def456', { BRIEFKIT_COMPILE_CACHE: dir })).not.toBe(file);
  });

  it('is not used when a symbolic link stands in its place in the temporary folder', () => {
    const tmp = tempDir();
    const elsewhere = tempDir();
    symlinkSync(elsewhere, path.join(tmp, `briefkit-compile-cache-${process.getuid?.() ?? 0}`));
    const saved = process.env.TMPDIR;
    process.env.TMPDIR = tmp;
    try {
      expect(compileCacheFile('abc123', {})).toBeUndefined();
    } finally {
      if (saved === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = saved;
    }
  });

  it('is not used when others may write into it, or when turned off', () => {
    const open = path.join(tempDir(), 'shared');
    mkdirSync(open);
    chmodSync(open, 0o777);
    expect(compileCacheFile('abc123', { BRIEFKIT_COMPILE_CACHE: open })).toBeUndefined();
    expect(compileCacheFile('abc123', { BRIEFKIT_COMPILE_CACHE: '0' })).toBeUndefined();
    expect(compileCacheFile('abc123', { BRIEFKIT_COMPILE_CACHE: 'off' })).toBeUndefined();
  });
});

describe('writing a compile cache', () => {
  it('keeps the newest eight caches, none unused for two weeks, and never touches files it did not write', () => {
    const dir = tempDir();
    const now = Date.now() / 1000;
    const name = (i: number): string => `11.3.244.8-node.38-x64-${i.toString(16).padStart(16, '0')}.bin`;
    const aged = (file: string, seconds: number): void => {
      writeFileSync(path.join(dir, file), 'x');
      utimesSync(path.join(dir, file), now - seconds, now - seconds);
    };
    for (let i = 1; i <= 12; i += 1) aged(name(i), i * 60);
    aged(name(99), 30 * 86_400);
    aged(`${name(98)}.4242.tmp`, 3600);
    aged('my-own.bin', 90 * 86_400);
    const file = compileCacheFile('abcdef0123456789', { BRIEFKIT_COMPILE_CACHE: dir })!;
    writeCompileCache(file, Buffer.from('cache'));
    const left = readdirSync(dir).sort();
    expect(left).toEqual([...[1, 2, 3, 4, 5, 6, 7].map(name), path.basename(file), 'my-own.bin'].sort());
    expect(readFileSync(file, 'utf8')).toBe('cache');
  });
});
