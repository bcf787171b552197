import { describe, expect, it } from 'vitest';
import { parseBriefing } from '../../src/content/load-briefing.js';
import { ContentError } from '../../src/errors.js';

const file = '/project/content/doc.md';

function parseError(text: string): ContentError {
  try {
    parseBriefing(text, file);
  } catch (error) {
    if (error instanceof ContentError) return error;
    throw error;
  }
  throw new Error('expected a ContentError');
}

describe('front matter', () => {
  it('reads every documented field with its final type', () => {
    const { meta, slug } = parseBriefing(
      ['---', 'title: Missile launches', 'subtitle: Why', 'author: Analyst', 'organization: Office', 'date: 2026-11-27', 'classification: unclassified',
        'summary:', '  - One', '  - Two', 'keywords: a, b', 'lang: ko', 'theme: briefing', 'template: memo', 'slug: nk', 'numbered: false', 'paper: letter', 'owner: Desk 4', '---', 'Body'].join('\n'),
      file,
    );
    expect(meta).toMatchObject({
      title: 'Missile launches', subtitle: 'Why', author: 'Analyst', organization: 'Office', date: '2026-11-27', classification: 'unclassified',
      summary: ['One', 'Two'], keywords: ['a', 'b'], lang: 'ko', theme: 'briefing', template: 'memo', numbered: false, paper: 'Letter', extra: { owner: 'Desk 4' },
    });
    expect(slug).toBe('nk');
  });

  it('takes the slug from the file name when front matter has none', () => {
    expect(parseBriefing('---\ntitle: T\n---\n', '/x/My-Doc.md').slug).toBe('My-Doc');
  });

  it('defaults the language to English and sections to numbered', () => {
    const { meta } = parseBriefing('---\ntitle: T\n---\n', file);
    expect(meta.lang).toBe('en');
    expect(meta.numbered).toBe(true);
    expect(meta.summary).toEqual([]);
  });

  it('names the line of malformed YAML', () => {
    const error = parseError('---\ntitle: T\nsummary: [a, b\n---\nBody');
    expect(error.location?.file).toBe(file);
    expect(error.location?.line).toBeGreaterThanOrEqual(3);
    expect(error.message).toMatch(/not valid YAML/);
  });

  it('points a bracket or quote never closed at the line that opens it, not at the closing ---', () => {
    const error = parseError('---\ntitle: T\nauthor: A\norganization: [unclosed\n\n---\nBody');
    expect(error.location).toEqual({ file, line: 4 });
    expect(parseError('---\ntitle: "Unclosed\nauthor: A\ndate: 2026-11-27\n---\nBody').location).toEqual({ file, line: 2 });
  });

  it('refuses a missing title and says how to add one', () => {
    const error = parseError('---\nsubtitle: S\n---\nBody');
    expect(error.message).toMatch(/no `title`/);
    expect(error.hint).toMatch(/title:/);
  });

  it('points a wrongly typed field at its own line', () => {
    const error = parseError('---\ntitle: T\nauthor: A\nsummary: 5\n---\n');
    expect(error.location?.line).toBe(4);
    expect(error.message).toMatch(/`summary` must be a list/);
  });

  it('refuses an empty file and a binary file', () => {
    expect(parseError('   \n').message).toMatch(/empty/);
    expect(parseError('abc\u0000def').message).toMatch(/not a text file/);
  });

  it('refuses a slug that could escape the output folder', () => {
    expect(parseError('---\ntitle: T\nslug: ../evil\n---\n').location?.line).toBe(3);
  });
});
