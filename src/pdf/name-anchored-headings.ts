import { PdfRef, type PdfDict } from './pdf-syntax.js';
import type { PdfUpdate } from './pdf-update.js';
import { decodeName } from './read-destinations.js';

/** The element markHeadingTargets gives a heading hung into the margin, to stand in for its destination. */
export const anchorTag = 'briefkit-anchor';

/** The prefix of the ids of those markers. */
export const anchorIdPrefix = `${anchorTag}-`;

/**
 * Gives each heading that Chromium wrote no destination for (one hung into the margin, see mark-heading-targets.ts)
 * its marker's destination under the heading's own name, and drops the markers' names: the contents' links and any
 * `#id` cross-reference point at the heading's name, and led nowhere without it. Names are kept as Chromium encoded
 * them (ids outside ASCII are percent-encoded), so the marker's name minus its prefix is the name links use.
 */
export function nameAnchoredHeadings(update: PdfUpdate, markers: ReadonlySet<string>): void {
  const { file } = update;
  const raw = file.catalog.get('Dests');
  const dests = file.dict(raw);
  // Only the markers placed are renamed: a heading's own id may start with the prefix too.
  const isMarker = (key: string): boolean => key.startsWith(anchorIdPrefix) && markers.has(decodeName(key));
  if (!dests || ![...dests.keys()].some(isMarker)) return;
  const renamed: PdfDict = new Map();
  for (const [key, value] of dests) {
    if (!isMarker(key)) renamed.set(key, value);
    else {
      const heading = key.slice(anchorIdPrefix.length);
      if (!dests.has(heading)) renamed.set(heading, value);
    }
  }
  if (raw instanceof PdfRef) update.set(raw, renamed);
  else update.editCatalog((catalog) => catalog.set('Dests', renamed));
}
