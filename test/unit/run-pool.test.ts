import { describe, expect, it } from 'vitest';
import { runWeightedPool } from '../../src/build/run-pool.js';

/** Runs a weighted pool whose items each take a tick, recording how many ran at once and the weight they held. */
async function trace(weights: number[], lanes: number, budget: number): Promise<{ results: number[]; most: number; heaviest: number; order: number[] }> {
  let running = 0;
  let held = 0;
  let most = 0;
  let heaviest = 0;
  const order: number[] = [];
  const results = await runWeightedPool(weights, weights, { lanes, budget }, async (weight, index) => {
    running += 1;
    held += weight;
    most = Math.max(most, running);
    heaviest = Math.max(heaviest, held);
    order.push(index);
    await new Promise((resolve) => setTimeout(resolve, 2));
    running -= 1;
    held -= weight;
    return index * 10;
  });
  return { results, most, heaviest, order };
}

describe('runWeightedPool', () => {
  it('runs at most as many items as it has lanes, in order, and keeps the results in order', async () => {
    const { results, most, order } = await trace([1, 1, 1, 1, 1, 1, 1], 3, 100);
    expect(results).toEqual([0, 10, 20, 30, 40, 50, 60]);
    expect(most).toBe(3);
    expect(order).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it('keeps the weight of the items running within the budget, and runs an item heavier than it alone', async () => {
    const { most, heaviest } = await trace([40, 40, 40, 10, 10], 16, 100);
    expect(heaviest).toBeLessThanOrEqual(100);
    expect(most).toBeGreaterThan(1);
    const alone = await trace([500, 1, 1], 16, 100);
    expect(alone.results).toEqual([0, 10, 20]);
    expect(alone.heaviest).toBe(500);
  });

  it('finishes at once with no items, and fails when an item fails', async () => {
    expect(await runWeightedPool([], [], { lanes: 4, budget: 1 }, async () => 1)).toEqual([]);
    await expect(runWeightedPool([1, 2], [1, 1], { lanes: 1, budget: 9 }, async (item) => {
      if (item === 2) throw new Error('no');
      return item;
    })).rejects.toThrow('no');
  });
});
