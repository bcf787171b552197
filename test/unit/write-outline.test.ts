import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFRef } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { writeOutline } from '../../src/pdf/write-outline.js';

function titles(pdf: PDFDocument, first: unknown, depth = 0): string[] {
  const out: string[] = [];
  let node = first instanceof PDFRef ? pdf.context.lookup(first, PDFDict) : undefined;
  while (node) {
    out.push(`${'  '.repeat(depth)}${(node.lookup(PDFName.of('Title')) as PDFHexString).decodeText()}`);
    out.push(...titles(pdf, node.get(PDFName.of('First')), depth + 1));
    const next = node.get(PDFName.of('Next'));
    node = next instanceof PDFRef ? pdf.context.lookup(next, PDFDict) : undefined;
  }
  return out;
}

describe('writing the PDF outline', () => {
  it('nests entries under the nearest earlier entry of a lower level and counts them', async () => {
    const pdf = await PDFDocument.create();
    const page = pdf.addPage();
    const dest = () => pdf.context.obj([page.ref, PDFName.of('XYZ'), 0, 800, null]) as PDFArray;
    writeOutline(pdf, [
      { title: 'Cover', level: 1, destination: dest() },
      { title: '1 One', level: 1, destination: dest() },
      { title: '1.1 Detail', level: 2, destination: dest() },
      { title: '1.1.1 Deeper', level: 3, destination: dest() },
      { title: '2 Two — 둘', level: 1, destination: dest() },
    ]);
    const root = pdf.catalog.lookup(PDFName.of('Outlines'), PDFDict);
    expect(titles(pdf, root.get(PDFName.of('First')))).toEqual(['Cover', '1 One', '  1.1 Detail', '    1.1.1 Deeper', '2 Two — 둘']);
    expect((root.get(PDFName.of('Count')) as PDFNumber).asNumber()).toBe(5);
    expect(pdf.catalog.get(PDFName.of('PageMode'))).toBe(PDFName.of('UseOutlines'));
  });

  it('removes the outline when there are no entries', async () => {
    const pdf = await PDFDocument.create();
    pdf.catalog.set(PDFName.of('Outlines'), pdf.context.obj({}));
    writeOutline(pdf, []);
    expect(pdf.catalog.get(PDFName.of('Outlines'))).toBeUndefined();
  });
});
