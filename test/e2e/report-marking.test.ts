import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/index.js';
import { tempDir, writeFiles } from '../helpers/fixtures.js';
import { colourShare, flat, pdfBandText, pdfInfo, pdfWordBoxes } from '../helpers/pdf.js';

// A banner line as long as real ones get: control markings, a release list and a declassification line.
const marking = 'TOP SECRET//SPECIAL ACCESS REQUIRED-ALPHA BRAVO CHARLIE//NOFORN//ORCON//RELIDO TO USA, GBR, AUS, CAN, NZL//DECLASSIFY ON 20510101';

const paragraph = 'The regime weighs each launch against the sanctions it invites and the leverage it buys at the table. '.repeat(6);
const briefing = (template: string) => `---
title: Launch patterns and what they signal to the region
organization: Northeast Asia Policy Office
classification: "${marking}"
template: ${template}
summary:
  - Launches follow the calendar of allied exercises.
---
${Array.from({ length: 8 }, (_, i) => `## Section ${i + 1} on launch patterns\n\n${paragraph}\n\n${paragraph}\n`).join('\n')}`;

/** Margins of the two report templates' pages, in points (23/22 mm and 20/20 mm). */
const margins = { briefing: { top: 65.2, bottom: 62.4 }, memo: { top: 56.7, bottom: 56.7 } };

describe('a long classification marking in the report', () => {
  let out = '';

  beforeAll(async () => {
    const src = tempDir();
    out = tempDir();
    writeFiles(src, { 'briefing.md': briefing('briefing'), 'memo.md': briefing('memo') });
    const result = await build({ root: src, paths: ['.'], outDir: out, formats: ['report-pdf', 'handout'] });
    expect(result.failures).toEqual([]);
  });

  for (const template of ['briefing', 'memo'] as const) {
    it(`is printed whole in the top and bottom margins of every page of the ${template} template, clear of the text`, () => {
      const file = path.join(out, template, 'report.pdf');
      const pages = Number(pdfInfo(file).Pages);
      const height = Number(/x ([\d.]+) pts/.exec(pdfInfo(file)['Page size'])?.[1]);
      expect(pages).toBeGreaterThanOrEqual(3);
      const { top, bottom } = margins[template];
      for (let page = 1; page <= pages; page += 1) {
        expect(flat(pdfBandText(file, page, 0, top)), `page ${page}, top`).toContain(marking);
        expect(flat(pdfBandText(file, page, height - bottom, bottom)), `page ${page}, bottom`).toContain(marking);
      }
    });
  }

  it('is set smaller in the handout too, as on the slides, so it takes at most two lines', () => {
    const file = path.join(out, 'briefing', 'handout.pdf');
    const { words } = pdfWordBoxes(file, 1);
    const marked = words.filter((word) => marking.split(' ').includes(word.text));
    expect(marked.length).toBeGreaterThan(10);
    // 6.5 pt type: pdftotext boxes it about 9 pt tall (9 pt type, the short markings' size, about 12.5).
    for (const word of marked) expect(word.yMax - word.yMin, word.text).toBeLessThan(10.5);
    expect(new Set(marked.filter((word) => word.yMin < 200).map((word) => Math.round(word.yMin))).size).toBeLessThanOrEqual(2);
  });
});

describe('a marking that states its level', () => {
  let out = '';
  const doc = (classification: string, template: string, theme = 'briefing') => `---\ntitle: Level colours\nclassification: "${classification}"\ntemplate: ${template}\ntheme: ${theme}\n---\n## One\n\nText.\n`;
  const secretRed: [number, number, number] = [200, 16, 46];

  beforeAll(async () => {
    const src = tempDir();
    out = tempDir();
    writeFiles(src, { 'secret.md': doc('secret//noforn', 'briefing'), 'plain.md': doc('internal use only', 'briefing'), 'memo.md': doc('Ⅱ급비밀', 'memo'), 'contrast.md': doc('secret', 'briefing', 'high-contrast') });
    const result = await build({ root: src, paths: ['.'], outDir: out, formats: ['deck-pdf', 'handout', 'report-pdf'] });
    expect(result.failures).toEqual([]);
  });

  it('prints in its level’s colour: the slides’ bands, the handout’s marking and the report’s, in both templates', () => {
    const file = (slug: string, name: string) => path.join(out, slug, name);
    // The band across the top of slide 2 (36 px of 720 is 27 pt of 540), nearly all of it red.
    expect(colourShare(file('secret', 'deck.pdf'), 2, { top: 4, height: 18 }, secretRed)).toBeGreaterThan(0.8);
    expect(colourShare(file('secret', 'handout.pdf'), 1, { top: 0, height: 50 }, secretRed)).toBeGreaterThan(0);
    expect(colourShare(file('secret', 'report.pdf'), 2, { top: 0, height: 60 }, secretRed)).toBeGreaterThan(0);
    expect(colourShare(file('memo', 'report.pdf'), 1, { top: 0, height: 55 }, secretRed)).toBeGreaterThan(0);
    // A marking that states no level keeps the theme's band and the template's colour.
    expect(colourShare(file('plain', 'deck.pdf'), 2, { top: 4, height: 18 }, secretRed)).toBe(0);
    expect(colourShare(file('plain', 'deck.pdf'), 2, { top: 4, height: 18 }, [31, 111, 67])).toBeGreaterThan(0.8);
    expect(colourShare(file('plain', 'report.pdf'), 2, { top: 0, height: 60 }, secretRed)).toBe(0);
    // The high-contrast theme keeps its white band (21:1 with its black text) whatever the level.
    expect(colourShare(file('contrast', 'deck.pdf'), 2, { top: 4, height: 18 }, [255, 255, 255])).toBeGreaterThan(0.8);
  });
});
