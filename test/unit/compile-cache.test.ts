import { chmodSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileCacheFile } from '../../src/launcher/compile-cache.js';
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
