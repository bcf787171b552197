import { describe, expect, it } from 'vitest';
import { markingLevel } from '../../src/content/marking-level.js';

describe('the level a classification marking states', () => {
  it('reads US banner levels from the marking’s start, caveats and case aside', () => {
    expect(markingLevel('UNCLASSIFIED')).toBe('unclassified');
    expect(markingLevel('unclassified//fouo')).toBe('unclassified');
    expect(markingLevel('CUI//SP-PRVCY')).toBe('cui');
    expect(markingLevel('Controlled')).toBe('cui');
    expect(markingLevel('CONFIDENTIAL//REL TO USA, KOR')).toBe('confidential');
    expect(markingLevel('secret//noforn')).toBe('secret');
    expect(markingLevel('TOP SECRET//SCI//TK')).toBe('top-secret');
    expect(markingLevel('(S//NF) Secret')).toBeUndefined();
  });

  it('reads the Korean grades in Roman or Arabic numerals', () => {
    expect(markingLevel('Ⅰ급비밀')).toBe('top-secret');
    expect(markingLevel('II급 비밀')).toBe('secret');
    expect(markingLevel('3급비밀')).toBe('confidential');
  });

  it('states no level for other markings or none, so they keep the theme’s colour', () => {
    expect(markingLevel('대외비')).toBeUndefined();
    expect(markingLevel('INTERNAL USE ONLY')).toBeUndefined();
    expect(markingLevel('SECRETARIAT DRAFT')).toBeUndefined();
    expect(markingLevel(undefined)).toBeUndefined();
  });
});
