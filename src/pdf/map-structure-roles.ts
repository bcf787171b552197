import { PdfName, PdfRef } from './pdf-syntax.js';
import type { PdfUpdate } from './pdf-update.js';

/**
 * Structure types Chromium tags with that PDF 1.7 does not define (they are PDF 2.0's, ISO 32000-2 §14.8.4.7.2), and
 * the standard type each is read as. `<strong>` and `<em>` become Strong and Em elements in a file that declares
 * PDF 1.4, where a reader not told otherwise rejects them: poppler's `pdfinfo -struct` reported "StructElem object is
 * wrong type" for each and left their text out of the tree. PDF 2.0's standard structure types:
 * https://pdfa.org/resource/iso-32000-2/ (ISO 32000-2 §14.8.4); role maps: https://opensource.adobe.com/dc-acrobat-sdk-docs/pdfstandards/PDF32000_2008.pdf#page=586
 */
const pdf2Roles: Record<string, string> = { Strong: 'Span', Em: 'Span', Sub: 'Span' };

/**
 * Adds a role map (ISO 32000-1 §14.7.3) to a tagged PDF's structure tree root saying Strong, Em and Sub are spans,
 * keeping any mapping the file has already. Untagged files are left as they are.
 */
export function mapPdf2StructureRoles(update: PdfUpdate): void {
  const rootRef = update.file.catalog.get('StructTreeRoot');
  const root = rootRef instanceof PdfRef ? update.file.dict(rootRef) : undefined;
  if (!(rootRef instanceof PdfRef) || !root) return;
  const roleMap = new Map(update.file.dict(root.get('RoleMap')) ?? []);
  const missing = Object.entries(pdf2Roles).filter(([role]) => !roleMap.has(role));
  if (missing.length === 0) return;
  for (const [role, standard] of missing) roleMap.set(role, new PdfName(standard));
  update.set(rootRef, new Map(root).set('RoleMap', roleMap));
}
