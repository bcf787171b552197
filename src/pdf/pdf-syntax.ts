// The PDF object syntax of ISO 32000-1 §7.3 (PDF 1.7): enough to read the dictionaries Chromium writes (catalog,
// page tree, named destinations, document information) and to write new ones. Content streams are never parsed.

/**
 * A name object (`/Type`): its bytes, `#xx` escapes resolved, held one character per byte (Latin-1) so they are
 * written back exactly as read. Dictionary keys are held the same way.
 */
export class PdfName {
  constructor(readonly text: string) {}

  /** The name's bytes read as UTF-8, as Chromium writes the names of destinations. */
  utf8(): string {
    return Buffer.from(this.text, 'latin1').toString('utf8');
  }
}

/** A reference to an indirect object (`12 0 R`). */
export class PdfRef {
  constructor(
    readonly num: number,
    readonly gen = 0,
  ) {}
}

/** A string object: its bytes, escapes resolved. */
export class PdfString {
  constructor(readonly bytes: Uint8Array) {}

  /** A text string (§7.9.2.2): ASCII as is, anything else as UTF-16BE behind a byte order mark. */
  static text(text: string): PdfString {
    if (/^[\x20-\x7e]*$/.test(text)) return new PdfString(Buffer.from(text, 'latin1'));
    const bytes = Buffer.alloc(2 + text.length * 2);
    bytes[0] = 0xfe;
    bytes[1] = 0xff;
    for (let i = 0; i < text.length; i += 1) bytes.writeUInt16BE(text.charCodeAt(i), 2 + i * 2);
    return new PdfString(bytes);
  }

  /** The string read as a text string: UTF-16BE behind a byte order mark, else PDFDocEncoding. */
  decodeText(): string {
    const b = this.bytes;
    if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) {
      const units = b.subarray(2, 2 + ((b.length - 2) & ~1));
      return Buffer.from(units).swap16().toString('utf16le');
    }
    let text = '';
    for (const byte of b) text += pdfDocEncoding.get(byte) ?? String.fromCharCode(byte);
    return text;
  }
}

/** Where PDFDocEncoding differs from Latin-1 (ISO 32000-1 Annex D.2). */
const pdfDocEncoding = new Map<number, string>([
  ...[...'\u02d8\u02c7\u02c6\u02d9\u02dd\u02db\u02da\u02dc'].map((c, i): [number, string] => [0x18 + i, c]),
  ...[...'\u2022\u2020\u2021\u2026\u2014\u2013\u0192\u2044\u2039\u203a\u2212\u2030\u201e\u201c\u201d\u2018\u2019\u201a\u2122\ufb01\ufb02\u0141\u0152\u0160\u0178\u017d\u0131\u0142\u0153\u0161\u017e'].map(
    (c, i): [number, string] => [0x80 + i, c],
  ),
  [0xa0, '\u20ac'],
]);

/** A dictionary: keys are names without the slash, in the order written. */
export type PdfDict = Map<string, PdfValue>;

/** Any PDF object but a stream. */
export type PdfValue = number | boolean | null | PdfName | PdfRef | PdfString | PdfDict | PdfValue[];

/** The PDF is not laid out as expected (not one Chromium or briefkit wrote). */
export class PdfSyntaxError extends Error {
  override name = 'PdfSyntaxError';
}

/** Byte classes (§7.2.2): 0 regular, 1 white-space, 2 delimiter; a table, as the lexer asks for every byte. */
const byteClass = new Uint8Array(256);
for (const byte of [0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]) byteClass[byte] = 1;
for (const byte of [0x28, 0x29, 0x3c, 0x3e, 0x5b, 0x5d, 0x7b, 0x7d, 0x2f, 0x25]) byteClass[byte] = 2;
const isWhitespace = (byte: number): boolean => byteClass[byte] === 1;
const isRegular = (byte: number): boolean => byteClass[byte] === 0;
const isDigit = (byte: number | undefined): boolean => byte !== undefined && byte >= 0x30 && byte <= 0x39;

/** Bytes as a Latin-1 string (keywords, numbers, names are short: no Buffer is made for them). */
function latin1(bytes: Uint8Array, start: number, end: number): string {
  if (end - start > 64) return Buffer.from(bytes.buffer, bytes.byteOffset + start, end - start).toString('latin1');
  let text = '';
  for (let i = start; i < end; i += 1) text += String.fromCharCode(bytes[i]);
  return text;
}

/** What `\n`, `\r`, `\t`, `\b`, `\f`, `\(`, `\)` and `\\` in a literal string stand for (§7.3.4.2, Table 3). */
const simpleEscapes = new Map([
  [0x6e, 0x0a],
  [0x72, 0x0d],
  [0x74, 0x09],
  [0x62, 0x08],
  [0x66, 0x0c],
  [0x28, 0x28],
  [0x29, 0x29],
  [0x5c, 0x5c],
]);

