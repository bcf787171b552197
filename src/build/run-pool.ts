/** Runs `worker` over `items` with at most `limit` running at once; results keep the input order. */
export function runPool<T, R>(items: readonly T[], limit: number, worker: (item: T, index: number) => Promise<R>): Promise<R[]> {
  return runWeightedPool(items, items.map(() => 0), { lanes: limit, budget: Infinity }, worker);
}

/** How many items may run at once, and how much of a weight (bytes, say) they may hold between them. */
export interface PoolLimits {
  lanes: number;
  budget: number;
}

/**
 * Runs `worker` over `items` in order, each starting once fewer than `lanes` run and the weights of those running
 * leave room for its own under `budget` (an item heavier than the budget runs alone); results keep the input order.
 */
export async function runWeightedPool<T, R>(items: readonly T[], weights: readonly number[], limits: PoolLimits, worker: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  let running = 0;
  let held = 0;
  return new Promise((resolve, reject) => {
    const start = (): void => {
      while (next < items.length && running < Math.max(1, limits.lanes) && (running === 0 || held + weights[next] <= limits.budget)) {
        const index = next++;
        running += 1;
        held += weights[index];
        worker(items[index], index).then(
          (result) => {
            results[index] = result;
            running -= 1;
            held -= weights[index];
            if (next >= items.length && running === 0) resolve(results);
            else start();
          },
          reject,
        );
      }
    };
    if (items.length === 0) resolve(results);
    else start();
  });
}
