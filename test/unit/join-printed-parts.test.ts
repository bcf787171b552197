import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { PrintedPartsJoiner } from '../../src/pdf/join-printed-parts.js';
import { renumberedText } from '../../src/pdf/renumber.js';
import { PdfFile } from '../../src/pdf/pdf-file.js';
import { PdfName, PdfRef, PdfString, type PdfDict, type PdfValue } from '../../src/pdf/pdf-syntax.js';

/** A PDF laid out as Chromium writes one: objects 1..n in order (bodies as given), a classic table, Info 1, Root n. */
function pdfOf(bodies: readonly (string | Buffer)[]): Uint8Array {
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n%\xd3\xeb\xe9\xe1\n', 'latin1')];
  const offsets: number[] = [];
  let at = parts[0].length;
  bodies.forEach((body, i) => {
    offsets.push(at);
    const bytes = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`, 'latin1'), typeof body === 'string' ? Buffer.from(body, 'latin1') : body, Buffer.from('\nendobj\n', 'latin1')]);
    parts.push(bytes);
    at += bytes.length;
  });
  const xref = ['xref', `0 ${bodies.length + 1}`, '0000000000 65535 f ', ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n `)];
  parts.push(Buffer.from(`${xref.join('\n')}\ntrailer\n<</Size ${bodies.length + 1}\n/Root ${bodies.length} 0 R\n/Info 1 0 R>>\nstartxref\n${at}\n%%EOF\n`, 'latin1'));
  return Buffer.concat(parts);
}

/** A stream object's body: its dictionary, then data (here bytes that look like PDF syntax, to be copied untouched). */
function stream(data: string): Buffer {
  return Buffer.concat([Buffer.from(`<</Length ${Buffer.byteLength(data, 'latin1')}>>\nstream\n`, 'latin1'), Buffer.from(data, 'latin1'), Buffer.from('\nendstream', 'latin1')]);
}

/**
 * A tagged part of two pages, shaped like Chromium's: a Document element over one wrapper whose paragraphs mark
 * content on each page, a link annotation on the second page, and named destinations.
 */
function taggedPart(label: string, dest: string): Uint8Array {
  return pdfOf([
    `<</Title (${label})>>`, // 1 Info
    '<</Type /Page\n/Resources <</Font <</F1 17 0 R>>>>\n/Contents 4 0 R\n/StructParents 0\n/Parent 6 0 R>>', // 2
    `<</Type /Page\n/Contents 5 0 R\n/StructParents 1\n/Annots [7 0 R]\n/Parent 6 0 R>>`, // 3
    stream(`BT (${label} one 9 0 R) Tj ET endobj`), // 4
    stream(`BT (${label} two) Tj ET`), // 5
    '<</Type /Pages\n/Count 2\n/Kids [2 0 R 3 0 R]>>', // 6
    `<</Type /Annot\n/Subtype /Link\n/StructParent 2\n/Dest /${dest}>>`, // 7
    '<</Type /StructTreeRoot\n/K 9 0 R\n/ParentTreeNextKey 3\n/ParentTree 14 0 R\n/IDTree 16 0 R>>', // 8
    '<</Type /StructElem\n/S /Document\n/P 8 0 R\n/K 10 0 R>>', // 9
    '<</Type /StructElem\n/S /NonStruct\n/P 9 0 R\n/K [11 0 R 12 0 R]>>', // 10
    `<</Type /StructElem\n/S /P\n/ID (p-${label})\n/A <</O /Table\n/Headers [(shared)]>>\n/P 10 0 R\n/Pg 2 0 R\n/Alt (see 2 0 R \\(not a reference\\))\n/K 0>>`, // 11
    '<</Type /StructElem\n/S /P\n/ID (shared)\n/P 10 0 R\n/Pg 3 0 R\n/K [0 <</Type /OBJR\n/Obj 7 0 R>>]>>', // 12
    '[12 0 R]', // 13 (annotation's parent)
    '<</Nums [0 [11 0 R] 1 [12 0 R] 2 13 0 R]>>', // 14
    `<</${dest} [3 0 R /XYZ 0 100 0]\n/shared [2 0 R /XYZ 0 50 0]>>`, // 15
    `<</Names [(p-${label}) 11 0 R (shared) 12 0 R]>>`, // 16
    '<</Type /Font\n/Subtype /TrueType\n/BaseFont /AAAAAA+NotoSans-Regular\n/FontDescriptor 18 0 R>>', // 17
    '<</Type /FontDescriptor\n/FontName /AAAAAA+NotoSans-Regular\n/Flags 32>>', // 18
    '<</Type /Catalog\n/Pages 6 0 R\n/Dests 15 0 R\n/MarkInfo <</Marked true>>\n/StructTreeRoot 8 0 R\n/Lang (en)>>', // 19
  ]);
}

