import { chmodSync, mkdirSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
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
  it('keeps the newest eight files of the folder, and none unused for two weeks', () => {
    const dir = tempDir();
    const now = Date.now() / 1000;
    for (let i = 0; i < 12; i += 1) {
      const file = path.join(dir, `old-${String(i).padStart(2, '0')}.bin`);
      writeFileSync(file, 'x');
      utimesSync(file, now - i * 60, now - i * 60);
    }
    const ancient = path.join(dir, 'ancient.bin');
    writeFileSync(ancient, 'x');
    utimesSync(ancient, now - 30 * 86_400, now - 30 * 86_400);
    const file = compileCacheFile('abc123', { BRIEFKIT_COMPILE_CACHE: dir })!;
    writeCompileCache(file, Buffer.from('cache'));
    const left = readdirSync(dir).sort();
    expect(left).toHaveLength(8);
    expect(left).toContain(path.basename(file));
    expect(left).not.toContain('ancient.bin');
    expect(left).not.toContain('old-11.bin');
    expect(readFileSync(file, 'utf8')).toBe('cache');
  });
});