/** Reads PDF objects from bytes, from a position onwards. */
export class PdfLexer {
  constructor(
    readonly bytes: Uint8Array,
    public pos = 0,
  ) {}

  /** Skips whitespace and comments. */
  skipSpace(): void {
    const b = this.bytes;
    while (this.pos < b.length) {
      if (isWhitespace(b[this.pos])) this.pos += 1;
      else if (b[this.pos] === 0x25) while (this.pos < b.length && b[this.pos] !== 0x0a && b[this.pos] !== 0x0d) this.pos += 1;
      else break;
    }
  }

  /** The next run of regular characters (a keyword or number), without consuming it when `peek`. */
  word(peek = false): string {
    this.skipSpace();
    let end = this.pos;
    while (end < this.bytes.length && isRegular(this.bytes[end])) end += 1;
    const text = latin1(this.bytes, this.pos, end);
    if (!peek) this.pos = end;
    return text;
  }

  /** Reads a keyword and fails unless it is `expected`. */
  expect(expected: string): void {
    const at = this.pos;
    const got = this.word();
    if (got !== expected) throw new PdfSyntaxError(`Expected “${expected}” at byte ${at}, found “${got.slice(0, 20)}”.`);
  }

  /** Reads a non-negative integer. */
  integer(): number {
    this.skipSpace();
    const b = this.bytes;
    const at = this.pos;
    let n = 0;
    while (isDigit(b[this.pos])) n = n * 10 + b[this.pos++] - 0x30;
    if (this.pos === at || (this.pos < b.length && isRegular(b[this.pos]))) {
      this.pos = at;
      throw new PdfSyntaxError(`Expected an integer at byte ${at}, found “${this.word().slice(0, 20)}”.`);
    }
    return n;
  }

