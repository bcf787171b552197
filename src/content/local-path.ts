import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** True when `file` is `root` or inside it (after resolving `..`). */
export function isInside(file: string, root: string): boolean {
  const rel = path.relative(root, file);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/**
 * The absolute file a local href names (relative to `dir`, absolute, or a `file:` URL), without its `?query` or
 * `#fragment`; undefined when it cannot be decoded (a malformed `%` escape), which callers treat as refused.
 */
export function localTarget(href: string, dir: string): string | undefined {
  try {
    const trimmed = href.trim();
    if (/^file:/i.test(trimmed)) return fileURLToPath(trimmed.split('#')[0]);
    const raw = decodeURI(trimmed.split(/[?#]/)[0]);
    return raw === '' ? dir : path.resolve(dir, raw);
  } catch {
    return undefined;
  }
}
