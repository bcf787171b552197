import { PDFDocument } from 'pdf-lib';

/** Document information written into a PDF. */
export interface PdfMetadata {
  title: string;
  author?: string;
  subject?: string;
  keywords?: string[];
  lang?: string;
  creator: string;
}

/** Writes Title, Author, Subject, Keywords, Creator, Producer and the document language into PDF bytes. */
export async function setPdfMetadata(bytes: Uint8Array, meta: PdfMetadata): Promise<Uint8Array> {
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
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
