import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/index.js';
import { tempDir, writeFiles } from '../helpers/fixtures.js';
import { execFileSync } from 'node:child_process';
import { pdfDestinations, pdfInfo, pdfPages, structureRoles } from '../helpers/pdf.js';

const briefing = `---
title: Tagged slides
classification: restricted
---
## Launch patterns

Notes on the launch patterns, for the presenter.

::: deck
- Cadence rose in 2022
- Solid-fuel systems, see [the outlook](#outlook)
:::

## Outlook

::: deck
- Expect tests around exercises
:::
`;

describe('the deck PDF’s tags', () => {
  let out = '';

  beforeAll(async () => {
    const src = tempDir();
    out = tempDir();
    writeFiles(src, { 'brief.md': briefing });
    const result = await build({ root: src, paths: ['.'], outDir: out, formats: ['deck-html', 'deck-pdf', 'handout'] });
    expect(result.failures).toEqual([]);
  });

  it('cover every slide, not only the first: the viewer script, which hides the slides not shown, is not run for the print', () => {
    const deck = path.join(out, 'brief', 'deck.pdf');
    const slides = Number(pdfInfo(deck).Pages);
    expect(slides).toBeGreaterThanOrEqual(4);
    const roles = structureRoles(deck);
    expect(roles.filter((role) => /^H\d$/.test(role)).length).toBeGreaterThanOrEqual(slides);
    expect(roles).toContain('LI');
  });

  it('links a slide to the section a link names by its id, as the report does', () => {
    const deck = path.join(out, 'brief', 'deck.pdf');
    const outlookPage = pdfPages(deck).findIndex((page) => /^\s*\S*\s*2\s+Outlook/m.test(page)) + 1;
    expect(outlookPage).toBeGreaterThan(1);
    // Chromium writes a named destination only for an element a link of the page reaches.
    expect(pdfDestinations(deck).get('outlook')).toBe(outlookPage);
    const html = readFileSync(path.join(out, 'brief', 'deck.html'), 'utf8');
    expect(html).toContain('<h2 id="outlook">');
    expect(html).not.toMatch(/<\/h\d\s/);
    expect(html).not.toContain('data-bk-section');
  });

  it('reads the classification band and the footer once, on the title slide, though every slide prints them', () => {
    // The handout's first page adds its own marking above and below the slide.
    for (const [name, read] of [['deck.pdf', 2], ['handout.pdf', 4]] as const) {
      const file = path.join(out, 'brief', name);
      const tagged = execFileSync('pdfinfo', ['-struct-text', file], { encoding: 'utf8' });
      expect(tagged.match(/RESTRICTED/g)?.length, name).toBe(read);
      expect(pdfPages(file).join('').match(/RESTRICTED/g)?.length, name).toBeGreaterThanOrEqual(2 * Number(pdfInfo(file).Pages));
    }
  });

  it('keeps the viewer script in deck.html, where it drives the slides on screen', () => {
    const html = readFileSync(path.join(out, 'brief', 'deck.html'), 'utf8');
    expect(html).toContain('id="bk-deck-data"');
    expect(html).toMatch(/<script data-briefkit-viewer>\s*\S/);
  });

  it('tag the handout’s slides and notes alike', () => {
    const handout = path.join(out, 'brief', 'handout.pdf');
    const pages = Number(pdfInfo(handout).Pages);
    const roles = structureRoles(handout);
    // Each page: the slide's heading and the notes' heading.
    expect(roles.filter((role) => /^H\d$/.test(role)).length).toBeGreaterThanOrEqual(2 * pages);
  });
});
