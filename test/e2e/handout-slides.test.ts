import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/index.js';
import { repoRoot } from '../helpers/cli.js';
import { tempDir, writeFiles } from '../helpers/fixtures.js';
import { pdfDestinations, pdfLinkNames, pdfPages, pdfWordBoxes, structureErrors, structureRoles } from '../helpers/pdf.js';

// The handout draws the deck PDF's own pages into the places its print leaves for them (src/pdf/place-slides.ts).
const source = `---
title: Placing slides
classification: UNCLASSIFIED
summary:
  - The handout shows the deck's own slides.
---
Introduction.

## Outlook

Prose.

::: deck
- See [the source](https://example.org/source) for details
- 서울의 대응은 신속했다
:::

::: notes
Go back to [the situation](#situation) first.
:::

## Situation

Prose.

::: deck
| Actor | Response |
| --- | --- |
| Seoul | Defence |
:::
`;

/** The link annotations of a page (1-based) that open a URL: the URL and the rectangle. */
async function uriLinks(file: string, page: number): Promise<{ uri: string; rect: number[] }[]> {
  const { PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber, PDFString, PDFHexString } = await import('pdf-lib');
  const pdf = await PDFDocument.load(readFileSync(file), { updateMetadata: false });
  const annots = pdf.getPages()[page - 1]?.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
  const links: { uri: string; rect: number[] }[] = [];
  for (let i = 0; i < (annots?.size() ?? 0); i += 1) {
    const annot = annots?.lookupMaybe(i, PDFDict);
    const uri = annot?.lookupMaybe(PDFName.of('A'), PDFDict)?.get(PDFName.of('URI'));
    const rect = annot?.lookupMaybe(PDFName.of('Rect'), PDFArray);
    if (!(uri instanceof PDFString || uri instanceof PDFHexString) || !rect) continue;
    links.push({ uri: uri.decodeText(), rect: rect.asArray().map((n) => (n instanceof PDFNumber ? n.asNumber() : NaN)) });
  }
  return links;
}

