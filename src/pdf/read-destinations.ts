import type { PdfFile } from './pdf-file.js';
import { PdfName, PdfRef, type PdfValue } from './pdf-syntax.js';

/** Where a named destination points: a 1-based page number, and the destination array as written. */
export interface Destination {
  page: number;
  /** The destination array as written, for reuse in outline items. */
  array: PdfValue[];
}

/** Chromium names a destination by the link's URL fragment, so ids outside ASCII arrive percent-encoded. */
export function decodeName(key: string): string {
  const name = new PdfName(key).utf8();
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}

/** A named destination's array: the value itself, or the one a dictionary holds under `/D` (ISO 32000-1 §12.3.2.3). */
export function destinationArray(pdf: PdfFile, raw: PdfValue | undefined): PdfValue[] | undefined {
  const value = pdf.resolve(raw);
  const array = value instanceof Map ? pdf.resolve(value.get('D')) : value;
  return Array.isArray(array) ? array : undefined;
}

/**
 * Reads the named destinations Chromium writes into the catalog's `/Dests` dictionary (one per element that an
 * in-document `#id` link targets), keyed by the id. A value is the destination array itself or a dictionary holding
 * it under `/D` (ISO 32000-1 §12.3.2.3).
 */
export function readNamedDestinations(pdf: PdfFile): Map<string, Destination> {
  const result = new Map<string, Destination>();
  const dests = pdf.dict(pdf.catalog.get('Dests'));
  if (!dests) return result;
  const pageByNum = new Map(pdf.pageRefs().map((ref, index) => [ref.num, index + 1]));
  for (const [key, raw] of dests) {
    const array = destinationArray(pdf, raw);
    if (!array) continue;
    const target = array[0];
    const page = target instanceof PdfRef ? pageByNum.get(target.num) : undefined;
    if (page === undefined) continue;
    result.set(decodeName(key), { page, array });
  }
  return result;
}
