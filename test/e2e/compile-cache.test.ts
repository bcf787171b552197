import { readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { tempDir, writeFiles } from '../helpers/fixtures.js';

/** A project whose .mjs config is loaded with import(), which code restored from a cache cannot call by itself. */
function project(): string {
  const root = tempDir('briefkit-compile-cache-');
  writeFiles(root, {
    'briefkit.config.mjs': "export default { organization: 'Cache Office', formats: ['report-html'] };\n",
    'content/one.md': '---\ntitle: One\n---\n## Part\n\nText.\n',
  });
  return root;
}

describe('the bundled CLI', () => {
  it('writes its compiled code on the first run, runs from it on the next, and rewrites it when it is damaged', { timeout: 60_000 }, () => {
    const root = project();
    const cacheDir = tempDir('briefkit-cache-dir-');
    const env = { BRIEFKIT_COMPILE_CACHE: cacheDir, BRIEFKIT_DEBUG_COMPILE_CACHE: '1' };
    const build = () => runCli(['build', '--out', path.join(root, 'out')], { cwd: root, env });

    const first = build();
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toMatch(/^compile cache: none /m);
    const [file] = readdirSync(cacheDir);
    expect(file).toMatch(/\.bin$/);
    const cacheFile = path.join(cacheDir, file!);
    expect(statSync(cacheFile).size).toBeGreaterThan(100_000);

    const second = build();
    expect(second.code, second.stderr).toBe(0);
    expect(second.stderr).toMatch(/^compile cache: used /m);
    expect(second.stderr).toContain('The document is up to date');

    writeFileSync(cacheFile, Buffer.alloc(4096, 7));
    const third = build();
    expect(third.code, third.stderr).toBe(0);
    expect(third.stderr).toMatch(/^compile cache: rejected /m);
    expect(statSync(cacheFile).size).toBeGreaterThan(100_000);
    expect(readdirSync(cacheDir)).toEqual([file]);
  });

  it('runs without a cache when it is turned off', () => {
    const run = runCli(['--version'], { env: { BRIEFKIT_COMPILE_CACHE: '0', BRIEFKIT_DEBUG_COMPILE_CACHE: '1' } });
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/^compile cache: off/m);
  });
});
