import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import type { BrowserService } from '../../src/browser/browser-service.js';
import { BatchQueues, type BatchRunner } from '../../src/pdf/batch-queues.js';

/** A browser of one tab that runs jobs one after another, each once `open()` was called. */
function oneTab(): { browser: BrowserService; open: () => void; claims: { first: boolean }[] } {
  let gate = Promise.resolve();
  let openGate = (): void => undefined;
  gate = new Promise((resolve) => (openGate = resolve));
  let chain = Promise.resolve();
  const claims: { first: boolean }[] = [];
  const browser = {
    withPage<T>(fn: (page: Page) => Promise<T>, options: { first?: boolean } = {}): Promise<T> {
      claims.push({ first: options.first ?? false });
      const run = chain.then(() => gate).then(() => fn({} as Page));
      chain = run.then(
        () => undefined,
        () => undefined,
      );
      return run;
    },
  } as unknown as BrowserService;
  return { browser, open: () => openGate(), claims };
}

/** A job of a size, that notes when it is failed. */
interface Sized {
  n: number;
  reject: () => void;
}

/** A runner over sized jobs that records batches, lone prints and failures; `fail` makes a batch throw. */
function recorder(fail?: Error): { runner: BatchRunner<Sized, number[]>; job: (n: number) => Sized; batches: number[][]; alone: number[]; rejected: number[] } {
  const seen = { batches: [] as number[][], alone: [] as number[], rejected: [] as number[] };
  const runner: BatchRunner<Sized, number[]> = {
    first: true,
    fits: (batch, next) => batch.reduce((sum, job) => sum + job.n, next.n) <= 10,
    inTab: async (_page, batch) => {
      if (fail) throw fail;
      return batch.map((job) => job.n);
    },
    settle: (_batch, sizes) => void seen.batches.push(sizes),
    alone: (job) => void seen.alone.push(job.n),
  };
  const job = (n: number): Sized => ({ n, reject: () => void seen.rejected.push(n) });
  return { runner, job, ...seen };
}

const settled = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 10));

describe('BatchQueues', () => {
  it('works what was queued under a key while the tab was busy as batches that fit, asking ahead of other jobs', async () => {
    const { browser, open, claims } = oneTab();
    const { runner, job, batches } = recorder();
    const queues = new BatchQueues(browser, runner);
    for (const n of [3, 4, 2, 5]) queues.add('a', job(n));
    queues.add('b', job(1));
    open();
    await settled();
    expect(batches).toEqual([[3, 4, 2], [1], [5]]);
    expect(claims.every((claim) => claim.first)).toBe(true);
  });

  it('prints each job of a failed batch alone, but fails them all when the browser died under it', async () => {
    const failing = async (error: Error): Promise<ReturnType<typeof recorder>> => {
      const { browser, open } = oneTab();
      const seen = recorder(error);
      const queues = new BatchQueues(browser, seen.runner);
      for (const n of [1, 2, 3]) queues.add('a', seen.job(n));
      open();
      await settled();
      return seen;
    };
    const odd = await failing(new Error('A print read 3 items where its documents have 4.'));
    expect(odd.alone).toEqual([1, 2, 3]);
    expect(odd.rejected).toEqual([]);
    const crashed = await failing(new Error('Protocol error (Page.printToPDF): Target closed'));
    expect(crashed.alone).toEqual([]);
    expect(crashed.rejected).toEqual([1, 2, 3]);
  });
});
