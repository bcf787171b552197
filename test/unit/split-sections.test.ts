import { describe, expect, it } from 'vitest';
import { splitSections } from '../../src/content/split-sections.js';
import { ContentError } from '../../src/errors.js';

const file = '/doc.md';

describe('sectioning', () => {
  it('puts text before the first ## in the introduction and starts a section at each ##', () => {
    const { intro, sections } = splitSections('Opening words.\n\n## First\n\nAlpha.\n\n### Sub\n\nBeta.\n\n## Second\n\nGamma.', file, 10);
    expect(intro.report.map((c) => c.markdown)).toEqual(['Opening words.']);
    expect(sections.map((s) => [s.title, s.line, s.id])).toEqual([
      ['First', 12, 'first'],
      ['Second', 20, 'second'],
    ]);
    expect(sections[0].report[0].markdown).toContain('### Sub');
  });

  it('keeps the source line of each chunk', () => {
    const { sections } = splitSections('## A\n\nline three\n\n::: deck\n- bullet\n:::\n\nline nine', file, 1);
    expect(sections[0].report.map((c) => c.line)).toEqual([3, 9]);
    expect(sections[0].deck).toEqual([{ markdown: '- bullet', line: 6 }]);
  });

  it('separates deck, notes and report faces from the prose', () => {
    const { sections } = splitSections(['## S', 'Prose.', '::: deck', '- slide', ':::', '::: notes', 'Say this.', ':::', '::: report', 'Print only.', ':::'].join('\n'), file, 1);
    const [s] = sections;
    expect(s.prose.map((c) => c.markdown)).toEqual(['Prose.']);
    expect(s.report.map((c) => c.markdown)).toEqual(['Prose.', 'Print only.']);
    expect(s.deck.map((c) => c.markdown)).toEqual(['- slide']);
    expect(s.notes.map((c) => c.markdown)).toEqual(['Say this.']);
  });

  it('accepts the {.deck} spelling and keeps other fenced divs as content', () => {
    const { sections } = splitSections('## S\n::: {.deck}\n- a\n:::\n::: warning\nCareful\n:::', file, 1);
    expect(sections[0].deck[0].markdown).toBe('- a');
    expect(sections[0].report[0].markdown).toContain('::: warning');
  });

  it('does not split at ## or ::: inside code fences', () => {
    const { sections } = splitSections('## S\n```md\n## not a section\n::: deck\n```\nAfter.', file, 1);
    expect(sections).toHaveLength(1);
    expect(sections[0].deck).toHaveLength(0);
    expect(sections[0].report[0].markdown).toContain('## not a section');
  });

  it('gives duplicate headings unique ids and keeps non-Latin letters', () => {
    const { sections } = splitSections('## 배경\n\n## Background\n\n## Background', file, 1);
    expect(sections.map((s) => s.id)).toEqual(['배경', 'background', 'background-2']);
  });

  it('reports an unclosed fenced div at the line it opens', () => {
    expect(() => splitSections('## S\n\n::: deck\n- a', file, 5)).toThrowError(ContentError);
    try {
      splitSections('## S\n\n::: deck\n- a', file, 5);
    } catch (error) {
      expect((error as ContentError).location).toEqual({ file, line: 7 });
    }
  });

  it('builds a document with no ## headings as an introduction only', () => {
    const { intro, sections } = splitSections('Just a memo.', file, 1);
    expect(sections).toEqual([]);
    expect(intro.report[0].markdown).toBe('Just a memo.');
  });
});
