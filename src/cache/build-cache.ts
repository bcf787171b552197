import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { DocumentResult } from '../build/build-document.js';
import { writeAtomic } from '../output/write-atomic.js';
import { hashParts, sha256 } from './hash.js';

/** A file a document was built from, and the hash of its contents then. */
export interface CachedInput {
  path: string;
  hash: string;
}

/** What the cache remembers of one output file, to notice it was deleted or replaced since. */
interface CachedOutput {
  bytes: number;
  mtimeMs: number;
}

interface CacheEntry {
  key: string;
  inputs: CachedInput[];
  result: Omit<DocumentResult, 'ms' | 'cached'>;
  outputs: CachedOutput[];
}

interface Manifest {
  format: 1;
  documents: Record<string, CacheEntry>;
}

/** The manifest saves running in this process, by manifest file. */
const savesInProgress = new Map<string, Promise<void>>();

/** The folder inside the output folder where the cache lives. */
export const cacheDirName = '.cache';

async function hashFile(file: string): Promise<string | undefined> {
  try {
    return sha256(await readFile(file));
  } catch {
    return undefined;
  }
}

/**
 * Remembers, per source file, the key it was built under, the files it read and the outputs it wrote
 * (`<out>/.cache/manifest.json`). A document is skipped only when its key and every input still match and
 * every output is still on disk as written.
 */
export class BuildCache {
  /** Entries this build wrote (an entry) or dropped (undefined), merged into the manifest on save. */
  private readonly changes = new Map<string, CacheEntry | undefined>();

  private constructor(private readonly file: string, private readonly buildKey: string, private readonly formats: string, private readonly manifest: Manifest) {}

  /**
   * Reads the manifest of an output folder; a missing or unreadable one is an empty cache. Entries are kept per
   * source and set of formats, so builds of different formats into one folder (the preview server's HTML and
   * PDF passes) do not evict each other.
   */
  static async open(outDir: string, buildKey: string, formats: readonly string[]): Promise<BuildCache> {
    const file = path.join(outDir, cacheDirName, 'manifest.json');
    let manifest: Manifest = { format: 1, documents: {} };
    try {
      const parsed = JSON.parse(await readFile(file, 'utf8')) as Partial<Manifest>;
      if (parsed.format === 1 && parsed.documents && typeof parsed.documents === 'object') manifest = parsed as Manifest;
    } catch {
      // No manifest yet, or a damaged one: build everything.
    }
    return new BuildCache(file, buildKey, formats.join(','), manifest);
  }

  /** The key of one document: the build's key plus the source file's contents. */
  private async keyOf(file: string): Promise<string | undefined> {
    const source = await hashFile(file);
    return source === undefined ? undefined : hashParts([this.buildKey, source]);
  }

  /** The remembered result when nothing the document depends on changed and its outputs are intact. */
  private entryName(file: string): string {
    return `${file}\n${this.formats}`;
  }

  async lookup(file: string): Promise<DocumentResult | undefined> {
    const entry = this.manifest.documents[this.entryName(file)];
    if (!entry) return undefined;
    if (entry.outputs.length !== entry.result.outputs.length) return undefined;
    if ((await this.keyOf(file)) !== entry.key) return undefined;
    // The images and the outputs are checked side by side (one after the other, a rebuild of 20 with nothing to do
    // waited for some 160 reads and stats in turn).
    const checks = await Promise.all([
      ...entry.inputs.map(async (input) => (await hashFile(input.path)) === input.hash),
      ...entry.result.outputs.map(async (output, i) => {
        const info = await stat(output.path).catch(() => undefined);
        return info !== undefined && info.size === entry.outputs[i].bytes && Math.round(info.mtimeMs) === entry.outputs[i].mtimeMs;
      }),
    ]);
    return checks.every(Boolean) ? { ...entry.result, ms: 0, cached: true } : undefined;
  }

  /** Remembers a freshly built document. `sourceKey` is the key computed before it was read, so an edit made
   *  while it was building makes the next build rebuild it. */
  async record(result: DocumentResult, sourceKey: string | undefined, inputs: CachedInput[]): Promise<void> {
    if (sourceKey === undefined) return;
    const outputs: CachedOutput[] = [];
    for (const output of result.outputs) {
      const info = await stat(output.path).catch(() => undefined);
      if (!info) return;
      outputs.push({ bytes: info.size, mtimeMs: Math.round(info.mtimeMs) });
    }
    const { ms: _ms, cached: _cached, ...rest } = result;
    const name = this.entryName(result.file);
    this.manifest.documents[name] = { key: sourceKey, inputs, result: rest, outputs };
    this.changes.set(name, this.manifest.documents[name]);
  }

  /** The key to record for a source file, taken before building it. */
  sourceKey(file: string): Promise<string | undefined> {
    return this.keyOf(file);
  }

  /**
   * Writes this build's changes into the manifest as it is on disk now, so two builds that share an output
   * folder (the preview's HTML and PDF passes) keep each other's entries.
   */
  async save(): Promise<void> {
    if (this.changes.size === 0) return;
    // Builds of one process into one folder (the preview's report, deck and PDF passes run side by side) save
    // one after another: two read-merge-writes at once would each drop the other's entries.
    const previous = savesInProgress.get(this.file) ?? Promise.resolve();
    const saved = previous.then(() => this.merge(), () => this.merge());
    savesInProgress.set(this.file, saved);
    try {
      await saved;
    } finally {
      if (savesInProgress.get(this.file) === saved) savesInProgress.delete(this.file);
    }
  }

  private async merge(): Promise<void> {
    const current = await BuildCache.open(path.dirname(path.dirname(this.file)), this.buildKey, []);
    for (const [name, entry] of this.changes) {
      if (entry) current.manifest.documents[name] = entry;
      else delete current.manifest.documents[name];
    }
    await writeAtomic(this.file, `${JSON.stringify(current.manifest)}\n`);
    this.changes.clear();
  }
}
