import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { typographicText } from '../../src/markdown/typographic-text.js';

describe('typographic text', () => {
  const md = new MarkdownIt({ typographer: true });

  it('curls apostrophes and quotes, and sets dashes and ellipses, as running text has them', () => {
    expect(typographicText(md, "behind Pyongyang's testing")).toBe('behind Pyongyang’s testing');
    expect(typographicText(md, 'He said "no" -- twice...')).toBe('He said “no” – twice…');
  });

  it('reads nothing as Markdown or HTML', () => {
    const literal = 'A *b* <i>c</i> [x](y) (c) a_b_c \\ & #1 100% x^2 ~y~ `z` ![i](j)';
    expect(typographicText(md, literal)).toBe(literal);
  });
});

describe('quotes by document language', () => {
  it('are corner brackets in Japanese and Traditional Chinese, curly elsewhere, set again for every document', async () => {
    const { createReportMarkdown } = await import('../../src/markdown/create-markdown.js');
    const md = createReportMarkdown();
    expect(md.render('"成功"と呼んだ', { lang: 'ja' })).toContain('「成功」と呼んだ');
    expect(md.render('称为"成功"', { lang: 'zh-TW' })).toContain('「成功」');
    expect(md.render('称为"成功"', { lang: 'zh' })).toContain('“成功”');
    expect(md.render('"성공"이라고 "불렀다"', { lang: 'ko' })).toContain('“성공”이라고 “불렀다”');
    // An odd count does not pair up: left to the typographer, which leaves what it cannot pair straight.
    expect(md.render('"成功"と"失敗', { lang: 'ja' })).not.toContain('」と「');
    // The same instance, the next document in English: the language's quotes do not stick.
    expect(md.render('"success"', { lang: 'en' })).toContain('“success”');
    expect(md.render("'a' \"b\"", {})).toContain('‘a’ “b”');
  });
});
