import { PdfFile } from './pdf-file.js';
import { PrintedPartsJoiner } from './join-printed-parts.js';
import { mapPdf2StructureRoles } from './map-structure-roles.js';
import { PdfUpdate } from './pdf-update.js';
import { readNamedDestinations } from './read-destinations.js';
import { applyMetadata, type PdfMetadata } from './set-metadata.js';
import { pageOutline, writeOutline, type OutlineEntry } from './write-outline.js';

/** One bookmark of a deck or handout: its title and the page it opens. */
export interface PageBookmark {
  title: string;
  /** The 0-based page it opens. */
  pageIndex: number;
  /** An element id: the bookmark opens the page the print put it on (its named destination); left out when there is none. */
  anchor?: string;
}

/** The printed parts of one PDF: one PDF, or parts in order, printed or still printing. */
export type PrintedParts = Uint8Array | readonly (Uint8Array | Promise<Uint8Array>)[];

/**
 * The printed parts of one PDF as one file: a single part as printed, several (a long deck printed in chunks, see
 * print-in-chunks.ts) joined (see PrintedPartsJoiner). Parts still printing are joined as each arrives, in order, so
 * the join overlaps the printing of the parts still to come.
 */
export async function joinedBytes(parts: PrintedParts): Promise<Uint8Array> {
  if (parts instanceof Uint8Array) return parts;
  if (parts.length === 1) return parts[0];
  const joiner = new PrintedPartsJoiner(await parts[0]);
  for (const part of parts.slice(1)) joiner.add(await part);
  return joiner.finish();
}

/**
 * Writes bookmarks (the outline goes when there are none), document metadata and the tags' role map as one
 * incremental update, with whatever else `edit` changes in it.
 */
export function finishPrintedFile(file: PdfFile, meta: PdfMetadata, outline: readonly OutlineEntry[], edit?: (update: PdfUpdate) => void): Uint8Array {
  const update = new PdfUpdate(file);
  edit?.(update);
  mapPdf2StructureRoles(update);
  writeOutline(update, outline);
  applyMetadata(update, meta);
  return update.bytes();
}

/**
 * Post-processes printed PDF bytes as one incremental update: metadata, and a bookmark per entry opening its page,
 * found by the entry's anchor where it has one (a handout page whose long notes ran onto a second page moves every
 * later slide on by one).
 */
export async function finishPdf(parts: PrintedParts, meta: PdfMetadata, bookmarks: readonly PageBookmark[] = []): Promise<Uint8Array> {
  const file = PdfFile.parse(await joinedBytes(parts));
  const anchored = bookmarks.some((bookmark) => bookmark.anchor !== undefined) ? readNamedDestinations(file) : undefined;
  // An anchored bookmark whose anchor the print did not place is left out: its pageIndex may be the wrong page.
  const placed = bookmarks.flatMap((bookmark) => {
    if (bookmark.anchor === undefined) return [bookmark];
    const found = anchored?.get(bookmark.anchor);
    return found ? [{ title: bookmark.title, pageIndex: found.page - 1 }] : [];
  });
  return finishPrintedFile(file, meta, pageOutline(file, placed));
}
