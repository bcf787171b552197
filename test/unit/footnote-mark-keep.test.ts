import { describe, expect, it } from 'vitest';
import { createReportMarkdown } from '../../src/markdown/create-markdown.js';

const render = (source: string) => createReportMarkdown().render(source, {});

describe('footnote marks kept with the text before them', () => {
  it('wraps the last character and the run of marks after it in one unbreakable span', () => {
    const html = render('북한은 발사했다。[^1][^2] 다음.\n\n[^1]: 하나.\n[^2]: 둘.');
    expect(html).toMatch(/<p>북한은 발사했다<span class="bk-keep">。<sup class="footnote-ref">.*?\[1\].*?<\/sup><sup class="footnote-ref">.*?\[2\].*?<\/sup><\/span> 다음\.<\/p>/);
  });

  it('takes a whole letter with its combining accent, not half of it', () => {
    const html = render('Cafe\u0301[^1]\n\n[^1]: n.');
    expect(html).toContain('<p>Caf<span class="bk-keep">e\u0301<sup');
  });

  it('leaves a mark after a space alone: the space is where the line may break', () => {
    const html = render('A mark [^1]\n\n[^1]: n.');
    expect(html).not.toContain('bk-keep');
  });

  it('keeps marks inside footnotes too, and a paragraph that is only a character and a mark', () => {
    const html = render('가[^a]\n\n[^a]: Note[^b].\n\n[^b]: Inner.');
    expect(html).toContain('<p><span class="bk-keep">가<sup');
    expect(html).toContain('Not<span class="bk-keep">e<sup');
  });
});
