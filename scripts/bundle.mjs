// Bundles the CLI into dist/bin/ (one entry file plus lazily loaded chunks), so `briefkit` starts without
// resolving and reading ~600 module files one by one: node's module loading was most of a cold build's CPU
// before Chromium could print. `tsc` still emits dist/ for the library (`import { build } from 'briefkit'`).
// esbuild: https://esbuild.github.io/api/#splitting
import { rmSync } from 'node:fs';
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
  // Smaller files compile faster: node parses every loaded chunk on every run (no compile cache before Node 22).
  minifyWhitespace: true,
  minifySyntax: true,
  plugins: [withoutProxyAgent],
});
