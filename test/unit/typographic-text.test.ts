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
