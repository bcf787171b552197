// Bundles the CLI into dist/bin/: briefkit.cjs holds the whole CLI and its dependencies in one CommonJS file, and
// briefkit.js (the `bin`) runs it with V8's code cache (src/launcher/run-bundle.ts). One file means node neither
// resolves and reads ~600 module files one by one nor links ES module chunks; CommonJS because node 20 can cache
// compiled code only for scripts. Modules the CLI imports lazily stay lazy: esbuild runs their top level only when
// first imported. `tsc` still emits dist/ for the library (`import { build } from 'briefkit'`).
// esbuild: https://esbuild.github.io/api/
import { createHash } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { build } from 'esbuild';

/**
 * puppeteer-core imports @puppeteer/browsers (for launching and downloading browsers), which imports proxy-agent,
 * whose PAC-file support brings a JavaScript engine (quickjs), esprima, ftp and socks clients: 1.5 MB that node
 * parsed on every build, though briefkit only ever connects to a Chromium it spawned itself and downloads nothing.
 * proxy-agent is replaced by a class that refuses to be used. https://github.com/puppeteer/puppeteer/blob/main/packages/browsers/src/httpUtil.ts
 */
const withoutProxyAgent = {
  name: 'without-proxy-agent',
  setup(build) {
    build.onResolve({ filter: /^proxy-agent$/ }, () => ({ path: 'proxy-agent', namespace: 'briefkit-stub' }));
    build.onLoad({ filter: /.*/, namespace: 'briefkit-stub' }, () => ({
      contents: "export class ProxyAgent { constructor() { throw new Error('briefkit does not download browsers: install Chromium and set CHROME_PATH.'); } }",
      loader: 'js',
    }));
  },
};

const shared = { bundle: true, platform: 'node', target: 'node20', sourcemap: 'linked', logLevel: 'warning' };

rmSync('dist/bin', { recursive: true, force: true });

// marp-core's default theme, read once here as briefkit's Marp engine reads it (from tsc's output in dist/), so the
// CLI rebuilds it instead of running PostCSS over its 29 KB on every run (src/deck/built-in-themes.ts).
const { createMarp } = await import('../dist/deck/create-marp.js');
const { readDefaultTheme } = await import('../dist/deck/built-in-themes.js');
const defaultTheme = readDefaultTheme(() => createMarp([]));

await build({
  ...shared,
  entryPoints: ['src/cli.ts'],
  outfile: 'dist/bin/briefkit.cjs',
  format: 'cjs',
  // typescript loads only for a briefkit.config.ts and is large; puppeteer (not -core) only to look for its own
  // downloaded browser, and its config loader needs the real __filename. Both stay ordinary node_modules imports.
  external: ['typescript', 'puppeteer'],
  // The sources are ES modules; in a CommonJS file import.meta.url is the bundle's own URL.
  define: { 'import.meta.url': '__briefkitBundleUrl', BRIEFKIT_MARP_DEFAULT_THEME: JSON.stringify(defaultTheme ?? null) },
  banner: { js: "var __briefkitBundleUrl = require('node:url').pathToFileURL(__filename).href;" },
  // A smaller file is read, restored from the code cache and compiled faster: with short local names as well, a cold
  // seed build used 8% less CPU (8 alternating runs). Names are not kept (esbuild's keepNames wraps functions in a
  // helper that page.evaluate cannot send to the page), so nothing may depend on a function's or class's `name`.
  minifyWhitespace: true,
  minifySyntax: true,
  minifyIdentifiers: true,
  plugins: [withoutProxyAgent],
});

const bundleHash = createHash('sha256').update(readFileSync('dist/bin/briefkit.cjs')).digest('hex').slice(0, 16);
await build({
  ...shared,
  entryPoints: ['src/launcher/main.ts'],
  outfile: 'dist/bin/briefkit.js',
  format: 'esm',
  define: { BRIEFKIT_BUNDLE_HASH: JSON.stringify(bundleHash) },
});
