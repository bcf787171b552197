import { describe, expect, it } from 'vitest';
import { parseShard, selectShard } from '../../src/build/shard.js';

const files = Array.from({ length: 10 }, (_, i) => `/repo/content/doc-${String(i).padStart(2, '0')}.md`);

describe('sharding', () => {
  it('splits documents into disjoint slices that together cover all of them, sizes differing by at most one', () => {
    const slices = [1, 2, 3].map((index) => selectShard(files, { index, count: 3 }, '/repo'));
    expect(slices.flat().sort()).toEqual(files);
    expect(new Set(slices.flat()).size).toBe(files.length);
    expect(slices.map((s) => s.length)).toEqual([4, 3, 3]);
  });

  it('gives the same slice wherever the project is checked out and whatever order the files were found in', () => {
    const elsewhere = files.map((f) => f.replace('/repo', '/home/ci/work')).reverse();
    const here = selectShard(files, { index: 2, count: 4 }, '/repo').map((f) => f.slice('/repo'.length));
    const there = selectShard(elsewhere, { index: 2, count: 4 }, '/home/ci/work').map((f) => f.slice('/home/ci/work'.length));
    expect(there).toEqual(here);
  });

  it('parses i/n and refuses shards outside 1..n', () => {
    expect(parseShard('2/5')).toEqual({ index: 2, count: 5 });
    for (const bad of ['0/3', '4/3', '1/0', 'a/b', '2', '-1/2']) expect(() => parseShard(bad)).toThrow(/Bad shard/);
  });
});