/** Page refs and a lookup helper for a joined file. */
function read(bytes: Uint8Array): { file: PdfFile; dict: (value: PdfValue | undefined) => PdfDict } {
  const file = PdfFile.parse(bytes);
  return {
    file,
    dict: (value) => {
      const found = file.dict(value);
      if (!found) throw new Error(`not a dictionary: ${String(value)}`);
      return found;
    },
  };
}

/** The content stream data of each page, in order. */
function pageTexts(file: PdfFile): string[] {
  return file.pageRefs().map((page) => Buffer.from(file.stream(file.dict(page)?.get('Contents') as PdfRef)?.data ?? []).toString('latin1'));
}

describe('renumbering references in PDF object text', () => {
  const to = (num: number): number => num + 100;

  it('renumbers each reference, including one after a name that ends in digits', () => {
    expect(renumberedText('<</Font <</F4 4 0 R>>\n/Kids [2 0 R 3 0 R]/P 9 0 R>>', to)).toBe('<</Font <</F4 104 0 R>>\n/Kids [102 0 R 103 0 R]/P 109 0 R>>');
  });

  it('leaves numbers that are not references alone: a count, a box, a name of digits', () => {
    expect(renumberedText('<</Count 2\n/MediaBox [0 0 612 792]\n/12 0>>', to)).toBe('<</Count 2\n/MediaBox [0 0 612 792]\n/12 0>>');
  });

  it('leaves text inside literal strings alone, nested and escaped parentheses included', () => {
    const text = '<</Alt (see 1 0 R (nested 2 0 R) \\) 3 0 R)\n/K 4 0 R>>';
    expect(renumberedText(text, to)).toBe('<</Alt (see 1 0 R (nested 2 0 R) \\) 3 0 R)\n/K 104 0 R>>');
  });
});

describe('joining printed parts', () => {
  const joiner = new PrintedPartsJoiner(taggedPart('First', 'a'));
  joiner.add(taggedPart('Second', 'b'));
  const bytes = joiner.finish();
  const { file, dict } = read(bytes);

  it('keeps every page in order, with its content stream copied byte for byte', () => {
    expect(file.pageCount).toBe(4);
    expect(pageTexts(file)).toEqual(['BT (First one 9 0 R) Tj ET endobj', 'BT (First two) Tj ET', 'BT (Second one 9 0 R) Tj ET endobj', 'BT (Second two) Tj ET']);
  });

  it('writes a file another reader loads, with the same page count', async () => {
    const doc = await PDFDocument.load(bytes, { updateMetadata: false });
    expect(doc.getPageCount()).toBe(4);
    expect(doc.getTitle()).toBe('First');
  });

  it('puts both parts under one Document element whose children point back at it', () => {
    const root = dict(file.catalog.get('StructTreeRoot'));
    const documentRef = root.get('K') as PdfRef;
    const document = dict(documentRef);
    expect((document.get('S') as PdfName).text).toBe('Document');
    expect((document.get('P') as PdfRef).num).toBe((file.catalog.get('StructTreeRoot') as PdfRef).num);
    const kids = document.get('K') as PdfRef[];
    expect(kids).toHaveLength(2);
    for (const kid of kids) expect((dict(kid).get('P') as PdfRef).num).toBe(documentRef.num);
  });

  it('moves the second part’s structure-parent keys past the first part’s, pages and annotations alike', () => {
    const pages = file.pageRefs().map((ref) => dict(ref));
    expect(pages.map((page) => page.get('StructParents'))).toEqual([0, 1, 3, 4]);
    const annotation = dict((pages[3].get('Annots') as PdfValue[])[0]);
    expect(annotation.get('StructParent')).toBe(5);
    const root = dict(file.catalog.get('StructTreeRoot'));
    expect(root.get('ParentTreeNextKey')).toBe(6);
    const nums = dict(root.get('ParentTree')).get('Nums') as PdfValue[];
    expect(nums.filter((_, i) => i % 2 === 0)).toEqual([0, 1, 2, 3, 4, 5]);
    // Key 3 is the second part's first page: its paragraph marks content on that page.
    const paragraph = dict((nums[7] as PdfValue[])[0]);
    expect((paragraph.get('Pg') as PdfRef).num).toBe(file.pageRefs()[2].num);
  });

  it('leaves a reference-like text inside a string as written', () => {
    const document = dict(dict(file.catalog.get('StructTreeRoot')).get('K'));
    const wrapper = dict((document.get('K') as PdfRef[])[1]);
    const paragraph = dict((wrapper.get('K') as PdfRef[])[0]);
    expect((paragraph.get('Alt') as PdfString).decodeText()).toBe('see 2 0 R (not a reference)');
  });

  it('merges named destinations, the first part naming one winning', () => {
    const dests = dict(file.catalog.get('Dests'));
    const pageOf = (name: string): number => file.pageRefs().findIndex((ref) => ref.num === ((dests.get(name) as PdfValue[])[0] as PdfRef).num);
    expect(pageOf('a')).toBe(1);
    expect(pageOf('b')).toBe(3);
    expect(pageOf('shared')).toBe(0);
  });

  it('merges the structure element IDs into one tree, sorted, renaming a later part’s ID another part took', () => {
    const names = dict(dict(file.catalog.get('StructTreeRoot')).get('IDTree')).get('Names') as PdfValue[];
    const keys = names.filter((_, i) => i % 2 === 0).map((key) => (key as PdfString).decodeText());
    expect(keys).toEqual(['p-First', 'p-Second', 'shared', 'shared-2']);
    const pageOf = (i: number): number => file.pageRefs().findIndex((page) => page.num === (dict(names[i]).get('Pg') as PdfRef).num);
    expect([pageOf(1), pageOf(3), pageOf(5), pageOf(7)]).toEqual([0, 2, 1, 3]);
    // The renamed element carries its new ID, and the cell naming it as its header names it so.
    expect((dict(names[7]).get('ID') as PdfString).decodeText()).toBe('shared-2');
    const headers = (element: PdfValue): string[] => ((dict(dict(element).get('A')).get('Headers') as PdfString[]) ?? []).map((id) => id.decodeText());
    expect([headers(names[1]), headers(names[3])]).toEqual([['shared'], ['shared-2']]);
  });

  it('gives the later part’s font subsets tags of their own, the same in the font and its descriptor', () => {
    const fonts = file.pageRefs().flatMap((page) => {
      const resources = file.dict(dict(page).get('Resources'));
      if (!resources) return [];
      const font = dict(dict(resources.get('Font')).get('F1'));
      return [[(font.get('BaseFont') as PdfName).text, (dict(font.get('FontDescriptor')).get('FontName') as PdfName).text]];
    });
    expect(fonts).toEqual([
      ['AAAAAA+NotoSans-Regular', 'AAAAAA+NotoSans-Regular'],
      ['BAAAAA+NotoSans-Regular', 'BAAAAA+NotoSans-Regular'],
    ]);
  });

  it('keeps the first part’s catalog entries and drops the later parts’ document information', () => {
    expect(file.catalog.get('Lang')).toBeDefined();
    expect((dict(file.trailer.get('Info')).get('Title') as PdfString).decodeText()).toBe('First');
    const titles = file.objectNumbers().flatMap((num) => {
      const value = file.object(new PdfRef(num));
      return value instanceof Map && value.has('Title') ? [num] : [];
    });
    expect(titles).toHaveLength(1);
  });
});

