import { describe, expect, it } from 'vitest';
import { hyphenatorFor } from '../../src/report/hyphenator.js';

describe('choosing a hyphenator for the document language', () => {
  it('hyphenates English words of running text with soft hyphens, and leaves codes whole', () => {
    const hyphenate = hyphenatorFor('en-GB');
    expect(hyphenate?.('international')).toContain('\u00ad');
    expect(hyphenate?.('KN-23')).toBe('KN-23');
  });

  it('leaves Korean, Japanese and Chinese alone, and a language without patterns unhyphenated', () => {
    expect(hyphenatorFor('ko')).toBeUndefined();
    expect(hyphenatorFor('ja-JP')).toBeUndefined();
    expect(hyphenatorFor('tlh')).toBeUndefined();
  });
});
