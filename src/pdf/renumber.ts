import { PdfRef, PdfSyntaxError, type PdfValue } from './pdf-syntax.js';

/** A part's object number → the joined file's (0 for one the part does not have or drops: written as `null`). */
export type Renumber = (num: number) => number;

/** A value with every reference renumbered (for objects the joiner rewrites). */
export function renumbered(value: PdfValue, to: Renumber): PdfValue {
  if (value instanceof PdfRef) return to(value.num) === 0 ? null : new PdfRef(to(value.num));
  if (Array.isArray(value)) return value.map((item) => renumbered(item, to));
  if (value instanceof Map) return new Map([...value].map(([key, item]) => [key, renumbered(item, to)]));
  return value;
}

/**
 * `N G R` as a whole token run, outside literal strings (which renumberedText skips): preceded and followed by
 * white-space or a delimiter other than `/` (so the digits that end a name are not taken for a number). A hex string
 * cannot hold one, as `R` is not a hex digit.
 */
const refPattern = /(?<![^\s()<>[\]{}])(\d+)\s+\d+\s+R(?![^\s()<>[\]{}/%])/g;

/** The index just past the literal string that opens at `open` (balanced parentheses, backslash escapes; §7.3.4.2). */
function literalStringEnd(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c === 0x5c) i += 1;
    else if (c === 0x28) depth += 1;
    else if (c === 0x29 && (depth -= 1) === 0) return i + 1;
  }
  throw new PdfSyntaxError(`Unterminated string in “${text.slice(open, open + 40)}”.`);
}

/** PDF object text (Latin-1, one character per byte) with its references renumbered and everything else as it was. */
export function renumberedText(text: string, to: Renumber): string {
  let out = '';
  for (let from = 0; ; ) {
    const open = text.indexOf('(', from);
    out += text.slice(from, open < 0 ? text.length : open).replace(refPattern, (_, num: string) => (to(Number(num)) === 0 ? 'null' : `${to(Number(num))} 0 R`));
    if (open < 0) return out;
    from = literalStringEnd(text, open);
    out += text.slice(open, from);
  }
}
