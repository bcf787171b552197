import { describe, expect, it } from 'vitest';
import { chunkRanges } from '../../src/pdf/print-in-chunks.js';

describe('splitting a long print into parts', () => {
  it('keeps a page that fits in one part whole', () => {
    expect(chunkRanges(20, 150)).toEqual([[0, 20]]);
    expect(chunkRanges(150, 150)).toEqual([[0, 150]]);
  });

  it('splits into parts of about equal length that cover every element once, in order', () => {
    const ranges = chunkRanges(1557, 150);
    expect(ranges).toHaveLength(11);
    expect(ranges[0][0]).toBe(0);
    expect(ranges[ranges.length - 1][1]).toBe(1557);
    ranges.slice(1).forEach(([start], i) => expect(start).toBe(ranges[i][1]));
    const lengths = ranges.map(([start, end]) => end - start);
    expect(Math.max(...lengths) - Math.min(...lengths)).toBeLessThanOrEqual(lengths.length);
    expect(Math.max(...lengths)).toBeLessThanOrEqual(150);
  });

  it('gives one empty part for nothing to print', () => {
    expect(chunkRanges(0, 150)).toEqual([[0, 0]]);
  });
});
