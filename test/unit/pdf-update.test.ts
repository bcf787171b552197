import { PDFDocument, PDFName, PDFString } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { PdfFile } from '../../src/pdf/pdf-file.js';
import { PdfLexer, PdfName, PdfRef, PdfString, PdfSyntaxError, serialize, type PdfDict } from '../../src/pdf/pdf-syntax.js';
import { PdfUpdate } from '../../src/pdf/pdf-update.js';
import { mapPdf2StructureRoles } from '../../src/pdf/map-structure-roles.js';
import { applyMetadata, isoFromPdfDate } from '../../src/pdf/set-metadata.js';

const read = (text: string) => new PdfLexer(Buffer.from(text, 'latin1')).value();

/** A PDF as pdf-lib saves it: a classic cross-reference table, as Chromium writes. */
async function samplePdf(pages = 2): Promise<Uint8Array> {
  const pdf = await PDFDocument.create({ updateMetadata: false });
  for (let i = 0; i < pages; i += 1) pdf.addPage([200 + i, 300]);
  pdf.setTitle('Old');
  pdf.setCreator('Chromium');
  pdf.getInfoDict().set(PDFName.of('CreationDate'), PDFString.of("D:20200102030405+00'00'"));
  return pdf.save({ useObjectStreams: false });
}

describe('reading PDF objects', () => {
  it('tells references from pairs of numbers and reads every kind of object', () => {
    const value = read("<</A [1 0 R 1 2 /Fit -3.5 .5] /B (a\\(b\\)c \\101\\n (nested)) /C <48 65 6C6C6F> /D true /E null % a comment\n/F#20G /x#C3#A9>>") as PdfDict;
    expect(value.get('A')).toEqual([new PdfRef(1, 0), 1, 2, new PdfName('Fit'), -3.5, 0.5]);
    expect((value.get('B') as PdfString).decodeText()).toBe('a(b)c A\n (nested)');
    expect((value.get('C') as PdfString).decodeText()).toBe('Hello');
    expect([value.get('D'), value.get('E')]).toEqual([true, null]);
    expect((value.get('F G') as PdfName).utf8()).toBe('xé');
  });

  it('reads integers and references however they are spaced, commented or ended', () => {
    expect(read('[12 %a comment\n0 R 7 0 R/Name 3 4 5 12.5 -3 +4 .5 007 9]')).toEqual([new PdfRef(12, 0), new PdfRef(7, 0), new PdfName('Name'), 3, 4, 5, 12.5, -3, 4, 0.5, 7, 9]);
    expect(read('3 1 R')).toEqual(new PdfRef(3, 1));
    expect(read('42')).toBe(42);
    expect(() => read('[12 0 Rx]')).toThrow(PdfSyntaxError);
  });

  it('reads an end of line inside a string as LF, and text in PDFDocEncoding or UTF-16 with characters beyond the BMP', () => {
    expect([...(read('(a\r\nb\rc)') as PdfString).bytes]).toEqual([0x61, 0x0a, 0x62, 0x0a, 0x63]);
    expect((read('<84 93>') as PdfString).decodeText()).toBe('—ﬁ');
    expect(PdfString.text('Test 🚀 한국어').decodeText()).toBe('Test 🚀 한국어');
  });

  it('writes a name back byte for byte, even when its bytes are not UTF-8', () => {
    expect(serialize(read('/caf#E9'))).toBe('/caf#e9');
    expect(serialize(read('<</caf#E9 1>>'))).toBe('<</caf#e9 1>>');
  });

  it('writes what it reads back unchanged', () => {
    const value = read('<</Title <FEFF00E9> /Kids [3 0 R 4 0 R] /Box [0 0 595.28 841.89] /N /A#2FB>>');
    expect(read(serialize(value))).toEqual(value);
    expect(serialize(0.1 + 0.2)).toBe('0.3');
    expect(serialize(PdfString.text('가'))).toBe('<FEFFAC00>');
  });

  it('fails with a PdfSyntaxError on bytes that are not PDF objects', () => {
    expect(() => read('<</A 1')).toThrow(PdfSyntaxError);
    expect(() => read(')')).toThrow(PdfSyntaxError);
    expect(() => read('<4G41>')).toThrow(PdfSyntaxError);
    expect(() => serialize(1e21)).toThrow(PdfSyntaxError);
    expect(() => PdfFile.parse(Buffer.from('%PDF-1.4\nnothing here'))).toThrow(/startxref/);
  });
});

