import type { Page } from 'puppeteer-core';
import { isBrowserCrash } from '../browser/browser-crash.js';
import type { BrowserService } from '../browser/browser-service.js';

/** A job waiting in a queue: it can be failed with its batch's error. */
export interface QueuedJob {
  reject: (error: unknown) => void;
}

/** How a kind of job is batched: what a batch does in its tab, and with its result once the tab is free again. */
export interface BatchRunner<J extends QueuedJob, R> {
  /** Whether `job` still fits into a batch that holds `batch` (the first job always does). */
  fits: (batch: readonly J[], job: J) => boolean;
  /** Works the batch in a tab (loads, measures, prints). */
  inTab: (page: Page, batch: readonly J[]) => Promise<R>;
  /** Hands the outcome out once the tab is free again (splits a shared print). */
  settle: (batch: readonly J[], result: R) => void;
  /** Prints one job of a failed batch on its own. */
  alone: (job: J) => void;
  /** Whether batches go ahead of jobs that do not share (see BrowserService.withPage). */
  first: boolean;
}

/**
 * Jobs queued by key while the tabs are busy: once a tab is free, whatever is queued under a key by then (as much as
 * fits one batch) is worked as one batch. A job waits for no one: the first job of a key asks for a tab at once.
 */
export class BatchQueues<J extends QueuedJob, R> {
  private readonly queues = new Map<string, J[]>();

  constructor(
    private readonly browser: BrowserService,
    private readonly runner: BatchRunner<J, R>,
  ) {}

  /** Queues `job` under `key`, asking for a tab when it is the first of its key. */
  add(key: string, job: J): void {
    const queue = this.queues.get(key);
    if (queue) queue.push(job);
    else {
      this.queues.set(key, [job]);
      this.claim(key);
    }
  }

  private claim(key: string): void {
    let batch: J[] = [];
    const worked = this.browser.withPage(
      (page) => {
        const queue = this.queues.get(key) ?? [];
        let count = 1;
        while (count < queue.length && this.runner.fits(queue.slice(0, count), queue[count])) count += 1;
        batch = queue.splice(0, count);
        // What did not fit waits for the next tab; what comes later starts a queue of its own.
        if (queue.length > 0) this.claim(key);
        else this.queues.delete(key);
        return this.runner.inTab(page, batch);
      },
      { first: this.runner.first, documents: () => batch.length },
    );
    void worked.then(
      (result) => this.runner.settle(batch, result),
      (error: unknown) => {
        // No tab at all (the browser did not start): everything queued fails with it.
        if (batch.length === 0) {
          batch = this.queues.get(key) ?? [];
          this.queues.delete(key);
        }
        // A batch of several that failed prints each job alone, so that one document's trouble stays its own; when
        // the browser died, each job fails instead, and its document is built again (see buildDocumentWithRetry),
        // with a warning that says why.
        if (batch.length > 1 && !isBrowserCrash(error)) for (const job of batch) this.runner.alone(job);
        else for (const job of batch) job.reject(error);
      },
    );
  }
}
