import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/index.js';
import { tempDir, writeFiles } from '../helpers/fixtures.js';
import { pdfInfo, pdfPages, pdfWordBoxes } from '../helpers/pdf.js';

/** A briefing of sentences ending in a full stop and a footnote mark, each a character longer than the last: some end at a line's end. */
function briefing(lang: string, sentence: (filler: string) => string, filler: string): string {
  const body = Array.from({ length: 40 }, (_, k) => `${sentence(filler.repeat(k + 1))}[^${k + 1}]`).join('\n\n');
  const notes = Array.from({ length: 40 }, (_, k) => `[^${k + 1}]: Source ${k + 1}.`).join('\n');
  return `---\ntitle: Footnote marks\nlang: ${lang}\n---\n\n## Marks\n\n${body}\n\n${notes}\n`;
}

const languages = {
  en: briefing('en', (f) => `The agency reported that ${f} the launch had failed.`, 'x'),
  ko: briefing('ko', (f) => `북한은 ${f} 미사일을 발사했다.`, '가'),
  ja: briefing('ja', (f) => `北朝鮮は${f}ミサイルを発射した。`, 'あ'),
};

describe('footnote marks in a printed report', () => {
  let out: string;
  const pdf = (lang: string) => path.join(out, `marks-${lang}`, 'report.pdf');

  beforeAll(async () => {
    const root = tempDir();
    out = tempDir();
    writeFiles(root, Object.fromEntries(Object.entries(languages).map(([lang, text]) => [`marks-${lang}.md`, text])));
    const paths = Object.keys(languages).map((lang) => path.join(root, `marks-${lang}.md`));
    const result = await build({ root, paths, outDir: out, formats: ['report-pdf'] });
    expect(result.failures).toEqual([]);
  });

  it.each(Object.keys(languages))('never starts a line with a mark: each stays beside the full stop before it (%s)', (lang) => {
    const pages = Number(pdfInfo(pdf(lang)).Pages);
    const marks: string[] = [];
    const alone: string[] = [];
    for (let page = 1; page <= pages; page += 1) {
      const { words } = pdfWordBoxes(pdf(lang), page);
      for (const word of words) {
        const mark = /^\[(\d+)\]$/.exec(word.text);
        if (!mark) continue;
        marks.push(mark[1]!);
        // The raised mark is a word of its own to pdftotext: it starts a line when no word of the line is left of it.
        const besideText = words.some((other) => other !== word && other.xMax <= word.xMin + 0.5 && other.yMax > word.yMin && other.yMin < word.yMax);
        if (!besideText) alone.push(`page ${page}: ${word.text}`);
      }
    }
    expect(marks.length).toBe(40);
    expect(alone).toEqual([]);
  });

  it('keeps the text of each sentence whole, the mark right after its full stop', () => {
    const text = (lang: string) => pdfPages(pdf(lang)).join('').replace(/\s+/g, '');
    expect(text('en')).toContain('thelaunchhadfailed.[1]');
    expect(text('ko')).toContain('미사일을발사했다.[1]');
    expect(text('ja')).toContain('ミサイルを発射した。[1]');
  });
});
