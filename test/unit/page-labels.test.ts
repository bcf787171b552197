import { describe, expect, it } from 'vitest';
import { counterStyleCss, padPageNumber, placeholderLabels, runningHeads, sameLabels } from '../../src/report/page-labels.js';
import { cssString, truncate } from '../../src/templates/helpers.js';

describe('page labels', () => {
  it('pads page numbers with figure spaces so every number takes the same width', () => {
    expect(padPageNumber(7, 3)).toBe('\u2007\u20077');
    expect(padPageNumber(123, 3)).toBe('123');
    expect(placeholderLabels(['a', 'b'], 2).pages).toEqual({ a: '\u20070', b: '\u20070' });
  });

  it('heads each page with the first section starting on it, else the one still running, and nothing before the first', () => {
    const heads = runningHeads(
      [
        { level: 1, text: 'Cover title', page: 1 },
        { level: 2, text: '1 One', page: 2 },
        { level: 3, text: '1.1 Detail', page: 3 },
        { level: 2, text: '2 Two', page: 4 },
        { level: 2, text: '3 Three', page: 4 },
      ],
      6,
    );
    expect(heads).toEqual(['', '1 One', '1 One', '2 Two', '3 Three', '3 Three']);
  });

  it('tells label sets apart by any page number or running head', () => {
    const a = { pages: { x: '1' }, runningHeads: ['', 'A'] };
    expect(sameLabels(a, { pages: { x: '1' }, runningHeads: ['', 'A'] })).toBe(true);
    expect(sameLabels(a, { pages: { x: '2' }, runningHeads: ['', 'A'] })).toBe(false);
    expect(sameLabels(a, { pages: { x: '1' }, runningHeads: ['', 'B'] })).toBe(false);
  });

  it('writes a fixed counter style whose n-th symbol is the n-th label, blank outside the list', () => {
    const css = counterStyleCss('head', ['', 'One "quoted"'], cssString);
    expect(css).toContain('@counter-style head { system: fixed; symbols: "" "One \\"quoted\\""; fallback: head-blank; }');
    expect(css).toContain('@counter-style head-blank { system: cyclic; symbols: ""; }');
  });

  it('shortens long running heads at a word boundary, counting CJK characters double', () => {
    expect(truncate('Short title', 40)).toBe('Short title');
    expect(truncate('A Deep Dive into the Motivations Behind North Korea’s Missile Launches', 46)).toBe('A Deep Dive into the Motivations Behind North…');
    expect(Array.from(truncate('북한 미사일 발사의 동기에 관한 심층 분석 보고서 제목', 20)).length).toBeLessThanOrEqual(11);
  });
});
