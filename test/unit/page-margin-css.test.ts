import { describe, expect, it } from 'vitest';
import { cssQuote, marginTexts, mergedPageCss, readPageMarginCss } from '../../src/pdf/page-margin-css.js';

/** Each margin box's text on each page, its pieces joined. */
function boxTexts(texts: Map<string, string[]>): Record<string, string[]> {
  const boxes: Record<string, string[]> = {};
  for (const [style, pages] of texts) {
    const box = style.replace(/^briefkit-margin-(.*)-\d+$/, '$1');
    boxes[box] = pages.map((text, i) => (boxes[box]?.[i] ?? '') + text);
  }
  return boxes;
}

const head = (...styles: string[]): string => `<!DOCTYPE html><html><head><meta charset="utf-8">${styles.map((css) => `<style>${css}</style>`).join('\n')}</head>\n`;

/** The briefing template's page rules, in short: a title, a running head from a counter style, "Page n of m", none on the cover. */
const briefingRules = `
@counter-style running-head-blank { system: cyclic; symbols: ""; }
@counter-style running-head { system: fixed; symbols: "" "Key judgments" "1 Origins"; fallback: running-head-blank; }
@page {
  size: A4;
  margin: 20mm;
  @top-left { content: "Report \\201C one\\201D"; width: 40%; }
  @top-right { content: counter(page, running-head); width: 40%; }
  @bottom-right { content: "Page " counter(page) " of " counter(pages); width: 30%; }
}
@page :first { @top-left { content: none; } @bottom-right { content: none; } }`;

describe('readPageMarginCss', () => {
  it('reads what each margin box prints on every page, the cover included', () => {
    const css = readPageMarginCss(head('p { color: red }', briefingRules));
    expect(css).toBeDefined();
    expect(boxTexts(marginTexts(css!, 4))).toEqual({
      'top-left': ['', 'Report “one”', 'Report “one”', 'Report “one”'],
      'top-right': ['', 'Key judgments', '1 Origins', ''],
      'bottom-right': ['', 'Page 2 of 4', 'Page 3 of 4', 'Page 4 of 4'],
    });
  });

  it('takes the page rules and the counter styles only they use out of the head, and keeps everything else', () => {
    const css = readPageMarginCss(head('p { color: red }', `@counter-style stars { system: cyclic; symbols: "*"; } ol { list-style: stars; }${briefingRules}`))!;
    expect(css.head).toContain('p { color: red }');
    expect(css.head).toContain('@counter-style stars');
    expect(css.head).not.toContain('@page');
    expect(css.head).not.toContain('running-head');
    expect(css.head).toContain('<meta charset="utf-8">');
  });

  it('gives two documents of one template the same rules, whatever their titles and running heads', () => {
    const other = briefingRules.replace('Report \\201C one\\201D', 'Another report').replace('"1 Origins"', '"1 Elsewhere" "2 More"');
    expect(readPageMarginCss(head(other))?.rules).toBe(readPageMarginCss(head(briefingRules))?.rules);
    expect(readPageMarginCss(head(briefingRules.replace('width: 40%; }\n  @top-right', 'width: 30%; }\n  @top-right')))?.rules).not.toBe(readPageMarginCss(head(briefingRules))?.rules);
  });

  it('writes page numbers in the counter styles margin boxes name', () => {
    const css = readPageMarginCss(
      head(`@counter-style letters { system: alphabetic; symbols: a b; } @counter-style digits { system: numeric; symbols: "0" "1"; }
        @page { @bottom-left { content: counter(page, lower-roman) "/" counter(pages, upper-roman); } @bottom-center { content: counter(page, letters); } @bottom-right { content: counter(page, digits) " " counter(page, decimal-leading-zero); } }`),
    )!;
    expect(boxTexts(marginTexts(css, 4))).toEqual({
      'bottom-left': ['i/IV', 'ii/IV', 'iii/IV', 'iv/IV'],
      'bottom-center': ['a', 'b', 'aa', 'ab'],
      'bottom-right': ['1 01', '10 02', '11 03', '100 04'],
    });
  });

  it('refuses rules one print of several documents cannot imitate', () => {
    const refused = [
      '@page :left { @top-left { content: "x"; } }',
      '@page chapter { margin: 10mm; }',
      '@media print { @page { @top-left { content: "x"; } } }',
      '@import url(data:text/css,p{});',
      '@page { counter-reset: page 3; }',
      '@page { @top-left { content: "x" !important; } }',
      '@page { @top-left { content: attr(title); } }',
      '@page { @top-left { content: counter(chapter); } }',
      '@page { @top-left { content: counter(page, hebrew); } }',
      '@page :first { margin-top: 30mm; }',
      '@page :first { @top-left { color: red; } }',
      // Shown on some pages only, without a fixed size, or painting a background: an empty box would show or take room.
      '@page { @top-left { content: "x"; } } @page :first { @top-left { content: none; } }',
      '@page { @top-left { content: "x"; width: 30%; border-bottom: 1px solid; } } @page :first { @top-left { content: none; } }',
    ];
    for (const css of refused) expect(readPageMarginCss(head(css)), css).toBeUndefined();
  });

  it('reads a page without page rules as one whose margin boxes print nothing', () => {
    const css = readPageMarginCss(head('p { color: red }'));
    expect(css?.boxes.size).toBe(0);
    expect(css?.rules).toBe('');
  });
});

describe('mergedPageCss', () => {
  it('prints each piece of a margin box’s text from a counter style holding every page’s, quoted so no text can end the style', () => {
    const css = readPageMarginCss(head(briefingRules))!;
    const merged = mergedPageCss(css.rules, new Map([['briefkit-margin-top-left-0', ['', 'A "quoted" </style> title']]]));
    expect(merged).toContain('@counter-style briefkit-margin-top-left-0 { system: fixed 1; symbols: "" "A \\22 quoted\\22  \\3c /style> title"; fallback: briefkit-margin-blank; }');
    expect(merged).toContain('content: counter(page, briefkit-margin-top-left-0);');
    // One counter per piece of the content, so the text runs are those printed alone.
    expect(merged).toContain('content: counter(page, briefkit-margin-bottom-right-0) counter(page, briefkit-margin-bottom-right-1) counter(page, briefkit-margin-bottom-right-2) counter(page, briefkit-margin-bottom-right-3);');
    expect(merged).not.toContain(':first');
  });

  it('quotes text as CSS reads it back', () => {
    expect(cssQuote('a\\b"c\nd')).toBe('"a\\5c b\\22 c\\a d"');
  });
});