  /** Reads one object: a number, reference, name, string, array, dictionary, boolean or null. */
  value(): PdfValue {
    this.skipSpace();
    const b = this.bytes;
    const at = this.pos;
    const byte = b[at];
    if (byte === 0x2f) return this.name();
    if (byte === 0x28) return this.literalString();
    if (byte === 0x3c) return b[at + 1] === 0x3c ? this.dict() : this.hexString();
    if (byte === 0x5b) {
      this.pos += 1;
      const items: PdfValue[] = [];
      for (this.skipSpace(); b[this.pos] !== 0x5d; this.skipSpace()) {
        if (this.pos >= b.length) throw new PdfSyntaxError(`Unterminated array from byte ${at}.`);
        items.push(this.value());
      }
      this.pos += 1;
      return items;
    }
    if (isDigit(byte)) {
      const integer = this.integerOrReference();
      if (integer !== undefined) return integer;
    }
    // Anything else that is not a keyword is a real number or a signed one (a reference is never signed).
    const word = this.word();
    if (word === 'true' || word === 'false') return word === 'true';
    if (word === 'null') return null;
    if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(word)) throw new PdfSyntaxError(`Unexpected “${word.slice(0, 20) || String.fromCharCode(byte)}” at byte ${at}.`);
    return Number(word);
  }

  /**
   * An unsigned integer or a reference (`12 0 R`) at the position, read from the bytes without making strings: most
   * values in the dictionaries Chromium writes are one or the other. Undefined (nothing consumed) for anything else,
   * such as a real number, which value() then reads the general way.
   */
  private integerOrReference(): number | PdfRef | undefined {
    const b = this.bytes;
    const start = this.pos;
    let end = start;
    let n = 0;
    while (isDigit(b[end])) n = n * 10 + b[end++] - 0x30;
    if (end < b.length && isRegular(b[end])) return undefined;
    // A reference: the integer, white-space (comments count as such, §7.2.3), a generation number, white-space, `R`
    // ending the word.
    this.pos = end;
    this.skipSpace();
    if (this.pos > end && isDigit(b[this.pos])) {
      let gen = 0;
      let genEnd = this.pos;
      while (isDigit(b[genEnd])) gen = gen * 10 + b[genEnd++] - 0x30;
      this.pos = genEnd;
      this.skipSpace();
      const r = this.pos;
      if (r > genEnd && b[r] === 0x52 && (r + 1 >= b.length || !isRegular(b[r + 1]))) {
        this.pos = r + 1;
        return new PdfRef(n, gen);
      }
    }
    this.pos = end;
    return n;
  }

  private dict(): PdfDict {
    const at = this.pos;
    this.pos += 2;
    const dict: PdfDict = new Map();
    for (this.skipSpace(); !(this.bytes[this.pos] === 0x3e && this.bytes[this.pos + 1] === 0x3e); this.skipSpace()) {
      if (this.pos >= this.bytes.length) throw new PdfSyntaxError(`Unterminated dictionary from byte ${at}.`);
      if (this.bytes[this.pos] !== 0x2f) throw new PdfSyntaxError(`Expected a name as dictionary key at byte ${this.pos}.`);
      const key = this.name().text;
      dict.set(key, this.value());
    }
    this.pos += 2;
    return dict;
  }

  private name(): PdfName {
    this.pos += 1;
    const start = this.pos;
    while (this.pos < this.bytes.length && isRegular(this.bytes[this.pos])) this.pos += 1;
    const raw = latin1(this.bytes, start, this.pos);
    return new PdfName(raw.includes('#') ? raw.replace(/#([0-9a-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : raw);
  }

  private hexString(): PdfString {
    const end = this.bytes.indexOf(0x3e, this.pos);
    if (end < 0) throw new PdfSyntaxError(`Unterminated hex string at byte ${this.pos}.`);
    let hex = latin1(this.bytes, this.pos + 1, end).replace(/[\0\t\n\f\r ]/g, '');
    if (!/^[0-9a-fA-F]*$/.test(hex)) throw new PdfSyntaxError(`Bad hex string at byte ${this.pos}.`);
    if (hex.length % 2) hex += '0';
    this.pos = end + 1;
    return new PdfString(Buffer.from(hex, 'hex'));
  }

  private literalString(): PdfString {
    const b = this.bytes;
    const at = this.pos;
    const out: number[] = [];
    let depth = 0;
    for (this.pos += 1; ; this.pos += 1) {
      if (this.pos >= b.length) throw new PdfSyntaxError(`Unterminated string from byte ${at}.`);
      const c = b[this.pos];
      if (c === 0x29 && depth === 0) break;
      if (c === 0x28) depth += 1;
      if (c === 0x29) depth -= 1;
      if (c === 0x0d) {
        // An end of line inside a string, however written, is read as one LF (§7.3.4.2).
        if (b[this.pos + 1] === 0x0a) this.pos += 1;
        out.push(0x0a);
        continue;
      }
      if (c !== 0x5c) {
        out.push(c);
        continue;
      }
      this.pos += 1;
      const e = b[this.pos];
      const escaped = simpleEscapes.get(e);
      if (escaped !== undefined) out.push(escaped);
      else if (e >= 0x30 && e <= 0x37) {
        let octal = '';
        while (octal.length < 3 && b[this.pos] >= 0x30 && b[this.pos] <= 0x37) octal += String.fromCharCode(b[this.pos++]);
        this.pos -= 1;
        out.push(parseInt(octal, 8) & 0xff);
      } else if (e === 0x0d) {
        if (b[this.pos + 1] === 0x0a) this.pos += 1; // a line continuation
      } else if (e !== 0x0a) out.push(e);
    }
    this.pos += 1;
    return new PdfString(Uint8Array.from(out));
  }

  /** Whether the bytes at the position start with an integer (used to tell `N G obj` from a keyword). */
  atDigit(): boolean {
    this.skipSpace();
    return isDigit(this.bytes[this.pos]);
  }
}

/** A number as PDF writes it: no exponent, at most six decimals. */
function formatNumber(n: number): string {
  if (!Number.isFinite(n) || Math.abs(n) >= 1e21) throw new PdfSyntaxError(`Cannot write the number ${n} into a PDF.`);
  return Number.isInteger(n) ? String(n) : n.toFixed(6).replace(/\.?0+$/, '');
}

/** A name (bytes held one per character) with every byte outside the regular printable range escaped as `#xx`. */
function formatName(text: string): string {
  let out = '/';
  for (let i = 0; i < text.length; i += 1) {
    const byte = text.charCodeAt(i) & 0xff;
    out += byte > 0x20 && byte < 0x7f && byte !== 0x23 && isRegular(byte) ? String.fromCharCode(byte) : `#${byte.toString(16).padStart(2, '0')}`;
  }
  return out;
}

/** Writes a value in PDF syntax (strings as hex, so any bytes are safe). */
export function serialize(value: PdfValue): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'number') return formatNumber(value);
  if (value instanceof PdfName) return formatName(value.text);
  if (value instanceof PdfRef) return `${value.num} ${value.gen} R`;
  if (value instanceof PdfString) return `<${Buffer.from(value.bytes).toString('hex').toUpperCase()}>`;
  if (Array.isArray(value)) return `[${value.map(serialize).join(' ')}]`;
  return `<<${[...value].map(([key, item]) => `${formatName(key)} ${serialize(item)}`).join('\n')}>>`;
}
