// Bundles the CLI into dist/bin/ (one entry file plus lazily loaded chunks), so `briefkit` starts without
// resolving and reading ~600 module files one by one: node's module loading was most of a cold build's CPU
// before Chromium could print. `tsc` still emits dist/ for the library (`import { build } from 'briefkit'`).
// esbuild: https://esbuild.github.io/api/#splitting
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

// Chunk names carry content hashes: clear the old ones so dist/bin holds only this build's files.
rmSync('dist/bin', { recursive: true, force: true });

await build({
  entryPoints: { briefkit: 'src/cli.ts' },
  outdir: 'dist/bin',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  chunkNames: 'chunks/[name]-[hash]',
  sourcemap: 'linked',
  // typescript loads only for a briefkit.config.ts and is large; puppeteer (not -core) only to look for its own
  // downloaded browser, and its config loader needs the real __filename. Both stay ordinary node_modules imports.
  external: ['typescript', 'puppeteer'],
  // CommonJS dependencies call require(); an ES module has none unless we make one.
  banner: { js: "import { createRequire as __briefkitCreateRequire } from 'node:module'; const require = __briefkitCreateRequire(import.meta.url);" },
  logLevel: 'warning',
});
