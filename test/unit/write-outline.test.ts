import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFRef } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { PdfFile } from '../../src/pdf/pdf-file.js';
import { PdfName } from '../../src/pdf/pdf-syntax.js';
import { PdfUpdate } from '../../src/pdf/pdf-update.js';
import { pageOutline, writeOutline } from '../../src/pdf/write-outline.js';

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

/** A small PDF as pdf-lib saves it (a classic cross-reference table, like Chromium's), with `pages` pages. */
async function blankPdf(pages: number, outline = false): Promise<PdfFile> {
  const pdf = await PDFDocument.create({ updateMetadata: false });
  for (let i = 0; i < pages; i += 1) pdf.addPage();
  if (outline) pdf.catalog.set(PDFName.of('Outlines'), pdf.context.register(pdf.context.obj({ Type: 'Outlines', Count: 0 })));
  return PdfFile.parse(await pdf.save({ useObjectStreams: false }));
}

describe('writing the PDF outline', () => {
  it('nests entries under the nearest earlier entry of a lower level and counts them', async () => {
    const update = new PdfUpdate(await blankPdf(2));
    const [first, second] = update.file.pageRefs();
    writeOutline(update, [
      { title: 'Cover', level: 1, destination: [first, new PdfName('XYZ'), 0, 800, null] },
      { title: '1 One', level: 1, destination: [second, new PdfName('XYZ'), 0, 800, null] },
      { title: '1.1 Detail', level: 2, destination: [second, new PdfName('XYZ'), 0, 400.5, null] },
      { title: '1.1.1 Deeper', level: 3, destination: [second, new PdfName('Fit')] },
      { title: '2 Two — 둘', level: 1, destination: [second, new PdfName('Fit')] },
    ]);
    const pdf = await PDFDocument.load(update.bytes());
    const root = pdf.catalog.lookup(PDFName.of('Outlines'), PDFDict);
    expect(titles(pdf, root.get(PDFName.of('First')))).toEqual(['Cover', '1 One', '  1.1 Detail', '    1.1.1 Deeper', '2 Two — 둘']);
    expect((root.get(PDFName.of('Count')) as PDFNumber).asNumber()).toBe(5);
    expect(pdf.catalog.get(PDFName.of('PageMode'))).toBe(PDFName.of('UseOutlines'));
    const detail = pdf.context.lookup((pdf.context.lookup(root.get(PDFName.of('First')) as PDFRef, PDFDict).get(PDFName.of('Next')) as PDFRef), PDFDict);
    const dest = detail.lookup(PDFName.of('First'), PDFDict).lookup(PDFName.of('Dest'), PDFArray);
    expect(dest.get(0)).toBe(pdf.getPages()[1].ref);
    expect(dest.lookup(3, PDFNumber).asNumber()).toBe(400.5);
  });

  it('opens each page fitted to the window for a deck, skipping entries past the last page', async () => {
    const update = new PdfUpdate(await blankPdf(2));
    writeOutline(update, pageOutline(update.file, [{ title: 'One', pageIndex: 0 }, { title: 'Two', pageIndex: 1 }, { title: 'Gone', pageIndex: 2 }]));
    const pdf = await PDFDocument.load(update.bytes());
    const root = pdf.catalog.lookup(PDFName.of('Outlines'), PDFDict);
    expect(titles(pdf, root.get(PDFName.of('First')))).toEqual(['One', 'Two']);
    const last = pdf.context.lookup(root.get(PDFName.of('Last')) as PDFRef, PDFDict).lookup(PDFName.of('Dest'), PDFArray);
    expect([last.get(0), last.get(1)]).toEqual([pdf.getPages()[1].ref, PDFName.of('Fit')]);
  });

  it('removes the outline when there are no entries', async () => {
    const update = new PdfUpdate(await blankPdf(1, true));
    expect(update.file.catalog.has('Outlines')).toBe(true);
    writeOutline(update, []);
    const pdf = await PDFDocument.load(update.bytes());
    expect(pdf.catalog.get(PDFName.of('Outlines'))).toBeUndefined();
  });
});
