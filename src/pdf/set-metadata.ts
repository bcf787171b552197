import { PdfName, PdfString, type PdfDict, type PdfValue } from './pdf-syntax.js';
import type { PdfUpdate } from './pdf-update.js';
import { escapeHtml } from '../html/escape-html.js';

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

/** A PDF date (`D:20261201165319+00'00'`, §7.9.4) as an ISO 8601 date-time in UTC, or undefined when it is not one. */
export function isoFromPdfDate(text: string): string | undefined {
  const m = /^D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(?:([Z+-])(\d{2})?'?(\d{2})?'?)?$/.exec(text.trim());
  if (!m) return undefined;
  const [, y, mo = '01', d = '01', h = '00', mi = '00', s = '00', sign, oh = '00', om = '00'] = m;
  const offset = sign === '+' || sign === '-' ? (sign === '+' ? 1 : -1) * (Number(oh) * 60 + Number(om)) : 0;
  const utc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)) - offset * 60_000;
  return Number.isNaN(utc) ? undefined : new Date(utc).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Text for XML element content and attribute values; control characters, which XML 1.0 forbids, are dropped. */
function xml(text: string): string {
  // The characters XML 1.0 does not allow: https://www.w3.org/TR/xml/#charsets
  return escapeHtml(text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, ''));
}

/**
 * The same document information as an XMP packet (ISO 16684-1; the PDF's `/Metadata` stream, ISO 32000-1 §14.3.2),
 * which document-management systems, archives and PDF 2.0 readers read instead of the information dictionary.
 */
export function xmpPacket(meta: PdfMetadata, created: string, modified: string): string {
  const alt = (text: string) => `<rdf:Alt><rdf:li xml:lang="x-default">${xml(text)}</rdf:li></rdf:Alt>`;
  const list = (kind: 'Seq' | 'Bag', items: readonly string[]) => `<rdf:${kind}>${items.map((item) => `<rdf:li>${xml(item)}</rdf:li>`).join('')}</rdf:${kind}>`;
  const fields = [
    '<dc:format>application/pdf</dc:format>',
    `<dc:title>${alt(meta.title)}</dc:title>`,
    meta.author ? `<dc:creator>${list('Seq', [meta.author])}</dc:creator>` : '',
    meta.subject ? `<dc:description>${alt(meta.subject)}</dc:description>` : '',
    meta.keywords?.length ? `<dc:subject>${list('Bag', meta.keywords)}</dc:subject>` : '',
    meta.lang ? `<dc:language>${list('Bag', [meta.lang])}</dc:language>` : '',
    meta.keywords?.length ? `<pdf:Keywords>${xml(meta.keywords.join(', '))}</pdf:Keywords>` : '',
    `<pdf:Producer>${xml(`${meta.creator} (Chromium)`)}</pdf:Producer>`,
    `<xmp:CreatorTool>${xml(meta.creator)}</xmp:CreatorTool>`,
    `<xmp:CreateDate>${created}</xmp:CreateDate>`,
    `<xmp:ModifyDate>${modified}</xmp:ModifyDate>`,
    `<xmp:MetadataDate>${modified}</xmp:MetadataDate>`,
  ].filter(Boolean);
  return [
    '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>',
    '<x:xmpmeta xmlns:x="adobe:ns:meta/">',
    '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
    '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">',
    ...fields,
    '</rdf:Description>',
    '</rdf:RDF>',
    '</x:xmpmeta>',
    '<?xpacket end="w"?>',
  ].join('\n');
}

/**
 * Sets Title, Author, Subject, Keywords, Creator, Producer and the modification date (keeping Chromium's creation
 * date), in the information dictionary and as XMP metadata, asks viewers to show the title rather than the file
 * name, and sets the document language.
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
  const modified = now.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const createdIso = (created instanceof PdfString && isoFromPdfDate(created.decodeText())) || modified;
  // Uncompressed, as XMP is meant to be found and read by tools that know nothing of PDF (§14.3.2).
  const metadata = update.addStream(new Map<string, PdfValue>([['Type', new PdfName('Metadata')], ['Subtype', new PdfName('XML')]]), Buffer.from(xmpPacket(meta, createdIso, modified), 'utf8'));
  update.editCatalog((catalog) => {
    catalog.set('Metadata', metadata);
    const preferences = new Map(update.file.dict(catalog.get('ViewerPreferences')) ?? []);
    preferences.set('DisplayDocTitle', true);
    catalog.set('ViewerPreferences', preferences);
    if (meta.lang) catalog.set('Lang', PdfString.text(meta.lang));
  });
}
