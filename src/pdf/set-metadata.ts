import type { PDFDocument } from 'pdf-lib';

/** Document information written into a PDF. */
export interface PdfMetadata {
  title: string;
  author?: string;
  subject?: string;
  keywords?: string[];
  lang?: string;
  creator: string;
}

/** Sets Title, Author, Subject, Keywords, Creator, Producer and language on a loaded PDF; every PDF we make is
 * loaded once by pdf-lib anyway for its outline, so metadata rides along in that one save. */
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
