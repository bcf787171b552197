import { deflateSync, inflateSync } from 'node:zlib';
import { PdfName, PdfRef } from './pdf-syntax.js';
import type { PdfUpdate } from './pdf-update.js';

/**
 * A soft hyphen no line broke at, as Chromium (Skia) writes it: an invisible zero-width glyph inside a span whose
 * actual text is U+00AD, after the move to its place. Only the move is kept.
 */
const invisibleSoftHyphen = /\/Span<<\/ActualText <feff00ad> >> BDC\n((?:-?[\d.]+ -?[\d.]+ Td )?)<[0-9a-f]+> Tj\nEMC\n/gi;

/**
 * A ligature formed across an unbroken soft hyphen ("signif\u00adicantly" drawn with an fi ligature): one span whose
 * actual text holds U+00AD, drawing the ligature and then the soft hyphen's invisible glyph, which HarfBuzz shapes as
 * the font's space glyph with no advance (https://harfbuzz.github.io/harfbuzz-hb-buffer.html, "invisible glyph").
 * Extractors that read glyphs rather than the span's text found a space inside the word ("signifi cantly"); the
 * last glyph of such a span is dropped, its move kept.
 */
const ligatureWithSoftHyphen = /(\/Span<<\/ActualText <feff(?:[0-9a-f]{4})*?00ad(?:[0-9a-f]{4})*> >> BDC\n(?:(?:-?[\d.]+ -?[\d.]+ Td )?<[0-9a-f]+> Tj\n)+?)((?:-?[\d.]+ -?[\d.]+ Td )?)<[0-9a-f]+> Tj\nEMC\n/gi;

/** The actual text of a span, as a hex UTF-16BE string (Skia writes every non-ASCII one so). */
const hexActualText = /\/ActualText <feff((?:[0-9a-f]{4})*)>/gi;

/** Content with no soft hyphen in any span's actual text, and the invisible glyphs of unbroken ones gone. */
export function withoutSoftHyphenText(content: string): string {
  return content
    .replace(invisibleSoftHyphen, (_, move: string) => (move ? `${move}\n` : ''))
    .replace(ligatureWithSoftHyphen, (_, span: string, move: string) => `${span}${move ? `${move}\n` : ''}EMC\n`)
    .replace(hexActualText, (whole, units: string) => {
      const kept = units.match(/[0-9a-f]{4}/gi)?.filter((unit) => unit.toLowerCase() !== '00ad') ?? [];
      return kept.length * 4 === units.length ? whole : `/ActualText <feff${kept.join('')}>`;
    });
}

/** A page's content streams, as references (`/Contents` is one stream or an array of them). */
function contentRefs(update: PdfUpdate, page: PdfRef): PdfRef[] {
  const contents = update.file.dict(page)?.get('Contents');
  const list = Array.isArray(contents) ? contents : [contents];
  return list.filter((ref): ref is PdfRef => ref instanceof PdfRef);
}

/**
 * Takes the soft hyphens (U+00AD) out of the PDF's text. Chromium writes one into the text for every soft hyphen of
 * the page, broken at or not, so "mis\u00adsile" was not found by a search for "missile" nor pasted whole. Where a
 * line breaks at one, the hyphen drawn stays (as U+2010), which readers join across lines; nothing drawn changes.
 * Only Flate-compressed content streams holding one are rewritten, in the update.
 */
export function dropSoftHyphenText(update: PdfUpdate): void {
  const seen = new Set<number>();
  for (const page of update.file.pageRefs()) {
    for (const ref of contentRefs(update, page)) {
      if (seen.has(ref.num)) continue;
      seen.add(ref.num);
      const stream = update.file.stream(ref);
      const filter = stream?.dict.get('Filter');
      if (!stream || !(filter instanceof PdfName) || filter.text !== 'FlateDecode' || stream.dict.has('DecodeParms')) continue;
      const content = inflateSync(stream.data).toString('latin1');
      if (!/feff(?:[0-9a-f]{4})*?00ad/i.test(content)) continue;
      update.setStream(ref, stream.dict, deflateSync(Buffer.from(withoutSoftHyphenText(content), 'latin1')));
    }
  }
}
