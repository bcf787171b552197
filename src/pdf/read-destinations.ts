import { PDFArray, PDFDict, PDFName, PDFNumber, PDFRef, type PDFDocument } from 'pdf-lib';

/** Where a named destination points: a 1-based page number and the top of the target in PDF points. */
export interface Destination {
  page: number;
  /** Distance from the bottom of the page, as PDF coordinates count. */
  y: number;
  /** The destination array as written, for reuse in outline items. */
  array: PDFArray;
}

/** The destination array of a `/Dests` entry: either the array itself or a dictionary holding it under `/D`. */
function destinationArray(value: unknown): PDFArray | undefined {
  if (value instanceof PDFArray) return value;
  if (value instanceof PDFDict) {
    const inner = value.get(PDFName.of('D'));
    return inner instanceof PDFArray ? inner : undefined;
  }
  return undefined;
}

/** Chromium names a destination by the link's URL fragment, so ids outside ASCII arrive percent-encoded. */
function decodeName(name: string): string {
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}

/**
 * Reads the named destinations Chromium writes into the catalog's `/Dests` dictionary (one per element that an
 * in-document `#id` link targets), keyed by the id.
 */
export function readNamedDestinations(pdf: PDFDocument): Map<string, Destination> {
  const result = new Map<string, Destination>();
  const dests = pdf.catalog.lookupMaybe(PDFName.of('Dests'), PDFDict);
  if (!dests) return result;
  const pageByRef = new Map(pdf.getPages().map((page, index) => [page.ref.toString(), index + 1]));
  for (const [key, raw] of dests.entries()) {
    const array = destinationArray(pdf.context.lookup(raw));
    const target = array?.get(0);
    if (!array || !(target instanceof PDFRef)) continue;
    const page = pageByRef.get(target.toString());
    if (page === undefined) continue;
    const top = array.lookupMaybe(3, PDFNumber);
    result.set(decodeName(key.decodeText()), { page, y: top?.asNumber() ?? 0, array });
  }
  return result;
}
