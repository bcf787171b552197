import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/index.js';
import { repoRoot } from '../helpers/cli.js';
import { tempDir, writeFiles } from '../helpers/fixtures.js';
import { flat, pdfInfo, pdfPages, textLines } from '../helpers/pdf.js';

describe('the memo report template and US Letter paper', () => {
  let out: string;
  let root: string;
  const seedPdf = () => path.join(out, 'north-korea-missile-launches', 'report.pdf');

  beforeAll(async () => {
    out = tempDir();
    root = tempDir();
    writeFiles(root, {
      'chosen.md': '---\ntitle: Chosen in front matter\ntemplate: memo\npaper: Letter\nto: The Director\n---\n## One\n\nText.\n',
      'letter-brief.md': '---\ntitle: Letter briefing\nclassification: unclassified\nsummary:\n  - A judgment.\n---\n## One\n\nText.\n',
    });
    const [seed, chosen, letter] = await Promise.all([
      build({ root: repoRoot, paths: ['content'], outDir: out, formats: ['report-pdf'], overrides: { template: 'memo', paper: 'Letter' } }),
      build({ root, paths: [path.join(root, 'chosen.md')], outDir: out, formats: ['report-html'] }),
      build({ root, paths: [path.join(root, 'letter-brief.md')], outDir: out, formats: ['report-pdf'], overrides: { paper: 'Letter' } }),
    ]);
    for (const result of [seed, chosen, letter]) expect(result.failures).toEqual([]);
  });

  it('opens with a memo header and the bottom line instead of a cover page', () => {
    const first = flat(pdfPages(seedPdf())[0]);
    expect(first).toMatch(/M\s?E\s?M\s?O\s?R\s?A\s?N\s?D\s?U\s?M/);
    expect(first).toContain('SUBJECT A Deep Dive into the Motivations Behind North Korea’s Missile Launches');
    expect(first).toContain('BOTTOM LINE');
    expect(first).toContain('1. THE GEOPOLITICAL LANDSCAPE');
  });

  it('lists the sections in two columns with the pages their headings start on', () => {
    const pages = pdfPages(seedPdf());
    // In reading order (pdftotext -raw) each entry is "number title page", a wrapped title on two lines: its page
    // number stands at the end of its last line, where the title ends.
    const raw = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', '-f', '1', '-l', '1', seedPdf(), '-'], { encoding: 'utf8' });
    const contents = raw.slice(raw.indexOf('CONTENTS') + 'CONTENTS'.length, raw.search(/^1\. /m)).replace(/\s+/g, ' ').trim();
    const entries = [...contents.matchAll(/(\d+) ([A-Z].*?) (\d+)(?= \d+ [A-Z]|$)/g)].map((m) => ({ number: m[1], title: m[2], page: Number(m[3]) }));
    expect(entries.map((e) => Number(e.number)).sort((a, b) => a - b)).toEqual(Array.from({ length: 15 }, (_, i) => i + 1));
    for (const entry of entries) {
      const heading = new RegExp(`^${entry.number}\\.\\s+${entry.title.split(' ')[0].toUpperCase()}\\b`, 'm');
      const found = pages.findIndex((page) => heading.test(textLines(page).join('\n')));
      expect(found + 1, `${entry.number} ${entry.title}`).toBe(entry.page);
    }
  });

  it('prints on US Letter when --paper asks for it, with the marking on every page and Page X of Y after the first', () => {
    expect(pdfInfo(seedPdf())['Page size']).toContain('612 x 792');
    const pages = pdfPages(seedPdf());
    pages.forEach((page, i) => {
      const lines = textLines(page);
      expect(lines[0], `top of page ${i + 1}`).toContain('UNCLASSIFIED');
      expect(lines[lines.length - 1], `foot of page ${i + 1}`).toContain('UNCLASSIFIED');
      if (i > 0) expect(page).toContain(`Page ${i + 1} of ${pages.length}`);
    });
    expect(pages[0]).not.toMatch(/Page 1 of/);
  });

  it('is chosen by `template: memo` in front matter, which also sets the paper and passes `to:` through', () => {
    const html = readFileSync(path.join(out, 'chosen', 'report.html'), 'utf8');
    expect(html).toContain('<body class="memo paper-Letter">');
    expect(html).toContain('size: Letter;');
    expect(html).toMatch(/<dt>To<\/dt><dd>The Director<\/dd>/);
  });

  it('keeps the briefing cover to one page on US Letter', () => {
    const file = path.join(out, 'letter-brief', 'report.pdf');
    expect(pdfInfo(file)['Page size']).toContain('612 x 792');
    const pages = pdfPages(file);
    expect(textLines(pages[1])[1]).toBe('Key judgments');
    expect(textLines(pages[2])[1]).toBe('Contents');
  });
});
