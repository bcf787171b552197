import { PdfFile } from './pdf-file.js';
import { PdfUpdate } from './pdf-update.js';
import { applyMetadata, type PdfMetadata } from './set-metadata.js';
import { pageOutline, writeOutline, type OutlineEntry } from './write-outline.js';

/** One bookmark of a deck or handout: its title and the 0-based page it opens. */
export interface PageBookmark {
  title: string;
  pageIndex: number;
}

/**
 * The printed parts of one PDF as one file: a single part as printed, several (a long deck printed in chunks, see
 * print-in-chunks.ts) joined by pdf-lib, which is loaded only then.
 */
export async function joinedBytes(parts: Uint8Array | readonly Uint8Array[]): Promise<Uint8Array> {
  if (parts instanceof Uint8Array) return parts;
  if (parts.length === 1) return parts[0];
  const [{ joinPdfs }, { saveOptions }] = await Promise.all([import('./join-pdfs.js'), import('./pdf-lib-pace.js')]);
  return (await joinPdfs(parts)).save(saveOptions);
}

/**
 * Writes bookmarks (the outline goes when there are none) and document metadata as one incremental update, with
 * whatever else `edit` changes in it.
 */
export function finishPrintedFile(file: PdfFile, meta: PdfMetadata, outline: readonly OutlineEntry[], edit?: (update: PdfUpdate) => void): Uint8Array {
  const update = new PdfUpdate(file);
  edit?.(update);
  writeOutline(update, outline);
  applyMetadata(update, meta);
  return update.bytes();
}

/**
 * Post-processes printed PDF bytes as one incremental update: metadata, and a bookmark per entry opening its page.
 * With `onlyIfPages`, the bookmarks are written only when the PDF has exactly that many pages (a handout whose long
 * notes ran onto a second page would otherwise get bookmarks pointing at the wrong pages).
 */
export async function finishPdf(parts: Uint8Array | readonly Uint8Array[], meta: PdfMetadata, bookmarks: readonly PageBookmark[] = [], onlyIfPages?: number): Promise<Uint8Array> {
  const file = PdfFile.parse(await joinedBytes(parts));
  const fits = onlyIfPages === undefined || file.pageCount === onlyIfPages;
  return finishPrintedFile(file, meta, fits ? pageOutline(file, bookmarks) : []);
}
