import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/index.js';
import { tempDir, writeFiles } from '../helpers/fixtures.js';
import { pdfFontTable, pdfFonts, structureErrors, structureRoles } from '../helpers/pdf.js';

// Bold words where the text around them is bold already (a heading, a table header, the contents entry made from
// the heading, a slide title) and a theme whose body weight (500) has no face of its own: each asks Chromium for a
// weight the installed faces draw with a face it uses elsewhere too. (In that theme's handout the notes ask for 400
// beside the slides' 500, so its Regular face is embedded twice: the notes are not styled by the deck's theme.)
const briefing = (extra: string) => `---
title: Weights of **type**
subtitle: A subtitle
classification: UNCLASSIFIED
summary:
  - A judgment with **bold** words.
${extra}
---
Introduction with **bold** and *italic* words.

## The **real** reason

| **Actor** | Response |
| --- | --- |
| Seoul **now** | Defence |

Prose with **bold** words.

::: deck
- A **bold** point, and \`launch --window=72h\` as code
:::

::: notes
Notes with **bold** words and \`code\`, and \`코드 コード 代码\` in three scripts.

### A **bold** sub-heading in the notes
:::

\`\`\`
missiles.filter((m) => m.range > 1000) // 사거리
\`\`\`

## Outlook

### The **next** test

More prose.
`;

/** The fonts of a PDF by name, without the subset tag (`AAAAAA+`), each as often as it is embedded. */
const fontNames = (file: string): string[] => pdfFonts(file).map((name) => name.replace(/^[A-Z]{6}\+/, ''));
const repeated = (names: string[]): string[] => names.filter((name, i) => names.indexOf(name) !== i);

describe('fonts in the PDFs', () => {
  let out = '';

  beforeAll(async () => {
    const src = tempDir();
    out = tempDir();
    writeFiles(src, { 'brief.md': briefing(''), 'contrast.md': briefing('theme: high-contrast'), 'memo.md': briefing('template: memo'), 'ja.md': briefing('lang: ja') });
    const result = await build({ root: src, paths: ['.'], outDir: out, formats: ['deck-pdf', 'handout', 'report-pdf'] });
    expect(result.failures).toEqual([]);
  });

  for (const [doc, name] of [
    ['brief', 'deck.pdf'],
    ['brief', 'report.pdf'],
    ['contrast', 'deck.pdf'],
    ['memo', 'report.pdf'],
  ]) {
    it(`embeds each face once in ${doc}/${name}, however many weights ask for it`, () => {
      const names = fontNames(path.join(out, doc, name));
      expect(names).toContain('NotoSans-Bold');
      expect(repeated(names)).toEqual([]);
    });
  }

  it('embeds each face once in the handout’s notes, beside the slides’ fonts as deck.pdf embeds them', () => {
    // The handout's slides are deck.pdf's pages with their fonts (see src/pdf/place-slides.ts); the notes are printed
    // on their own, so a face both use is in the file twice, as two subsets. The notes' own must not repeat.
    const slides = fontNames(path.join(out, 'brief', 'deck.pdf'));
    const notes = fontNames(path.join(out, 'brief', 'handout.pdf'));
    for (const name of slides) {
      expect(notes, name).toContain(name);
      notes.splice(notes.indexOf(name), 1);
    }
    expect(notes).toContain('NotoSans-Bold');
    expect(repeated(notes)).toEqual([]);
  });

  it('maps the tags of bold and italic words to spans, so readers take them in with the rest', () => {
    for (const name of ['deck.pdf', 'handout.pdf', 'report.pdf']) {
      // Chromium tags <strong>/<em> as PDF 2.0's Strong/Em in a PDF 1.4 file; without a role map poppler rejected each.
      expect(structureErrors(path.join(out, 'brief', name)), name).toEqual([]);
      expect(structureRoles(path.join(out, 'brief', name)), name).toContain('Span');
    }
  });

  for (const doc of ['brief', 'memo', 'ja']) {
    it(`sets code, Korean, Japanese and Chinese in it included, in real TrueType fonts in ${doc}'s PDFs, never Type 3`, () => {
      for (const name of ['deck.pdf', 'handout.pdf', 'report.pdf']) {
        const fonts = pdfFontTable(path.join(out, doc, name));
        expect(fonts.map((font) => font.name), `${doc}/${name}`).toEqual(expect.arrayContaining([expect.stringMatching(/DejaVuSansMono|NotoSansMono/)]));
        expect(fonts.filter((font) => font.type === 'Type 3'), `${doc}/${name}`).toEqual([]);
      }
    });
  }
});
