import { describe, expect, it } from 'vitest';
import { withoutSoftHyphenText } from '../../src/pdf/drop-soft-hyphen-text.js';

// Content as Chromium 156 (Skia) writes it: one glyph per Tj, a span with /ActualText where a glyph stands for
// other text. <0003> is the zero-width glyph of a soft hyphen no line broke at.
const unbroken = '7.48 0 Td <0044> Tj\n/Span<</ActualText <feff00ad> >> BDC\n9.0299683 0 Td <0003> Tj\nEMC\n0 0 Td <0046> Tj\n';

describe("soft hyphens out of a PDF page's text", () => {
  it('drops the invisible glyph of an unbroken soft hyphen and keeps its move, so the next glyph stays put', () => {
    expect(withoutSoftHyphenText(unbroken)).toBe('7.48 0 Td <0044> Tj\n9.0299683 0 Td \n0 0 Td <0046> Tj\n');
  });

  it("takes a soft hyphen out of a ligature's actual text and leaves other spans as written", () => {
    expect(withoutSoftHyphenText('/Span<</ActualText <feff006600ad0069> >> BDC\n1 0 Td <00c5> Tj\nEMC\n')).toBe('/Span<</ActualText <feff00660069> >> BDC\n1 0 Td <00c5> Tj\nEMC\n');
    const others = '/Span<</ActualText (fi) >> BDC\n1 0 Td <00c5> Tj\nEMC\n/Span<</ActualText <feff00e9> >> BDC\n2 0 Td <0011> Tj\nEMC\n';
    expect(withoutSoftHyphenText(others)).toBe(others);
  });

  it("drops the invisible glyph a ligature across an unbroken soft hyphen draws after itself, so no space splits the word", () => {
    // "signif\u00adicantly" with an fi ligature, and "off\u00adicial" with ffi, as Chromium 156 printed them.
    const fi = '/Span<</ActualText <FEFF006600AD0069> >> BDC\n5.1200104 0 Td <0856> Tj\n10.608017 0 Td <0003> Tj\nEMC\n0 0 Td <0046> Tj\n';
    expect(withoutSoftHyphenText(fi)).toBe('/Span<</ActualText <feff00660069> >> BDC\n5.1200104 0 Td <0856> Tj\n10.608017 0 Td \nEMC\n0 0 Td <0046> Tj\n');
    const ffi = '/Span<</ActualText <FEFF0066006600AD0069> >> BDC\n9.2320251 0 Td <0854> Tj\n16.0320282 0 Td <0003> Tj\nEMC\n';
    expect(withoutSoftHyphenText(ffi)).toBe('/Span<</ActualText <feff006600660069> >> BDC\n9.2320251 0 Td <0854> Tj\n16.0320282 0 Td \nEMC\n');
  });

  it('leaves the first glyph of a text object, which has no move before it, without one', () => {
    expect(withoutSoftHyphenText('/Span<</ActualText <feff00ad> >> BDC\n<0003> Tj\nEMC\n0 0 Td <0046> Tj\n')).toBe('0 0 Td <0046> Tj\n');
  });
});
