import { PDFDocument, PDFName, PDFString } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { PdfFile } from '../../src/pdf/pdf-file.js';
import { PdfLexer, PdfName, PdfRef, PdfString, PdfSyntaxError, serialize, type PdfDict } from '../../src/pdf/pdf-syntax.js';
import { PdfUpdate } from '../../src/pdf/pdf-update.js';
import { applyMetadata } from '../../src/pdf/set-metadata.js';

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
    expect(value.get('F G')).toEqual(new PdfName('xé'));
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
    expect(checked).toBe(3);
  });

  it('leaves the bytes as they were when nothing changed', async () => {
    const original = await samplePdf();
    expect(new PdfUpdate(PdfFile.parse(original)).bytes()).toBe(original);
  });
});
