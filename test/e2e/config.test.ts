import { mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runCli } from '../helpers/cli.js';
import { tempDir, writeFiles } from '../helpers/fixtures.js';

/** A project with a TypeScript config; `content/<name>.md` for each document given. */
function project(documents: Record<string, string>): string {
  const root = tempDir('briefkit-config-e2e-');
  mkdirSync(path.join(root, 'node_modules'));
  symlinkSync(repoRoot, path.join(root, 'node_modules/briefkit'), 'dir');
  writeFiles(root, {
    'briefkit.config.ts': [
      "import { defineConfig } from 'briefkit';",
      '',
      'export default defineConfig({',
      "  organization: 'Config Office',",
      "  classification: 'config-marking',",
      "  paper: 'Letter',",
      "  formats: ['report-html'],",
      "  outDir: 'public',",
      '  helpers: { shout: (text: unknown) => `${String(text)}!` },',
      '});',
    ].join('\n'),
    ...Object.fromEntries(Object.entries(documents).map(([name, text]) => [`content/${name}.md`, text])),
  });
  return root;
}

const plain = '---\ntitle: Plain\n---\n## One\n\nText.\n';
const ownOrg = '---\ntitle: Own\norganization: Front Matter Office\npaper: A4\n---\n## One\n\nText.\n';

describe('a project config file', () => {
  it('sets defaults, which front matter overrides, which the command line overrides', () => {
    const root = project({ plain, own: ownOrg });
    const run = runCli(['build'], { cwd: root });
    expect(run.stderr).toContain('2 of 2 documents built');
    expect(run.code).toBe(0);
    const plainHtml = readFileSync(path.join(root, 'public/plain/report.html'), 'utf8');
    expect(plainHtml).toContain('Config Office');
    expect(plainHtml).toContain('CONFIG-MARKING');
    expect(plainHtml).toContain('size: Letter');
    const ownHtml = readFileSync(path.join(root, 'public/own/report.html'), 'utf8');
    expect(ownHtml).toContain('Front Matter Office');
    expect(ownHtml).not.toContain('Config Office');
    expect(ownHtml).toContain('size: A4');

    const cli = runCli(['build', '--paper', 'Letter', '--out', 'cli-out'], { cwd: root });
    expect(cli.code).toBe(0);
    expect(readFileSync(path.join(root, 'cli-out/own/report.html'), 'utf8')).toContain('size: Letter');
  }, 240_000);

  it('gives report templates the helpers it defines', () => {
    const root = project({ plain });
    writeFiles(root, { 'templates/report/briefing/partials/cover.hbs': '<h1 class="cover-title">{{shout document.title}}</h1>' });
    expect(runCli(['build'], { cwd: root }).code).toBe(0);
    expect(readFileSync(path.join(root, 'public/plain/report.html'), 'utf8')).toContain('<h1 class="cover-title">Plain!</h1>');
  });

  it('is skipped with --no-config, and a broken one stops the build with exit 2 naming its line', () => {
    const root = project({ plain });
    expect(runCli(['build', '--no-config', '--formats', 'report-html'], { cwd: root }).code).toBe(0);
    expect(readFileSync(path.join(root, 'output/plain/report.html'), 'utf8')).not.toContain('Config Office');
    writeFiles(root, { 'bad.config.json': '{\n  "paper": "A5"\n}\n' });
    const bad = runCli(['build', '--config', 'bad.config.json'], { cwd: root });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('bad.config.json:2: Config `paper` must be `A4` or `Letter`');
  }, 240_000);
});