describe('a PDF changed by an incremental update', () => {
  it('keeps the original bytes and is read back by pdf-lib with the new objects', async () => {
    const original = await samplePdf();
    const file = PdfFile.parse(original);
    expect(file.pageCount).toBe(2);
    const update = new PdfUpdate(file);
    applyMetadata(update, { title: 'Nouveau — 새', author: 'Team', keywords: ['a b', 'c'], creator: 'briefkit test', lang: 'ko' }, new Date(Date.UTC(2026, 11, 1, 8, 30)));
    const bytes = update.bytes();
    expect(Buffer.from(bytes.subarray(0, original.length)).equals(Buffer.from(original))).toBe(true);
    const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
    expect([pdf.getTitle(), pdf.getAuthor(), pdf.getKeywords(), pdf.getCreator()]).toEqual(['Nouveau — 새', 'Team', 'a b, c', 'briefkit test']);
    expect(pdf.getCreationDate()?.toISOString()).toBe('2020-01-02T03:04:05.000Z');
    expect(pdf.getModificationDate()?.toISOString()).toBe('2026-12-01T08:30:00.000Z');
    expect(pdf.getPageCount()).toBe(2);
  });

  it('appends XMP metadata saying the same, dates included, as a new uncompressed stream the catalog names', async () => {
    const original = await samplePdf();
    const update = new PdfUpdate(PdfFile.parse(original));
    applyMetadata(update, { title: 'A & B <C>', author: 'Team', subject: 'Handout', keywords: ['a b', '북한'], creator: 'briefkit test', lang: 'ko' }, new Date(Date.UTC(2026, 11, 1, 8, 30)));
    const bytes = update.bytes();
    // Appended: the original bytes stay as they were.
    expect(Buffer.from(bytes.subarray(0, original.length)).equals(Buffer.from(original))).toBe(true);
    const file = PdfFile.parse(bytes);
    const stream = file.stream(file.catalog.get('Metadata') as PdfRef);
    expect(stream?.dict.get('Subtype')).toEqual(new PdfName('XML'));
    expect(stream?.dict.has('Filter')).toBe(false);
    const xmp = Buffer.from(stream?.data ?? []).toString('utf8');
    expect(xmp).toContain('<dc:title><rdf:Alt><rdf:li xml:lang="x-default">A &amp; B &lt;C&gt;</rdf:li></rdf:Alt></dc:title>');
    expect(xmp).toContain('<dc:subject><rdf:Bag><rdf:li>a b</rdf:li><rdf:li>북한</rdf:li></rdf:Bag></dc:subject>');
    expect(xmp).toContain('<dc:language><rdf:Bag><rdf:li>ko</rdf:li></rdf:Bag></dc:language>');
    expect(xmp).toContain('<xmp:CreateDate>2020-01-02T03:04:05Z</xmp:CreateDate>');
    expect(xmp).toContain('<xmp:ModifyDate>2026-12-01T08:30:00Z</xmp:ModifyDate>');
  });

  it('reads PDF dates with their time zone, and nothing that is not one', () => {
    expect(isoFromPdfDate("D:20261201165319+00'00'")).toBe('2026-12-01T16:53:19Z');
    expect(isoFromPdfDate("D:20261201165319+09'00'")).toBe('2026-12-01T07:53:19Z');
    expect(isoFromPdfDate('D:20261201165319Z')).toBe('2026-12-01T16:53:19Z');
    expect(isoFromPdfDate('D:2026')).toBe('2026-01-01T00:00:00Z');
    expect(isoFromPdfDate('yesterday')).toBeUndefined();
  });

  it('maps the PDF 2.0 tag types Chromium writes (Strong, Em) to Span, keeping the role map a file has', async () => {
    const pdf = await PDFDocument.create({ updateMetadata: false });
    pdf.addPage([200, 300]);
    const root = pdf.context.obj({ Type: 'StructTreeRoot', RoleMap: { Custom: PDFName.of('P'), Em: PDFName.of('Span') } });
    pdf.catalog.set(PDFName.of('StructTreeRoot'), pdf.context.register(root));
    const update = new PdfUpdate(PdfFile.parse(await pdf.save({ useObjectStreams: false })));
    mapPdf2StructureRoles(update);
    const file = PdfFile.parse(update.bytes());
    const roleMap = file.dict(file.dict(file.catalog.get('StructTreeRoot'))?.get('RoleMap'));
    expect(Object.fromEntries([...(roleMap ?? [])].map(([k, v]) => [k, (v as PdfName).text]))).toEqual({ Custom: 'P', Em: 'Span', Strong: 'Span', Sub: 'Span' });
    // An untagged file is left alone.
    const plain = new PdfUpdate(PdfFile.parse(await samplePdf()));
    mapPdf2StructureRoles(plain);
    expect(plain.bytes()).toBe(plain.file.bytes);
  });

  it('can be updated again, the newest version of an object winning', async () => {
    const first = new PdfUpdate(PdfFile.parse(await samplePdf()));
    applyMetadata(first, { title: 'First', creator: 'x' });
    const second = new PdfUpdate(PdfFile.parse(first.bytes()));
    applyMetadata(second, { title: 'Second', creator: 'x' });
    const file = PdfFile.parse(second.bytes());
    expect((file.dict(file.trailer.get('Info'))?.get('Title') as PdfString).decodeText()).toBe('Second');
    expect(file.pageRefs()).toHaveLength(2);
    expect((await PDFDocument.load(second.bytes(), { updateMetadata: false })).getTitle()).toBe('Second');
  });

  it('points every cross-reference entry at its object', async () => {
    const update = new PdfUpdate(PdfFile.parse(await samplePdf()));
    update.add(new Map([['Hello', PdfString.text('world')]]));
    applyMetadata(update, { title: 'T', creator: 'x' });
    const bytes = Buffer.from(update.bytes());
    const table = /(?<!start)xref\n([\s\S]*?)trailer/g;
    const sections = [...bytes.toString('latin1').matchAll(table)];
    const last = sections[sections.length - 1][1].split('\n').filter(Boolean);
    let checked = 0;
    for (let i = 0; i < last.length; ) {
      const [start, count] = last[i].split(' ').map(Number);
      for (let k = 0; k < count; k += 1) {
        const line = last[i + 1 + k];
        expect(line.length).toBe(19);
        expect(bytes.toString('latin1', Number(line.slice(0, 10)), Number(line.slice(0, 10)) + 12)).toMatch(new RegExp(`^${start + k} 0 obj`));
        checked += 1;
      }
      i += count + 1;
    }
    // The added object, the information dictionary, the catalog and the XMP stream.
    expect(checked).toBe(4);
  });

  it('keeps the generation number of an object it replaces', async () => {
    const text = '%PDF-1.4\n1 1 obj\n<</Type /Catalog /Pages 2 0 R>>\nendobj\n2 0 obj\n<</Type /Pages /Kids [] /Count 0>>\nendobj\n';
    const xref = text.length;
    const bytes = Buffer.from(`${text}xref\n0 3\n0000000000 65535 f \n0000000009 00001 n \n${String(text.indexOf('2 0 obj')).padStart(10, '0')} 00000 n \ntrailer\n<</Size 3 /Root 1 1 R>>\nstartxref\n${xref}\n%%EOF\n`, 'latin1');
    const update = new PdfUpdate(PdfFile.parse(bytes));
    applyMetadata(update, { title: 'T', creator: 'x', lang: 'en' });
    const updated = Buffer.from(update.bytes()).toString('latin1');
    expect(updated).toContain('\n1 1 obj\n');
    expect(PdfFile.parse(update.bytes()).catalog.get('Lang')).toBeInstanceOf(PdfString);
  });

  it('refuses an encrypted PDF rather than write unencrypted strings into it', async () => {
    const bytes = Buffer.from(Buffer.from(await samplePdf()).toString('latin1').replace('/Root', '/Encrypt 9 0 R /Root'), 'latin1');
    expect(() => PdfFile.parse(bytes)).toThrow(/Encrypt/);
  });

  it('leaves the bytes as they were when nothing changed', async () => {
    const original = await samplePdf();
    expect(new PdfUpdate(PdfFile.parse(original)).bytes()).toBe(original);
  });
});

