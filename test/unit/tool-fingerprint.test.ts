import { afterEach, describe, expect, it } from 'vitest';
import { bundleHashKey } from '../../src/cache/bundle-identity.js';
import { toolFingerprint } from '../../src/cache/tool-fingerprint.js';

const lend = (hash: string | undefined): void => {
  (globalThis as Record<symbol, unknown>)[bundleHashKey] = hash;
};

describe('the tool fingerprint in the build cache key', () => {
  afterEach(() => lend(undefined));

  it('changes with the bundled CLI it runs in, and differs from the fingerprint of the compiled modules', async () => {
    const modules = await toolFingerprint();
    lend('0123456789abcdef');
    const one = await toolFingerprint();
    lend('fedcba9876543210');
    const other = await toolFingerprint();
    expect(new Set([modules, one, other]).size).toBe(3);
    lend('0123456789abcdef');
    expect(await toolFingerprint()).toBe(one);
  });
});
