import { PDFDocument, PDFHexString, PDFName, type PDFRef } from 'pdf-lib';
import { joinPdfs } from './join-pdfs.js';
import { applyMetadata, type PdfMetadata } from './set-metadata.js';
import { saveOptions } from './pdf-lib-pace.js';

/** One bookmark: its title and the 0-based page it opens. */
export interface OutlineEntry {
  title: string;
  pageIndex: number;
}

/**
 * Writes a flat outline (bookmarks panel) into a loaded PDF: one entry per item, in order, each opening
 * its page fitted to the window; the viewer is asked to show the outline when the file opens.
 * PDF 1.7 (ISO 32000-1) §12.3.3 describes the dictionaries.
 */
export function addOutline(pdf: PDFDocument, entries: readonly OutlineEntry[]): void {
  const pages = pdf.getPages();
  const usable = entries.filter((e) => e.pageIndex >= 0 && e.pageIndex < pages.length);
  if (usable.length === 0) return;
  const { context } = pdf;
  const root = context.nextRef();
  const refs: PDFRef[] = usable.map(() => context.nextRef());
  usable.forEach((entry, i) => {
    const item = context.obj({
      Title: PDFHexString.fromText(entry.title),
      Parent: root,
      Dest: [pages[entry.pageIndex].ref, PDFName.of('Fit')],
    });
    if (i > 0) item.set(PDFName.of('Prev'), refs[i - 1]);
    if (i < refs.length - 1) item.set(PDFName.of('Next'), refs[i + 1]);
    context.assign(refs[i], item);
  });
  context.assign(root, context.obj({ Type: 'Outlines', First: refs[0], Last: refs[refs.length - 1], Count: refs.length }));
  pdf.catalog.set(PDFName.of('Outlines'), root);
  pdf.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
}

/**
 * Post-processes printed PDF bytes once (joined first when printed in chunks, see print-in-chunks.ts): metadata,
 * and an outline when entries are given. With
 * `onlyIfPages`, the outline is written only when the PDF has exactly that many pages (a handout whose
 * long notes ran onto a second page would otherwise get bookmarks pointing at the wrong pages).
 */
export async function finishPdf(bytes: Uint8Array | readonly Uint8Array[], meta: PdfMetadata, outline: readonly OutlineEntry[] = [], onlyIfPages?: number): Promise<Uint8Array> {
  const pdf = await joinPdfs(bytes instanceof Uint8Array ? [bytes] : bytes);
  applyMetadata(pdf, meta);
  if (onlyIfPages === undefined || pdf.getPageCount() === onlyIfPages) addOutline(pdf, outline);
  return pdf.save(saveOptions);
}