describe('a PDF with a stream replaced', () => {
  it('is written afresh: the new stream in, the old one gone, every other object as it was', async () => {
    const pdf = await PDFDocument.create({ updateMetadata: false });
    const page = pdf.addPage([200, 300]);
    page.drawText('OLD-CONTENT', { x: 10, y: 10 });
    pdf.setTitle('Kept');
    const original = PdfFile.parse(await pdf.save({ useObjectStreams: false }));
    const pageRef = original.pageRefs()[0];
    const contents = original.dict(pageRef)?.get('Contents');
    const ref = (Array.isArray(contents) ? contents[0] : contents) as PdfRef;
    const update = new PdfUpdate(original);
    const data = Buffer.from('BT /F1 12 Tf 10 10 Td (NEW) Tj ET', 'latin1');
    update.setStream(ref, new Map(), data);
    const rewritten = update.bytes();
    const text = Buffer.from(rewritten).toString('latin1');
    expect(text).not.toContain('/Prev');
    expect(text).toContain('(NEW) Tj');
    const file = PdfFile.parse(rewritten);
    expect(file.stream(ref)?.data.toString()).toBe(data.toString());
    expect(file.pageCount).toBe(1);
    expect(file.objectNumbers().sort()).toEqual(original.objectNumbers().sort());
    // The old content is gone: pdf-lib compressed it, so its stream bytes must not be found in the new file.
    const old = original.stream(ref)?.data ?? new Uint8Array();
    expect(Buffer.from(rewritten).indexOf(Buffer.from(old))).toBe(-1);
    const reloaded = await PDFDocument.load(rewritten, { updateMetadata: false });
    expect(reloaded.getTitle()).toBe('Kept');
    expect(reloaded.getPageCount()).toBe(1);
  });
});
