/** What kind of reference an href is: a local file, a remote URL, inline data, an in-page anchor or a refused scheme. */
export type HrefKind = 'local' | 'remote' | 'data' | 'anchor' | 'refused';

/** Classifies an href without touching the disk. */
export function classifyHref(href: string): HrefKind {
  const trimmed = href.trim();
  if (trimmed.startsWith('#')) return 'anchor';
  if (/^data:/i.test(trimmed)) return 'data';
  if (/^(https?:)?\/\//i.test(trimmed)) return 'remote';
  if (/^[a-z][a-z0-9+.-]*:/i.test(trimmed) && !/^[a-z]:[\\/]/i.test(trimmed)) return /^file:/i.test(trimmed) ? 'local' : 'refused';
  return 'local';
}
