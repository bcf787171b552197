/** A queue that runs one job at a time and folds everything asked for meanwhile into the next run. */
export class Coalescer<T> {
  private pending = new Set<T>();
  private all = false;
  private running?: Promise<void>;

  constructor(private readonly job: (items: T[] | 'all') => Promise<void>) {}

  /** Asks for a run with these items (or everything); runs now, or folds them into the run after the current one. */
  request(items: readonly T[] | 'all'): void {
    if (items === 'all') this.all = true;
    else for (const item of items) this.pending.add(item);
    // With nothing to do, drain() would end before returning and leave `running` holding a settled promise that
    // nothing clears: every later request would be dropped and idle() would spin forever.
    if (!this.all && this.pending.size === 0) return;
    this.running ??= this.drain();
  }

  /** Resolves once no run is going and none is asked for. */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  private async drain(): Promise<void> {
    // Start on a later tick, so `running` is set before the run can end and clear it.
    await Promise.resolve();
    try {
      while (this.all || this.pending.size > 0) {
        const items = this.all ? 'all' : [...this.pending];
        this.all = false;
        this.pending = new Set();
        await this.job(items);
      }
    } finally {
      this.running = undefined;
    }
  }
}
