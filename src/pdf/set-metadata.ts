import type { PDFDocument } from 'pdf-lib';
import { appendInfo, catalogText } from './append-info.js';

/** Document information written into a PDF. */
export interface PdfMetadata {
  title: string;
  author?: string;
  subject?: string;
  keywords?: string[];
  lang?: string;
  creator: string;
}

/**
 * Writes Title, Author, Subject, Keywords, Creator and Producer into PDF bytes. Chromium's own PDFs already
 * carry the language and "display the title" (from `<html lang>` and tagging), so an appended update is
 * enough; any other PDF is rewritten with pdf-lib, loaded only then.
 */
export async function setPdfMetadata(bytes: Uint8Array, meta: PdfMetadata): Promise<Uint8Array> {
  const catalog = catalogText(bytes);
  const complete = catalog !== undefined && (!meta.lang || /\/Lang\b/.test(catalog)) && /\/DisplayDocTitle\s+true/.test(catalog);
  const fast = complete
    ? appendInfo(bytes, {
        Title: meta.title,
        Author: meta.author,
        Subject: meta.subject,
        Keywords: meta.keywords && meta.keywords.length > 0 ? meta.keywords.join(', ') : undefined,
        Creator: meta.creator,
        Producer: `${meta.creator} (Chromium)`,
        date: new Date(),
      })
    : undefined;
  if (fast) return fast;
  const { PDFDocument: Document } = await import('pdf-lib');
  const pdf = await Document.load(bytes, { updateMetadata: false });
  applyMetadata(pdf, meta);
  return pdf.save({ useObjectStreams: false });
}

/** Sets the metadata on an already loaded PDF (for post-processors that do more than one thing). */
export function applyMetadata(pdf: PDFDocument, meta: PdfMetadata): void {
  pdf.setTitle(meta.title, { showInWindowTitleBar: true });
  if (meta.author) pdf.setAuthor(meta.author);
  if (meta.subject) pdf.setSubject(meta.subject);
  // pdf-lib joins keywords with spaces, which runs multi-word keywords together; commas keep them apart.
  if (meta.keywords && meta.keywords.length > 0) pdf.setKeywords([meta.keywords.join(', ')]);
  pdf.setCreator(meta.creator);
  pdf.setProducer(`${meta.creator} (Chromium, pdf-lib)`);
  if (meta.lang) pdf.setLanguage(meta.lang);
  pdf.setModificationDate(new Date());
}
