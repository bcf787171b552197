import { PdfString, type PdfDict, type PdfValue } from './pdf-syntax.js';
import type { PdfUpdate } from './pdf-update.js';

/** Document information written into a PDF. */
export interface PdfMetadata {
  title: string;
  author?: string;
  subject?: string;
  keywords?: string[];
  lang?: string;
  creator: string;
}

/** A date as PDF writes it (§7.9.4), in UTC: `D:20261201083354Z`. */
export function pdfDate(date: Date): string {
  return `D:${date.toISOString().replace(/[-:T]/g, '').slice(0, 14)}Z`;
}

/**
 * Sets Title, Author, Subject, Keywords, Creator, Producer and the modification date (keeping Chromium's creation
 * date), asks viewers to show the title rather than the file name, and sets the document language.
 */
export function applyMetadata(update: PdfUpdate, meta: PdfMetadata, now = new Date()): void {
  const original = update.file.dict(update.file.trailer.get('Info'));
  const info: PdfDict = new Map<string, PdfValue>([['Title', PdfString.text(meta.title)]]);
  if (meta.author) info.set('Author', PdfString.text(meta.author));
  if (meta.subject) info.set('Subject', PdfString.text(meta.subject));
  // Commas keep multi-word keywords apart.
  if (meta.keywords && meta.keywords.length > 0) info.set('Keywords', PdfString.text(meta.keywords.join(', ')));
  info.set('Creator', PdfString.text(meta.creator));
  info.set('Producer', PdfString.text(`${meta.creator} (Chromium)`));
  const created = original?.get('CreationDate');
  if (created instanceof PdfString) info.set('CreationDate', created);
  info.set('ModDate', PdfString.text(pdfDate(now)));
  update.setInfo(info);
  update.editCatalog((catalog) => {
    const preferences = new Map(update.file.dict(catalog.get('ViewerPreferences')) ?? []);
    preferences.set('DisplayDocTitle', true);
    catalog.set('ViewerPreferences', preferences);
    if (meta.lang) catalog.set('Lang', PdfString.text(meta.lang));
  });
}
