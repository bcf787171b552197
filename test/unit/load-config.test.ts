import { mkdirSync, readdirSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.js';
import { ConfigError } from '../../src/errors.js';
import { repoRoot } from '../helpers/cli.js';
import { tempDir, writeFiles } from '../helpers/fixtures.js';

/** A project folder whose node_modules/briefkit is this checkout, so `import { defineConfig } from 'briefkit'` works. */
function project(files: Record<string, string>): string {
  const root = tempDir('briefkit-config-');
  mkdirSync(path.join(root, 'node_modules'));
  symlinkSync(repoRoot, path.join(root, 'node_modules/briefkit'), 'dir');
  writeFiles(root, files);
  return root;
}

async function loadError(root: string): Promise<ConfigError> {
  const error = await loadConfig({ root }).then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(ConfigError);
  return error as ConfigError;
}

describe('loading the config file', () => {
  it('reads a TypeScript config typed through defineConfig, with helpers, and leaves no temporary file behind', async () => {
    const root = project({
      'briefkit.config.ts': [
        "import { defineConfig } from 'briefkit';",
        "const shout = (s: string): string => `${s}!`;",
        "export default defineConfig({ organization: 'Acme', paper: 'letter', formats: 'report-pdf', helpers: { shout } });",
      ].join('\n'),
    });
    const loaded = await loadConfig({ root });
    expect(loaded?.file).toBe(path.join(root, 'briefkit.config.ts'));
    expect(loaded?.config).toMatchObject({ organization: 'Acme', paper: 'Letter', formats: ['report-pdf'] });
    expect(loaded?.config.helpers?.shout('hi')).toBe('hi!');
    expect(readdirSync(root).sort()).toEqual(['briefkit.config.ts', 'node_modules']);
  });

  it("reads a config importing 'briefkit' in a project without briefkit installed (npx, a global install)", async () => {
    for (const name of ['briefkit.config.ts', 'briefkit.config.mjs']) {
      const root = tempDir('briefkit-config-bare-');
      writeFiles(root, { [name]: "import { defineConfig } from 'briefkit';\nexport default defineConfig({ organization: 'Acme' });\n" });
      expect((await loadConfig({ root }))?.config, name).toEqual({ organization: 'Acme' });
      expect(readdirSync(root), name).toEqual([name]);
    }
    // An error thrown while such a config runs (from its temporary copy) is placed at its own line.
    const root = tempDir('briefkit-config-bare-');
    writeFiles(root, { 'briefkit.config.mjs': "import { defineConfig } from 'briefkit';\n\nthrow new Error('no config today');\n" });
    expect((await loadError(root)).location?.line).toBe(3);
  });

  it('places a JSON syntax error at its line, a bare word as much as a trailing comma', async () => {
    const bare = project({ 'briefkit.config.json': '{\n  "organization": "Acme Policy Office",\n  "theme": acme,\n  "paper": "Letter"\n}\n' });
    expect((await loadError(bare)).location).toMatchObject({ line: 3, column: 12 });
    const start = project({ 'briefkit.config.json': '{ "a": x }' });
    expect((await loadError(start)).location).toMatchObject({ line: 1, column: 8 });
    const early = project({ 'briefkit.config.json': '{"a":\n a}' });
    expect((await loadError(early)).location).toMatchObject({ line: 2, column: 2 });
    const comma = project({ 'briefkit.config.json': '{\n  "theme": "acme",\n}\n' });
    expect((await loadError(comma)).location?.line).toBe(3);
  });

  it('refuses a template folder that is not there, at the line naming it', async () => {
    const root = project({ 'briefkit.config.json': '{\n  "templateDirs": ["../nonexistent"]\n}\n' });
    const error = await loadError(root);
    expect(error.message).toContain('../nonexistent');
    expect(error.location?.line).toBe(2);
  });

  it('reads .mjs and .json configs, and one named with --config', async () => {
    const root = project({ 'briefkit.config.mjs': "export default { author: 'Kim' };", 'other/conf.json': '{ "theme": "gaia" }' });
    expect((await loadConfig({ root }))?.config).toEqual({ author: 'Kim' });
    expect((await loadConfig({ root, file: 'other/conf.json' }))?.config).toEqual({ theme: 'gaia' });
    expect(await loadConfig({ root, file: false })).toBeUndefined();
  });

  it('finds no config in a project without one', async () => {
    expect(await loadConfig({ root: tempDir() })).toBeUndefined();
  });

  it('names the line of a bad value', async () => {
    const error = await loadError(project({ 'briefkit.config.json': '{\n  "organization": "Acme",\n  "paper": "A5"\n}\n' }));
    expect(error.describe()).toMatch(/briefkit\.config\.json:3: Config `paper` must be `A4` or `Letter`, but it is string `A5`/);
  });

  it('names an unknown key and lists the known ones', async () => {
    const error = await loadError(project({ 'briefkit.config.mjs': 'export default {\n  organisation: "Acme",\n};\n' }));
    expect(error.describe()).toMatch(/briefkit\.config\.mjs:2: Unknown config key `organisation`/);
    expect(error.hint).toContain('organization');
  });

  it('names the line and column of a JSON syntax error', async () => {
    const error = await loadError(project({ 'briefkit.config.json': '{\n  "author": "Kim",\n}\n' }));
    expect(error.location).toMatchObject({ file: expect.stringMatching(/briefkit\.config\.json$/), line: 3, column: 1 });
  });

  it('names the line of a TypeScript syntax error and shows it', async () => {
    const error = await loadError(project({ 'briefkit.config.ts': "export default {\n  author: 'Kim'\n  paper: 'A4',\n};\n" }));
    expect(error.location?.line).toBe(3);
    expect(error.message).toContain("3 |   paper: 'A4',");
  });

  it('names the .ts line an error was thrown from while the config ran', async () => {
    const error = await loadError(project({ 'briefkit.config.ts': "const n: number = 1;\n\nif (n) throw new Error('no helpers here');\nexport default {};\n" }));
    expect(error.message).toContain('no helpers here');
    expect(error.location?.line).toBe(3);
  });

  it('refuses two config files at once', async () => {
    const error = await loadError(project({ 'briefkit.config.json': '{}', 'briefkit.config.mjs': 'export default {};' }));
    expect(error.message).toMatch(/2 config files/);
  });
});
