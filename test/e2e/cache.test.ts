import { existsSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { build, type BuildResult } from '../../src/build/build.js';
import type { BuildOptions } from '../../src/config/build-options.js';
import { allFormats } from '../../src/config/formats.js';
import { tempDir, tinyPng, writeFiles } from '../helpers/fixtures.js';

// The report's HTML needs no browser, so these cache tests stay fast; PDFs are covered further down.
const htmlOnly = 'report-html';

function doc(title: string, body = 'Text.'): string {
  return `---\ntitle: ${title}\n---\nIntro.\n\n## One\n\n${body}\n`;
}

/** A project folder with three documents, one of which shows an image. */
function project(): { root: string; out: string; run: (extra?: Partial<BuildOptions>) => Promise<BuildResult> } {
  const root = tempDir('briefkit-cache-');
  writeFiles(root, {
    'content/a.md': doc('Alpha'),
    'content/b.md': doc('Bravo', '![Map](map.png)'),
    'content/c.md': doc('Charlie'),
    'content/map.png': tinyPng,
    'content/notes.txt': 'not a source',
  });
  const out = path.join(root, 'output');
  const run = (extra: Partial<BuildOptions> = {}) => build({ root, paths: ['content'], outDir: out, formats: htmlOnly, ...extra });
  return { root, out, run };
}

const rebuilt = (result: BuildResult): string[] => result.documents.filter((d) => !d.cached).map((d) => d.slug).sort();

describe('the incremental cache', () => {
  it('skips unchanged documents, rebuilding only the one whose source changed', async () => {
    const { root, run } = project();
    expect(rebuilt(await run())).toEqual(['a', 'b', 'c']);
    const again = await run();
    expect(rebuilt(again)).toEqual([]);
    expect(again.documents.map((d) => d.slug)).toEqual(['a', 'b', 'c']);
    writeFileSync(path.join(root, 'content/c.md'), doc('Charlie', 'Changed text.'));
    expect(rebuilt(await run())).toEqual(['c']);
    expect(rebuilt(await run())).toEqual([]);
  });

  it('does not rebuild for a touched but unchanged source or an unrelated file, but does when an image it shows changes', async () => {
    const { root, run } = project();
    await run();
    const future = new Date(Date.now() + 60_000);
    utimesSync(path.join(root, 'content/a.md'), future, future);
    writeFileSync(path.join(root, 'content/notes.txt'), 'still not a source');
    expect(rebuilt(await run())).toEqual([]);
    writeFileSync(path.join(root, 'content/map.png'), Buffer.concat([tinyPng, Buffer.from([0])]));
    expect(rebuilt(await run())).toEqual(['b']);
  });

  it('rebuilds every document when a template, a theme, the config file or a setting changes', async () => {
    const { root, run } = project();
    await run();
    writeFiles(root, { 'templates/themes/extra.css': '/* @theme extra */\nsection { color: #111; }\n' });
    expect(rebuilt(await run())).toEqual(['a', 'b', 'c']);
    writeFiles(root, { 'templates/report/briefing/partials/cover.hbs': '<section class="cover"><h1>{{document.title}}</h1></section>\n' });
    expect(rebuilt(await run())).toEqual(['a', 'b', 'c']);
    expect(rebuilt(await run())).toEqual([]);
    writeFiles(root, { 'briefkit.config.json': '{ "classification": "restricted" }\n' });
    expect(rebuilt(await run())).toEqual(['a', 'b', 'c']);
    expect(rebuilt(await run({ overrides: { paper: 'Letter' } }))).toEqual(['a', 'b', 'c']);
    expect(rebuilt(await run({ overrides: { paper: 'Letter' } }))).toEqual([]);
    expect(rebuilt(await run({ overrides: { paper: 'Letter' }, trustHtml: true }))).toEqual(['a', 'b', 'c']);
  });

  it('rebuilds a document whose output was deleted or replaced, and puts it back', async () => {
    const { out, run } = project();
    await run();
    rmSync(path.join(out, 'a/report.html'));
    writeFileSync(path.join(out, 'c/report.html'), 'edited by hand');
    expect(rebuilt(await run())).toEqual(['a', 'c']);
    expect(existsSync(path.join(out, 'a/report.html'))).toBe(true);
    expect(statSync(path.join(out, 'c/report.html')).size).toBeGreaterThan(100);
  });

  it('always rebuilds a document that failed, and never caches the failure', async () => {
    const { root, run } = project();
    writeFileSync(path.join(root, 'content/c.md'), '---\ntitle: Broken\nsummary: 5\n---\n');
    expect((await run()).failures).toHaveLength(1);
    expect((await run()).failures).toHaveLength(1);
    writeFileSync(path.join(root, 'content/c.md'), doc('Charlie'));
    const fixed = await run();
    expect(fixed.failures).toHaveLength(0);
    expect(rebuilt(fixed)).toEqual(['c']);
  });

  it('rebuilds everything with cache: false or force: true, and force refreshes the cache', async () => {
    const { run } = project();
    await run();
    expect(rebuilt(await run({ cache: false }))).toEqual(['a', 'b', 'c']);
    expect(rebuilt(await run({ force: true }))).toEqual(['a', 'b', 'c']);
    expect(rebuilt(await run())).toEqual([]);
  });
});

describe('a rebuild with nothing changed', () => {
  const root = tempDir('briefkit-cache-pdf-');
  const out = path.join(root, 'output');
  let first: BuildResult;
  let second: BuildResult;
  let pdfTime: number;

  beforeAll(async () => {
    writeFiles(root, { 'content/memo.md': doc('Memo') });
    first = await build({ root, paths: ['content'], outDir: out });
    pdfTime = statSync(path.join(out, 'memo/report.pdf')).mtimeMs;
    second = await build({ root, paths: ['content'], outDir: out });
  });

  it('starts no browser and leaves every output as it was', () => {
    expect(first.browserStarted).toBe(true);
    expect(second.browserStarted).toBe(false);
    expect(second.documents[0].cached).toBe(true);
    expect(second.documents[0].outputs.map((o) => o.format)).toEqual([...allFormats]);
    expect(statSync(path.join(out, 'memo/report.pdf')).mtimeMs).toBe(pdfTime);
    expect(existsSync(path.join(out, 'index.html'))).toBe(true);
  });

  it('prints again, only the missing PDF, when one was deleted', async () => {
    rmSync(path.join(out, 'memo/deck.pdf'));
    const third = await build({ root, paths: ['content'], outDir: out });
    expect(third.browserStarted).toBe(true);
    expect(third.documents[0].cached).toBeFalsy();
    expect(existsSync(path.join(out, 'memo/deck.pdf'))).toBe(true);
  });
});

describe('documents of one build that share a slug', () => {
  it('fail the one that claims the folder second, before it writes, and name the one whose outputs are on disk', async () => {
    const root = tempDir('briefkit-slugs-');
    const same = (title: string) => `---\ntitle: ${title}\nslug: alpha\n---\n## Only\n\nText of ${title}.\n`;
    writeFileSync(path.join(root, 'first.md'), same('First'));
    writeFileSync(path.join(root, 'second.md'), same('Second'));
    const out = path.join(root, 'out');
    const result = await build({ root, paths: [root], outDir: out, formats: ['report-html'] });
    expect(result.failures).toHaveLength(1);
    expect(result.documents).toHaveLength(1);
    const [built] = result.documents;
    const [failed] = result.failures;
    expect((failed.error as Error).message).toContain(`the other is ${built.file}`);
    expect(readFileSync(path.join(out, 'alpha', 'report.html'), 'utf8').replaceAll('\u00ad', '')).toContain(`Text of ${built.title}.`);
  });

  it('keep the cache entries of documents a build with a bad setting failed, so the next good build rebuilds nothing', async () => {
    const { run } = project();
    await run();
    expect((await run({ overrides: { template: 'no-such-template' } })).failures).toHaveLength(3);
    const again = await run();
    expect(again.failures).toEqual([]);
    expect(rebuilt(again)).toEqual([]);
  });
});
