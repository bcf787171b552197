import { rm } from 'node:fs/promises';
import path from 'node:path';
import { build, type BuildServices } from '../build/build.js';
import type { BuildOptions } from '../config/build-options.js';
import { cacheDirName } from '../cache/build-cache.js';

/**
 * Builds documents once into a throwaway folder inside the output folder's cache (never served, never
 * recorded in the cache), to warm what a real rebuild uses: the code, the kept renderers and the browser tab
 * that fits decks. Errors are ignored: the real build reports them.
 */
export async function rehearseBuild(options: BuildOptions, outDir: string, services: BuildServices): Promise<void> {
  // One folder name: the output folder's lock lets one preview at a time use it, and one killed mid-rehearsal
  // leaves its folder to be cleared by the next.
  const dir = path.join(outDir, cacheDirName, 'rehearsal');
  try {
    await rm(dir, { recursive: true, force: true });
    await build({ ...options, outDir: dir, cache: false, writeIndex: false, onEvent: undefined }, services);
  } catch {
    // Only a warm-up.
  } finally {
    await rm(dir, { recursive: true, force: true }).catch(() => undefined);
  }
}
