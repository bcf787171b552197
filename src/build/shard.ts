import path from 'node:path';
import { UsageError } from '../errors.js';

/** One slice of a split: the `index`-th (1-based) of `count`. */
export interface Shard {
  index: number;
  count: number;
}

/** Parses `i/n` (1 ≤ i ≤ n), as given to `--shard`. */
export function parseShard(value: string): Shard {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(value);
  const index = match ? Number(match[1]) : NaN;
  const count = match ? Number(match[2]) : NaN;
  if (!match || count < 1 || index < 1 || index > count) {
    throw new UsageError(`Bad shard \`${value}\`.`, { hint: 'Write it as i/n with 1 ≤ i ≤ n, e.g. --shard 2/4 builds the second quarter.' });
  }
  return { index, count };
}

/**
 * The files of one shard. Files are ordered by their path relative to the project folder (with `/`), so
 * every machine of a CI matrix, wherever it checks the project out, agrees on the split; then dealt round
 * robin, so shards differ in size by at most one document.
 */
export function selectShard(files: readonly string[], shard: Shard | undefined, root: string): string[] {
  if (!shard || shard.count === 1) return [...files];
  const keyed = files.map((file) => ({ file, key: path.relative(root, file).split(path.sep).join('/') }));
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return keyed.filter((_, i) => i % shard.count === shard.index - 1).map((k) => k.file);
}
