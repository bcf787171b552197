import { finishPrintedFile } from './finish-pdf.js';
import { dropSoftHyphenText } from './drop-soft-hyphen-text.js';
import { nameAnchoredHeadings } from './name-anchored-headings.js';
import type { PdfUpdate } from './pdf-update.js';
import type { MeasuredPrint } from './print-measured.js';
import type { PdfMetadata } from './set-metadata.js';
import type { OutlineEntry } from './write-outline.js';

/** Bookmarks from the measured headings: h1 and h2 at the top level, h3 beneath their h2, h4 beneath that. */
export function reportOutline(headings: MeasuredPrint['headings']): OutlineEntry[] {
  return headings.map((h) => ({ title: h.text, level: Math.max(1, h.level - 1), destination: h.destination }));
}

/**
 * Post-processes the settled report print: headings hung into the margin named for their links, the soft hyphens of
 * hyphenated paragraphs out of the text, bookmarks mirroring the section tree, then document metadata.
 */
export function finishReportPdf(printed: MeasuredPrint, meta: PdfMetadata): Uint8Array {
  const markers = new Set(printed.headings.flatMap((h) => (h.anchor === undefined ? [] : [h.anchor])));
  const edit = (update: PdfUpdate): void => {
    nameAnchoredHeadings(update, markers);
    dropSoftHyphenText(update);
  };
  return finishPrintedFile(printed.pdf, meta, reportOutline(printed.headings), edit);
}
