/**
 * What a long-running caller (the preview server) keeps from one build to the next: the config it read, the
 * templates' fingerprint and the renderers (template registry, Markdown and Marp engines), each made on first
 * use under a key that names what it was made from. The caller forgets everything at once when a template,
 * theme or config file changes, so the next build reads them again. A promise that rejects is not kept: the
 * next build tries again.
 */
export class BuildMemo {
  private kept = new Map<string, unknown>();

  /** The value kept under `key`, made by `make` if nothing is kept under it (or it was forgotten since). */
  get<T>(key: string, make: () => T): T {
    if (this.kept.has(key)) return this.kept.get(key) as T;
    const value = make();
    const kept = this.kept;
    kept.set(key, value);
    if (value instanceof Promise) {
      value.catch(() => {
        if (kept.get(key) === value) kept.delete(key);
      });
    }
    return value;
  }

  /** Forgets everything kept; values being made now land in the forgotten set, never in the next one. */
  forget(): void {
    this.kept = new Map();
  }
}
