import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { PdfFile } from '../../src/pdf/pdf-file.js';
import { PdfRef, PdfSyntaxError, type PdfDict, type PdfValue } from '../../src/pdf/pdf-syntax.js';
import { splitPdf } from '../../src/pdf/split-pdf.js';

/** A PDF from numbered object bodies (streams given as their data), with a correct cross-reference table. */
function pdfOf(objects: Record<number, string | { stream: string; dict?: string }>, trailer = '/Root 1 0 R /Info 40 0 R'): Uint8Array {
  let text = '%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n';
  const offsets = new Map<number, number>();
  for (const [num, body] of Object.entries(objects)) {
    offsets.set(Number(num), Buffer.byteLength(text, 'latin1'));
    const value = typeof body === 'string' ? body : `<<${body.dict ?? ''} /Length ${body.stream.length}>>\nstream\n${body.stream}\nendstream`;
    text += `${num} 0 obj\n${value}\nendobj\n`;
  }
  const size = Math.max(...offsets.keys()) + 1;
  const xref = Buffer.byteLength(text, 'latin1');
  text += `xref\n0 ${size}\n`;
  for (let num = 0; num < size; num += 1) {
    const at = offsets.get(num);
    text += at === undefined ? `0000000000 ${num === 0 ? '65535' : '00000'} f \n` : `${String(at).padStart(10, '0')} 00000 n \n`;
  }
  text += `trailer\n<</Size ${size} ${trailer}>>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(text, 'latin1');
}

/**
 * Three pages: two of the deck (sharing font F1) and one of the handout (with font F2 of its own, a link annotation
 * and an element with alternate text); a figure has content on a deck page and on the handout page.
 */
const objects: Record<number, string | { stream: string; dict?: string }> = {
  1: '<</Type /Catalog /Pages 2 0 R /StructTreeRoot 20 0 R /MarkInfo <</Marked true>> /Dests 30 0 R>>',
  2: '<</Type /Pages /Kids [3 0 R] /Count 3 /MediaBox [0 0 200 100]>>',
  3: '<</Type /Pages /Parent 2 0 R /Kids [4 0 R 5 0 R 6 0 R] /Count 3>>',
  4: '<</Type /Page /Parent 3 0 R /Contents 7 0 R /Resources <</Font <</F1 10 0 R>>>> /StructParents 0>>',
  5: '<</Type /Page /Parent 3 0 R /Contents 8 0 R /Resources <</Font <</F1 10 0 R>>>> /StructParents 1>>',
  6: '<</Type /Page /Parent 3 0 R /MediaBox [0 0 300 400] /Contents 9 0 R /Resources <</Font <</F1 10 0 R /F2 11 0 R>>>> /StructParents 2 /Annots [12 0 R]>>',
  7: { stream: 'BT /F1 12 Tf (deck one) Tj ET' },
  8: { stream: 'BT /F1 12 Tf (deck two endobj) Tj ET' },
  9: { stream: 'BT /F2 12 Tf (HANDOUT-ONLY notes) Tj ET' },
  10: '<</Type /Font /Subtype /Type1 /BaseFont /Helvetica>>',
  11: '<</Type /Font /Subtype /Type1 /BaseFont /HandoutFont>>',
  12: '<</Type /Annot /Subtype /Link /Rect [0 0 10 10] /StructParent 3 /Dest [6 0 R /XYZ 0 400 0]>>',
  20: '<</Type /StructTreeRoot /K 21 0 R /ParentTree 25 0 R /ParentTreeNextKey 4>>',
  21: '<</Type /StructElem /S /Document /P 20 0 R /K [22 0 R 23 0 R 27 0 R]>>',
  22: '<</Type /StructElem /S /Sect /P 21 0 R /K [24 0 R 26 0 R]>>',
  23: '<</Type /StructElem /S /Art /P 21 0 R /Pg 6 0 R /K [0 <</Type /OBJR /Obj 12 0 R>>] /Alt (HANDOUT-ALT)>>',
  24: '<</Type /StructElem /S /P /P 22 0 R /Pg 4 0 R /K 0>>',
  25: '<</Nums [0 [24 0 R] 1 [26 0 R 27 0 R] 2 [23 0 R 27 0 R] 3 23 0 R]>>',
  26: '<</Type /StructElem /S /P /P 22 0 R /Pg 5 0 R /K [0]>>',
  27: '<</Type /StructElem /S /Figure /P 21 0 R /K [<</Type /MCR /Pg 5 0 R /MCID 1>> <</Type /MCR /Pg 6 0 R /MCID 1>>]>>',
  30: '<</a [4 0 R /XYZ 0 100 0] /b [6 0 R /XYZ 0 400 0]>>',
  40: '<</Producer (test)>>',
};

/** The file as text, with every hex string also written out, since objects briefkit rewrites hold strings in hex. */
const text = (bytes: Uint8Array) => {
  const raw = Buffer.from(bytes).toString('latin1');
  return `${raw}\n${[...raw.matchAll(/<([0-9A-Fa-f]+)>/g)].map((m) => Buffer.from(m[1], 'hex').toString('latin1')).join('\n')}`;
};
const refNums = (value: PdfValue | undefined) => (Array.isArray(value) ? value : [value]).map((v) => (v instanceof PdfRef ? v.num : v));

/** The structure elements of a part, read back: the document's children and the parent tree's keys. */
function structure(file: PdfFile): { documentKids: unknown[]; keys: unknown[]; figureKids: PdfValue | undefined } {
  const root = file.dict(file.catalog.get('StructTreeRoot')) as PdfDict;
  const top = root.get('K');
  const document = file.dict(Array.isArray(top) ? top[0] : top) as PdfDict;
  const nums = (file.dict(root.get('ParentTree'))?.get('Nums') ?? []) as PdfValue[];
  return { documentKids: refNums(document.get('K')), keys: nums.filter((_, i) => i % 2 === 0), figureKids: file.dict(new PdfRef(27))?.get('K') };
}

describe('splitting a printed PDF into page ranges', () => {
  const [deck, handout] = splitPdf(pdfOf(objects), [
    [0, 2],
    [2, Infinity],
  ]);

  it('gives each part its own pages, with the attributes they inherited written into them', () => {
    const a = PdfFile.parse(deck);
    const b = PdfFile.parse(handout);
    expect(a.pageCount).toBe(2);
    expect(b.pageCount).toBe(1);
    expect(a.dict(a.pageRefs()[0])?.get('MediaBox')).toEqual([0, 0, 200, 100]);
    expect(b.dict(b.pageRefs()[0])?.get('MediaBox')).toEqual([0, 0, 300, 400]);
    expect(refNums(a.dict(a.pageRefs()[1])?.get('Parent'))).toEqual([2]);
  });

  it('carries nothing of the other part: not its content, fonts or alternate text', () => {
    expect(text(deck)).toContain('(deck one)');
    expect(text(deck)).not.toMatch(/HANDOUT-ONLY|HandoutFont|HANDOUT-ALT/);
    expect(text(handout)).toMatch(/HANDOUT-ONLY/);
    expect(text(handout)).toMatch(/HandoutFont/);
    expect(text(handout)).not.toContain('(deck one)');
    // The font both use goes into both.
    expect(text(deck)).toContain('/Helvetica');
    expect(text(handout)).toContain('/Helvetica');
  });

  it('prunes the structure tree to each part, down to the content references of an element on both', () => {
    const a = structure(PdfFile.parse(deck));
    const b = structure(PdfFile.parse(handout));
    expect(a.documentKids).toEqual([22, 27]);
    expect(b.documentKids).toEqual([23, 27]);
    expect(a.keys).toEqual([0, 1]);
    expect(b.keys).toEqual([2, 3]);
    expect(refNums((a.figureKids as PdfDict[]).map((mcr) => mcr.get('Pg') as PdfValue))).toEqual([5]);
    expect(refNums((b.figureKids as PdfDict[]).map((mcr) => mcr.get('Pg') as PdfValue))).toEqual([6]);
  });

  it('keeps the named destinations that open the part’s own pages', () => {
    expect([...(PdfFile.parse(deck).dict(PdfFile.parse(deck).catalog.get('Dests'))?.keys() ?? [])]).toEqual(['a']);
    expect([...(PdfFile.parse(handout).dict(PdfFile.parse(handout).catalog.get('Dests'))?.keys() ?? [])]).toEqual(['b']);
  });

  it('copies stream data by its length, so data that reads like a keyword is kept whole', () => {
    expect(text(deck)).toContain('(deck two endobj) Tj ET\nendstream\nendobj');
  });

  it('writes files another reader opens', async () => {
    expect((await PDFDocument.load(deck)).getPageCount()).toBe(2);
    expect((await PDFDocument.load(handout)).getPageCount()).toBe(1);
  });

  it('refuses to split where a page of one part links to a page of the other', () => {
    const linked = { ...objects, 4: objects[4].toString().replace('/StructParents 0', '/StructParents 0 /Annots [<</Type /Annot /Subtype /Link /Rect [0 0 1 1] /Dest [6 0 R /Fit]>>]') };
    expect(() => splitPdf(pdfOf(linked), [[0, 2]])).toThrow(PdfSyntaxError);
    expect(() => splitPdf(pdfOf(objects), [[3, 5]])).toThrow(PdfSyntaxError);
  });
});