describe('a handout drawn from the deck’s own pages', () => {
  let withDeck = '';
  let alone = '';
  let notesOnly = '';
  let shrunk = '';
  let deck = '';
  let handout = '';
  let slideTexts: string[] = [];
  // A slide's page, by a word only that slide has.
  const pageOf = (word: string): number => slideTexts.findIndex((text) => text.split(/\s+/).includes(word)) + 1;

  beforeAll(async () => {
    const src = tempDir();
    withDeck = tempDir();
    alone = tempDir();
    notesOnly = tempDir();
    shrunk = tempDir();
    const hidden = tempDir();
    const wide = tempDir();
    writeFiles(src, { 'brief.md': source });
    // A URL in the notes too long for the page, in a template that does not let it wrap: Chromium shrinks every page
    // of the handout to fit it.
    const builtInCss = readFileSync(path.join(repoRoot, 'templates/deck/handout.css'), 'utf8');
    writeFiles(wide, {
      'brief.md': source.replace('Go back to', `Source: https://data.example.org/${'records'.repeat(30)}. Go back to`),
      'templates/deck/handout.css': `${builtInCss}\n.bk-handout-notes { overflow-wrap: normal; }\n`,
    });
    // A project whose handout template hides the slides' places: a handout of notes only.
    writeFiles(hidden, { 'brief.md': source, 'templates/deck/handout.css': `${builtInCss}\n.bk-handout-slide { display: none; }\n` });
    const results = await Promise.all([
      build({ root: src, paths: ['.'], outDir: withDeck, formats: ['deck-pdf', 'handout'] }),
      build({ root: src, paths: ['.'], outDir: alone, formats: ['handout'] }),
      build({ root: hidden, paths: ['.'], outDir: notesOnly, formats: ['handout'] }),
      build({ root: wide, paths: ['.'], outDir: shrunk, formats: ['handout'] }),
    ]);
    for (const result of results) expect(result.failures).toEqual([]);
    deck = path.join(withDeck, 'brief', 'deck.pdf');
    handout = path.join(withDeck, 'brief', 'handout.pdf');
    slideTexts = pdfPages(deck);
  }, 120_000);

  it('shows on each page every line of its slide, as the deck prints it, and writes no deck PDF when only the handout is asked for', () => {
    for (const file of [handout, path.join(alone, 'brief', 'handout.pdf')]) {
      const pages = pdfPages(file);
      expect(pages).toHaveLength(slideTexts.length);
      slideTexts.forEach((slide, i) => {
        const words = pages[i].split(/\s+/);
        for (const word of slide.split(/\s+/).filter(Boolean)) expect(words, `page ${i + 1} of ${file}`).toContain(word);
      });
    }
    expect(existsSync(path.join(alone, 'brief', 'deck.pdf'))).toBe(false);
  });

  it('draws the slide inside the page’s margins, at the top, scaled as a whole', () => {
    const page = pageOf('details');
    const onDeck = pdfWordBoxes(deck, page).words.find((word) => word.text === 'Outlook');
    const onHandout = pdfWordBoxes(handout, page).words.find((word) => word.text === 'Outlook');
    if (!onDeck || !onHandout) throw new Error('The slide’s heading was not found on both pages.');
    // A4 less 14 mm margins each side is 515.9 pt wide; the slide's place is that, less its border.
    const scale = (onHandout.xMax - onHandout.xMin) / (onDeck.xMax - onDeck.xMin);
    expect(scale).toBeGreaterThan(0.5);
    expect(scale).toBeLessThan(0.56);
    expect(onHandout.xMin).toBeCloseTo(39.7 + onDeck.xMin * scale, -0.5);
    // Below the 12 mm margin and the marking above the slide; in the slide's upper part as on the deck.
    expect(onHandout.yMin).toBeGreaterThan(34 + 10);
    expect(onHandout.yMin).toBeLessThan(34 + 30 + onDeck.yMin * scale);
  });

  it('keeps the slide’s links, each where its text prints', async () => {
    const page = pageOf('details');
    const [link] = await uriLinks(handout, page);
    expect(link?.uri).toBe('https://example.org/source');
    const source = pdfWordBoxes(handout, page).words.find((word) => word.text === 'source');
    if (!source || !link) throw new Error('No link or linked word on the slide.');
    const height = 841.92;
    const [x1, y1, x2, y2] = link.rect;
    expect(source.xMin).toBeGreaterThanOrEqual(Math.min(x1, x2) - 1);
    expect(source.xMax).toBeLessThanOrEqual(Math.max(x1, x2) + 1);
    expect(height - source.yMax).toBeGreaterThanOrEqual(Math.min(y1, y2) - 2);

    expect([...pdfDestinations(handout).keys()].filter((name) => name.startsWith('bk-slot'))).toEqual([]);
  });

  it('keeps a link from the speaker notes to a slide', async () => {
    expect(await pdfLinkNames(handout, pageOf('details'))).toContain('situation');
    expect(pdfDestinations(handout).get('situation')).toBe(pageOf('Defence'));
  });

  it('tags each slide where it prints, between the marking and the notes: headings, lists, tables and Korean text', () => {
    expect(structureErrors(handout)).toEqual([]);
    const roles = structureRoles(handout);
    expect(roles).toEqual(expect.arrayContaining(['Table', 'TR', 'TH', 'L', 'LI']));
    // The table is the slide's: the handout's notes hold none.
    expect(roles.filter((role) => role === 'Table')).toHaveLength(structureRoles(deck).filter((role) => role === 'Table').length);
    const tagged = execFileSync('pdfinfo', ['-struct-text', handout], { encoding: 'utf8' });
    // In reading order: the slide's heading, its Korean line, then the notes that follow it.
    const slide = tagged.indexOf('"Outlook"');
    const korean = tagged.indexOf('서울의 대응은 신속했다');
    const notes = tagged.indexOf('Go back to');
    expect(slide).toBeGreaterThan(0);
    expect(korean).toBeGreaterThan(slide);
    expect(notes).toBeGreaterThan(korean);
  });

  it('draws no slide into a place the template hides, for a handout of notes only, whose links to slides open their notes', async () => {
    const file = path.join(notesOnly, 'brief', 'handout.pdf');
    const pages = pdfPages(file);
    expect(pages).toHaveLength(slideTexts.length);
    expect(pages[pageOf('details') - 1]).toContain('Go back to');
    expect(pages.join('\n')).not.toContain('details');
    expect(await pdfLinkNames(file, pageOf('details'))).toContain('situation');
    expect(pdfDestinations(file).get('situation')).toBe(pageOf('Defence'));
  });

  it('draws each slide into its place, inside the margins, in a handout Chromium shrank to fit a URL too long for the page', () => {
    const file = path.join(shrunk, 'brief', 'handout.pdf');
    const pages = pdfPages(file);
    slideTexts.forEach((_, i) => {
      const { width, words } = pdfWordBoxes(file, i + 1);
      // Every word but the URL, which runs on past the shrunk page's edge (in this template it may not wrap).
      for (const word of words.filter((w) => !w.text.includes('records'))) {
        expect(word.xMin, `${word.text} on page ${i + 1}`).toBeGreaterThanOrEqual(39);
        expect(word.xMax, `${word.text} on page ${i + 1}`).toBeLessThanOrEqual(width - 39);
      }
    });
    // The slide stays in its place, above its notes (drawn at the unshrunk size, it ran over them).
    const page = pageOf('details');
    const { words } = pdfWordBoxes(file, page);
    const notes = words.find((word) => word.text === 'Go');
    // The slide's last lines: words only the slide has.
    const slideWords = words.filter((word) => ['details', '신속했다'].includes(word.text));
    expect(slideWords).toHaveLength(2);
    if (!notes) throw new Error('The notes were not found.');
    for (const word of slideWords) expect(word.yMax, word.text).toBeLessThan(notes.yMin);
    expect(pages[page - 1]).toContain('Go back to');
  });
});