describe('joining parts whose trees cannot merge, or that are not tagged', () => {
  it('hangs the top elements of a part with two of them under the root', () => {
    const twoTops = pdfOf([
      '<</Title (Two)>>', // 1
      '<</Type /Page\n/Contents 3 0 R\n/StructParents 0\n/Parent 4 0 R>>', // 2
      stream('BT ET'), // 3
      '<</Type /Pages\n/Count 1\n/Kids [2 0 R]>>', // 4
      '<</Type /StructTreeRoot\n/K [6 0 R 7 0 R]\n/ParentTreeNextKey 1\n/ParentTree 8 0 R>>', // 5
      '<</Type /StructElem\n/S /P\n/P 5 0 R\n/Pg 2 0 R\n/K 0>>', // 6
      '<</Type /StructElem\n/S /Figure\n/P 5 0 R\n/Pg 2 0 R\n/K 1>>', // 7
      '<</Nums [0 [6 0 R 7 0 R]]>>', // 8
      '<</Type /Catalog\n/Pages 4 0 R\n/StructTreeRoot 5 0 R>>', // 9
    ]);
    const joiner = new PrintedPartsJoiner(taggedPart('First', 'a'));
    joiner.add(twoTops);
    const { file, dict } = read(joiner.finish());
    const rootRef = file.catalog.get('StructTreeRoot') as PdfRef;
    const kids = dict(rootRef).get('K') as PdfRef[];
    expect(kids.map((kid) => (dict(kid).get('S') as PdfName).text)).toEqual(['Document', 'P', 'Figure']);
    for (const kid of kids) expect((dict(kid).get('P') as PdfRef).num).toBe(rootRef.num);
    expect(dict(file.pageRefs()[2]).get('StructParents')).toBe(3);
  });

  it('joins untagged parts into pages alone', () => {
    const untagged = (label: string): Uint8Array =>
      pdfOf([`<</Title (${label})>>`, '<</Type /Page\n/Contents 3 0 R\n/Parent 4 0 R>>', stream(`BT (${label}) Tj ET`), '<</Type /Pages\n/Count 1\n/Kids [2 0 R]>>', '<</Type /Catalog\n/Pages 4 0 R>>']);
    const joiner = new PrintedPartsJoiner(untagged('A'));
    joiner.add(untagged('B'));
    joiner.add(untagged('C'));
    const { file } = read(joiner.finish());
    expect(pageTexts(file)).toEqual(['BT (A) Tj ET', 'BT (B) Tj ET', 'BT (C) Tj ET']);
    expect(file.catalog.has('StructTreeRoot')).toBe(false);
  });
});
