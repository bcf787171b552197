import { describe, expect, it } from 'vitest';
import { Coalescer } from '../../src/serve/coalescer.js';

describe('the preview rebuild queue', () => {
  it('runs later requests after a request with nothing in it, and becomes idle', async () => {
    const runs: (string[] | 'all')[] = [];
    const queue = new Coalescer<string>(async (items) => void runs.push(items));
    queue.request([]);
    queue.request(['a.md']);
    // A timer, not idle(): a queue stuck with a settled run would spin in idle() and never let the test fail.
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(runs).toEqual([['a.md']]);
    await queue.idle();
  });

  it('folds what is asked during a run into one following run', async () => {
    const runs: (string[] | 'all')[] = [];
    let release: () => void = () => undefined;
    const first = new Promise<void>((resolve) => (release = resolve));
    const queue = new Coalescer<string>(async (items) => {
      runs.push(items);
      if (runs.length === 1) await first;
    });
    queue.request(['a.md']);
    await Promise.resolve();
    await Promise.resolve();
    queue.request(['b.md']);
    queue.request(['c.md', 'b.md']);
    release();
    await queue.idle();
    expect(runs).toEqual([['a.md'], ['b.md', 'c.md']]);
  });
});
