import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { tempDir, tinyPng, writeFiles } from '../helpers/fixtures.js';
import { pdfInfo, pdfPages } from '../helpers/pdf.js';

describe('the briefkit command', () => {
  it('builds a document outside content/ with an image beside it into --out', () => {
    const src = tempDir();
    const out = tempDir();
    writeFiles(src, {
      'memo.md': '---\ntitle: Side memo\nclassification: restricted\n---\nIntro.\n\n## Map\n\n![Launch sites](map.png)\n\nText.\n',
      'map.png': tinyPng,
    });
    const run = runCli(['build', path.join(src, 'memo.md'), '--out', out], { cwd: src });
    expect(run.stderr).toContain('1 of 1 document built');
    expect(run.code).toBe(0);
    const report = readFileSync(path.join(out, 'memo/report.html'), 'utf8');
    expect(report).toMatch(/<img src="data:image\/png;base64,/);
    expect(readFileSync(path.join(out, 'memo/deck.html'), 'utf8')).toMatch(/data:image\/png;base64,/);
    expect(pdfInfo(path.join(out, 'memo/report.pdf')).Title).toBe('Side memo');
    expect(pdfPages(path.join(out, 'memo/report.pdf')).join('')).toContain('RESTRICTED');
  });

  it('builds only the formats asked for', () => {
    const src = tempDir();
    const out = tempDir();
    writeFiles(src, { 'a.md': '---\ntitle: A\n---\n## One\n\nText.\n' });
    const run = runCli(['build', src, '--out', out, '--formats', 'deck-html,report-html']);
    expect(run.code).toBe(0);
    expect(existsSync(path.join(out, 'a/deck.html'))).toBe(true);
    expect(existsSync(path.join(out, 'a/report.html'))).toBe(true);
    expect(existsSync(path.join(out, 'a/deck.pdf'))).toBe(false);
  });

  it('exits 1 naming the file and line of a broken document, and still builds the others', () => {
    const src = tempDir();
    const out = tempDir();
    writeFiles(src, {
      'good.md': '---\ntitle: Good\n---\n## One\n\nFine.\n',
      'bad.md': '---\ntitle: Bad\nsummary: 5\n---\n## One\n',
    });
    const run = runCli(['build', src, '--out', out, '--formats', 'report-html']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/bad\.md:3: Front matter `summary` must be a list/);
    expect(run.stderr).not.toMatch(/at .*\.js:\d+/);
    expect(existsSync(path.join(out, 'good/report.html'))).toBe(true);
  });

  it('exits 2 for bad usage', { timeout: 300_000 }, () => {
    expect(runCli(['build', '--formats', 'slides']).code).toBe(2);
    expect(runCli(['build', '/no/such/folder']).code).toBe(2);
    expect(runCli(['--no-such-flag']).code).toBe(2);
  });

  it('exits 2 for a mistyped command, suggesting the command meant, and for paths that hold no Markdown', () => {
    const mistyped = runCli(['biuld']);
    expect(mistyped.code).toBe(2);
    expect(mistyped.stderr).toContain('Unknown command `biuld`: no such command, file or folder. Did you mean `build`?');
    expect(runCli(['serv', '--port', '0']).stderr).toContain('Did you mean `serve`?');
    const root = tempDir();
    mkdirSync(path.join(root, 'drafts'));
    writeFileSync(path.join(root, 'drafts', 'README.md'), '# Not a briefing\n');
    const empty = runCli(['build', 'drafts', '--out', 'out', '--no-config'], { cwd: root });
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('No Markdown files found in drafts.');
    // A shard may be empty when there are fewer documents than shards.
    writeFileSync(path.join(root, 'drafts', 'one.md'), '---\ntitle: One\n---\n## A\n');
    const emptyShard = runCli(['build', 'drafts', '--out', 'out', '--no-config', '--formats', 'report-html', '--shard', '2/2'], { cwd: root });
    expect(emptyShard.code).toBe(0);
    expect(emptyShard.stderr).toContain('Shard 2/2 holds none of the documents found: nothing to build.');
  });

  it('prints its version and help', () => {
    const version = runCli(['--version']);
    expect(version.code).toBe(0);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    const help = runCli(['build', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--formats');
  });
});
