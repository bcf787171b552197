import { describe, expect, it } from 'vitest';
import type { PlannedSlide } from '../../src/deck/deck-model.js';
import { bodyUnits, splitOverflowingSlide } from '../../src/deck/split-overflow.js';

function slide(body: string): PlannedSlide {
  const head = '<!-- _class: section -->\n\n## Title';
  const continuedHead = `${head} (continued)`;
  return { kind: 'section', title: 'Title', markdown: `${head}\n\n${body}`, notes: 'Say this.', line: 12, split: { head, body, continuedHead } };
}

describe('splitting an overflowing slide', () => {
  it('cuts a long list into pieces of about equal length, the later ones marked as continued', () => {
    const body = Array.from({ length: 12 }, (_, i) => `- item ${i + 1}`).join('\n');
    const pieces = splitOverflowingSlide(slide(body), 3);
    expect(pieces).toHaveLength(3);
    expect(pieces.map((p) => (p.markdown.match(/^- item/gm) ?? []).length)).toEqual([4, 4, 4]);
    expect(pieces[0].markdown).toContain('## Title\n\n- item 1');
    expect(pieces[1].markdown).toContain('(continued)');
    expect(pieces[2].markdown).toContain('- item 12');
  });

  it('keeps notes and the source line on the first piece only for notes, on every piece for the line', () => {
    const pieces = splitOverflowingSlide(slide('a\n\nb\n\nc'), 2);
    expect(pieces.map((p) => p.notes)).toEqual(['Say this.', '']);
    expect(pieces.map((p) => p.line)).toEqual([12, 12]);
  });

  it('never cuts inside a code fence or a list item with its nested lines', () => {
    const units = bodyUnits('- one\n  - nested\n  more\n- two\n\n```\na\n\nb\n```\n\nText\nlazy line');
    expect(units.map((u) => u.text)).toEqual(['- one\n  - nested\n  more', '- two', '```\na\n\nb\n```', 'Text\nlazy line']);
  });

  it('resumes an ordered list at the right number on a continuation slide', () => {
    const pieces = splitOverflowingSlide(slide('1. a\n1. b\n1. c\n1. d'), 2);
    expect(pieces[1].markdown).toMatch(/^3\. c$/m);
    const counted = splitOverflowingSlide(slide('5. a\n6. b\n7. c\n8. d'), 2);
    expect(counted[1].markdown).toMatch(/^7\. c$/m);
  });

  it('repeats Marp directives and background images on every piece', () => {
    const pieces = splitOverflowingSlide(slide('<!-- _class: invert -->\n\n![bg right](map.png)\n\n- a\n- b'), 2);
    for (const p of pieces) {
      expect(p.markdown).toContain('<!-- _class: invert -->');
      expect(p.markdown).toContain('![bg right](map.png)');
    }
  });

  it('leaves a slide with a single block, or no split information, as it is', () => {
    expect(splitOverflowingSlide(slide('```\n' + 'x\n'.repeat(80) + '```'), 3)).toHaveLength(1);
    expect(splitOverflowingSlide({ kind: 'title', title: 'T', markdown: '# T', notes: '' }, 2)).toHaveLength(1);
  });
});
