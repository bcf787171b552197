import { cpSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/index.js';
import { repoRoot } from '../helpers/cli.js';
import { headingPage, readContents } from '../helpers/contents.js';
import { tempDir, writeFiles } from '../helpers/fixtures.js';
import { flat, pdfDestinations, pdfFonts, pdfInfo, pdfOutlineTree, pdfPages, structureElements, textLines } from '../helpers/pdf.js';

// Korean, Japanese and Chinese in the title, body, a table, captions and footnotes (test/fixtures/cjk).
describe('a report in Korean with Japanese and Chinese text', () => {
  let out: string;
  const pdf = () => path.join(out, 'cjk-briefing', 'report.pdf');

  beforeAll(async () => {
    const root = tempDir();
    out = tempDir();
    cpSync(path.join(repoRoot, 'test/fixtures/cjk'), root, { recursive: true });
    const result = await build({ root, paths: [path.join(root, 'cjk-briefing.md')], outDir: out, formats: ['report-pdf'] });
    expect(result.failures).toEqual([]);
  });

  it('embeds named CJK fonts for Korean, Japanese and Chinese, and no nameless Type 3 font', () => {
    const fonts = pdfFonts(pdf());
    expect(fonts.some((f) => /Nanum/.test(f))).toBe(true);
    expect(fonts.some((f) => /IPA/.test(f))).toBe(true);
    expect(fonts.some((f) => /WenQuanYi|UMing/.test(f))).toBe(true);
    expect(fonts).not.toContain('[none]');
  });

  it('extracts every Hangul, Japanese and Chinese string from title, body, table, captions and endnotes', () => {
    // CJK lines break without spaces, so whitespace is ignored on both sides.
    const text = pdfPages(pdf()).join('').replace(/[\s\u00ad]+/g, '');
    for (const expected of [
      '북한 미사일 발사의 동기',
      '日本の視点・中国的立场',
      '체제 생존을 보장한다고',
      '迎撃能力の向上を図っている',
      '希望朝鲜半岛保持稳定',
      '표 1: 연도별 발사 현황 — 年別発射状況 — 年度发射情况',
      '過去最多 · 历史最多',
      '그림 1: 발사 지점 지도 — 発射地点 — 发射地点',
      '출처: 공개 자료를 바탕으로 작성',
      '出典：防衛白書',
    ]) {
      expect(text).toContain(expected.replace(/\s+/g, ''));
    }
  });

  it('tags the figure as a group around the image, whose Figure tag carries the alternative text', async () => {
    const elements = await structureElements(pdf());
    const figures = elements.filter((e) => e.type === 'Figure');
    expect(figures.length).toBeGreaterThan(0);
    expect(figures.filter((f) => !f.alt)).toEqual([]);
    expect(elements.some((e) => e.type === 'Caption' && e.parent === 'Div')).toBe(true);
  });

  it('titles the PDF and declares Korean as its language', () => {
    const info = pdfInfo(pdf());
    expect(info.Title).toBe('북한 미사일 발사의 동기 — 日本の視点・中国的立场');
    expect(info.Keywords).toBe('북한, 미사일, 抑止力, 半岛');
  });

  it('links each footnote mark to its endnote and each endnote back to its mark', () => {
    const dests = pdfDestinations(pdf());
    const pages = pdfPages(pdf());
    // Mark 1 ends the introduction, the first line of the page after the contents: its back-link once led to the
    // foot of the contents page (the raised mark reached above the page it is printed on).
    const markPage = (words: string) => pages.findIndex((page) => flat(page).includes(words)) + 1;
    for (const [n, words] of [[1, '이 문서는 한국어'], [2, '북한 지도부는']] as const) {
      expect(dests.get(`fn${n}`), `endnote ${n}`).toBe(pages.length);
      expect(dests.get(`fnref${n}`), `mark ${n}`).toBe(markPage(words));
    }
  });

  it('numbers the contents, heads the pages and bookmarks the sections under their Korean and Chinese titles', async () => {
    const pages = pdfPages(pdf());
    const { entries, lastPage } = readContents(pages, '목차');
    expect(entries.map((e) => `${e.number} ${e.title}`)).toEqual(['1 안보 전략과 억지력', '1.1 일본의 대응', '2 中国的立场']);
    for (const entry of entries) expect(headingPage(pages, entry, lastPage)).toBe(entry.page);
    // The endnotes close the contents, unnumbered, at the page they start on (the last).
    const notesEntry = pages.slice(0, lastPage).join('\n').match(/^\s*주석\s{2,}(\d+)\s*$/m);
    expect(Number(notesEntry?.[1])).toBe(pages.length);
    expect(pdfDestinations(pdf()).get('endnotes-heading')).toBe(pages.length);
    expect(textLines(pages[entries[0].page - 1])[0]).toContain('1 안보 전략과 억지력');
    const outline = await pdfOutlineTree(pdf());
    const section = outline.find((o) => o.title === '1 안보 전략과 억지력');
    expect(section?.page).toBe(entries[0].page);
    expect(section?.children.map((c) => c.title)).toEqual(['1.1 일본의 대응']);
  });

  it('dates the cover in Korean', () => {
    expect(flat(pdfPages(pdf())[0])).toContain('2026년 11월 27일');
  });

  it('words its own headings, cover fields and page count in Korean', () => {
    const pages = pdfPages(pdf());
    const text = flat(pages.join(' '));
    for (const label of ['핵심 판단', '목차', '작성', '일자', '주제어']) expect(text).toContain(label);
    for (const english of ['Key judgments', 'Contents', 'Author', 'Keywords', 'Page ']) expect(text).not.toContain(english);
    pages.slice(1).forEach((page, i) => expect(textLines(page).at(-1)).toMatch(new RegExp(`${i + 2}\\s*/\\s*${pages.length}$`)));
  });
});

describe('a deck and handout in Korean with Japanese and Chinese text', () => {
  let out: string;
  const file = (name: string) => path.join(out, 'cjk-briefing', name);

  beforeAll(async () => {
    const root = tempDir();
    out = tempDir();
    cpSync(path.join(repoRoot, 'test/fixtures/cjk'), root, { recursive: true });
    const result = await build({ root, paths: [path.join(root, 'cjk-briefing.md')], outDir: out, formats: ['deck-pdf', 'handout'] });
    expect(result.failures).toEqual([]);
  });

  it('sets Japanese and Chinese in named TrueType fonts, never in nameless Type 3 ones drawn heavier', () => {
    for (const name of ['deck.pdf', 'handout.pdf']) {
      const fonts = pdfFonts(file(name));
      expect(fonts.some((f) => /Nanum/.test(f)), name).toBe(true);
      expect(fonts.some((f) => /IPA/.test(f)), name).toBe(true);
      expect(fonts.some((f) => /WenQuanYi/.test(f)), name).toBe(true);
      expect(fonts, name).not.toContain('[none]');
    }
  });

  it("shows each section's lead sentence, and notes with their footnotes and captions in Korean", () => {
    const deck = pdfPages(file('deck.pdf')).map((page) => page.replace(/\s+/g, ''));
    expect(deck[4]).toContain('中国作为朝鲜最重要的盟友，希望朝鲜半岛保持稳定。');
    expect(deck[4]).not.toContain('Table:');
    const handout = pdfPages(file('handout.pdf')).join('\f');
    expect(handout).not.toContain('[^');
    expect(handout.replace(/\s+/g, '')).toContain('出典：防衛白書');
    expect(handout).toMatch(/표 1:/u);
    expect(handout).toMatch(/그림 1:/u);
    const deckText = flat(pdfPages(file('deck.pdf')).join(' '));
    for (const label of ['핵심 판단', '발표 순서', '섹션 1/2', '질의응답']) expect(deckText).toContain(label);
    for (const english of ['Key judgments', 'Agenda', 'SECTION', 'Questions']) expect(deckText).not.toContain(english);
  });
});


describe('a briefing in Simplified Chinese with quotation marks', () => {
  it('pairs and sets its quotes full-width in a real font, in the report and the deck alike', async () => {
    const root = tempDir();
    const out = tempDir();
    writeFiles(root, { 'zh.md': '---\ntitle: 朝鲜导弹发射的"动机"\nclassification: 内部\nlang: zh\n---\n\n## 背景\n\n朝鲜将发射称为"成功"的试验。国际社会对此表示关注。\n' });
    const result = await build({ root, paths: [root], outDir: out, formats: ['report-pdf', 'deck-pdf'] });
    expect(result.failures).toEqual([]);
    for (const name of ['report.pdf', 'deck.pdf']) {
      const file = path.join(out, 'zh', name);
      expect(pdfPages(file).join('').replace(/\s+/g, ''), name).toContain('朝鲜将发射称为“成功”的试验。');
      const fonts = pdfFonts(file);
      expect(fonts.some((f) => /UMing/.test(f)), name).toBe(true);
      expect(fonts, name).not.toContain('[none]');
    }
  });
});
