import { readFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { bundleHashKey } from '../cache/bundle-identity.js';
import { lentImportKey } from '../import-external.js';
import { compileCacheFile, readCompileCache, writeCompileCache } from './compile-cache.js';

/** A cache smaller than this share of the bundle was made by a short run (`--version`, a build with nothing to do). */
const lightCacheShare = 0.5;
/** A run this long has compiled the renderers: worth replacing a light cache with what it compiled. */
const heavyRunMs = 1000;

/**
 * Runs the bundled CLI (a CommonJS file) with V8's code cache, which node 20 offers for no ES module: a cold build
 * otherwise spends about a third of node's CPU parsing and compiling JavaScript it compiled the run before. The
 * cache is written when a run ends, so it holds every function that run compiled, not just the top level. Node 22's
 * module.enableCompileCache does the same for files it loads itself: https://nodejs.org/api/module.html#module-compile-cache
 */
export function runBundle(bundle: string, bundleHash: string): void {
  const source = readFileSync(bundle, 'utf8').replace(/^#!.*/, '');
  const cacheFile = compileCacheFile(bundleHash);
  const cached = readCompileCache(cacheFile);
  const script = new vm.Script(Module.wrap(source), {
    filename: bundle,
    cachedData: cached,
    importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  // Config files and puppeteer are imported through this module's import(): see src/import-external.ts.
  (globalThis as Record<symbol, unknown>)[lentImportKey] = (specifier: string) => import(specifier);
  // The bundle is the whole CLI: its hash identifies the tool for the build cache (see src/cache/tool-fingerprint.ts).
  (globalThis as Record<symbol, unknown>)[bundleHashKey] = bundleHash;
  const accepted = cached !== undefined && !script.cachedDataRejected;
  if (process.env.BRIEFKIT_DEBUG_COMPILE_CACHE) process.stderr.write(`compile cache: ${cacheFile ? (accepted ? 'used' : cached ? 'rejected' : 'none') : 'off'} ${cacheFile ?? ''}\n`);
  if (cacheFile) {
    process.once('exit', () => {
      const light = accepted && cached.length < source.length * lightCacheShare;
      if (!accepted || (light && performance.now() > heavyRunMs)) writeCompileCache(cacheFile, script.createCachedData());
    });
  }
  const module = { exports: {} };
  const run = script.runInThisContext() as (exports: object, require: NodeJS.Require, module: object, filename: string, dirname: string) => void;
  run(module.exports, createRequire(bundle), module, bundle, path.dirname(bundle));
}

/** The bundle beside this launcher. */
export function bundleBeside(launcherUrl: string, name: string): string {
  return path.join(path.dirname(fileURLToPath(launcherUrl)), name);
}
