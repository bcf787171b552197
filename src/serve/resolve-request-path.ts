import path from 'node:path';
import { isInside } from '../content/local-path.js';

/** Where a request for a URL path leads inside the served folder, or why it is refused. */
export type ResolvedRequest = { ok: true; file: string } | { ok: false; status: 403 | 404; reason: string };

/**
 * Maps a raw request target (`/slug/deck.html?x`) to a file inside `root`. Any `..` segment, written plainly
 * or percent-encoded, is refused outright rather than normalised away; so are NUL bytes, backslashes and
 * dot-files (the cache folder). A folder maps to its index.html.
 */
export function resolveRequestPath(root: string, target: string): ResolvedRequest {
  const rawPath = target.split(/[?#]/)[0];
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return { ok: false, status: 403, reason: 'malformed URL encoding' };
  }
  if (!decoded.startsWith('/')) return { ok: false, status: 403, reason: 'not an absolute path' };
  if (decoded.includes('\0') || decoded.includes('\\')) return { ok: false, status: 403, reason: 'forbidden character' };
  const segments = decoded.split('/').filter(Boolean);
  if (segments.some((s) => s === '..')) return { ok: false, status: 403, reason: '`..` in the path' };
  if (segments.some((s) => s.startsWith('.'))) return { ok: false, status: 404, reason: 'hidden file' };
  const file = path.resolve(root, ...segments);
  if (!isInside(file, root)) return { ok: false, status: 403, reason: 'outside the served folder' };
  return { ok: true, file: decoded.endsWith('/') || segments.length === 0 ? path.join(file, 'index.html') : file };
}
