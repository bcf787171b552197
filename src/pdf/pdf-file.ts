import { PdfLexer, PdfName, PdfRef, PdfSyntaxError, type PdfDict, type PdfValue } from './pdf-syntax.js';

/** Where each in-use object starts, from a classic cross-reference table (ISO 32000-1 §7.5.4). */
interface CrossReference {
  offsets: Map<number, number>;
  /** One past the highest object number with an entry, in use or free. */
  entries: number;
  trailer: PdfDict;
}

/** Reads one cross-reference section and its trailer at `at`, then the older sections its `/Prev` names. */
function readCrossReference(bytes: Uint8Array, at: number): CrossReference {
  const offsets = new Map<number, number>();
  const freed = new Set<number>();
  let trailer: PdfDict | undefined;
  const seen = new Set<number>();
  for (let next: number | undefined = at; next !== undefined; ) {
    if (seen.has(next) || next < 0 || next >= bytes.length) throw new PdfSyntaxError(`Bad cross-reference offset ${next}.`);
    seen.add(next);
    const lexer: PdfLexer = new PdfLexer(bytes, next);
    // A cross-reference stream (PDF 1.5, `N 0 obj <</Type /XRef …>>`) is something neither Chromium nor briefkit
    // writes; the caller is told rather than handed a wrong reading.
    if (lexer.atDigit()) throw new PdfSyntaxError('The PDF uses a cross-reference stream, which this reader does not handle.');
    lexer.expect('xref');
    while (lexer.word(true) !== 'trailer') {
      const first = lexer.integer();
      const count = lexer.integer();
      for (let i = 0; i < count; i += 1) {
        const offset = lexer.integer();
        lexer.integer();
        const kind = lexer.word();
        const num = first + i;
        // Newer sections are read first and win.
        if (offsets.has(num) || freed.has(num)) continue;
        if (kind === 'n') offsets.set(num, offset);
        else if (kind === 'f') freed.add(num);
        else throw new PdfSyntaxError(`Bad cross-reference entry for object ${num}.`);
      }
    }
    lexer.expect('trailer');
    const section: PdfValue = lexer.value();
    if (!(section instanceof Map)) throw new PdfSyntaxError('The trailer is not a dictionary.');
    // Encrypted strings, and objects found only in a cross-reference stream (a hybrid file), would be misread.
    for (const key of ['Encrypt', 'XRefStm']) if (section.has(key)) throw new PdfSyntaxError(`The PDF's trailer has /${key}, which this reader does not handle.`);
    trailer ??= section;
    const prev: PdfValue | undefined = section.get('Prev');
    next = typeof prev === 'number' ? prev : undefined;
  }
  let entries = 0;
  for (const num of [...offsets.keys(), ...freed]) entries = Math.max(entries, num + 1);
  return { offsets, entries, trailer: trailer ?? new Map() };
}

/** The offset the last `startxref` names. */
function lastStartXref(bytes: Uint8Array): number {
  const tail = Buffer.from(bytes.subarray(Math.max(0, bytes.length - 1024))).toString('latin1');
  const match = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail);
  if (!match) throw new PdfSyntaxError('No “startxref” at the end of the PDF.');
  return Number(match[1]);
}

/**
 * A PDF read lazily through its cross-reference table: only the objects asked for are parsed (the catalog, the page
 * tree, named destinations), never the content streams, so reading where things are costs next to nothing even for
 * a large file. Used on PDFs Chromium printed or briefkit joined, which both write classic tables.
 */
export class PdfFile {
  private readonly cache = new Map<number, { gen: number; value: PdfValue; valueEnd: number }>();
  private tree?: { pages: PdfRef[]; nodes: PdfRef[] };

  private constructor(
    readonly bytes: Uint8Array,
    /** Byte offset of the newest cross-reference section (an update's `/Prev`). */
    readonly xrefOffset: number,
    private readonly offsets: Map<number, number>,
    /** One past the highest object number in any cross-reference entry. */
    private readonly entries: number,
    readonly trailer: PdfDict,
  ) {}

  /** Reads the cross-reference table and trailer of a PDF. */
  static parse(bytes: Uint8Array): PdfFile {
    const at = lastStartXref(bytes);
    const { offsets, entries, trailer } = readCrossReference(bytes, at);
    return new PdfFile(bytes, at, offsets, entries, trailer);
  }

  /** One past the highest object number in use (the trailer's `/Size`). */
  get size(): number {
    const size = this.trailer.get('Size');
    return Math.max(typeof size === 'number' ? size : 0, this.entries);
  }

  /** The indirect object `ref` names (parsed once). */
  object(ref: PdfRef): PdfValue {
    const parsed = this.parsed(ref.num);
    if (parsed && parsed.gen !== ref.gen) throw new PdfSyntaxError(`The cross-reference table points object ${ref.num} ${ref.gen} at object ${ref.num} ${parsed.gen}.`);
    return parsed?.value ?? null;
  }

  /** Object `num` parsed once: its generation, its value, and where the value ends in the file. */
  private parsed(num: number): { gen: number; value: PdfValue; valueEnd: number } | undefined {
    const cached = this.cache.get(num);
    if (cached) return cached;
    const offset = this.offsets.get(num);
    if (offset === undefined) return undefined;
    const lexer = new PdfLexer(this.bytes, offset);
    const found = lexer.integer();
    const gen = lexer.integer();
    lexer.expect('obj');
    if (found !== num) throw new PdfSyntaxError(`The cross-reference table points object ${num} at object ${found} ${gen}.`);
    const parsed = { gen, value: lexer.value(), valueEnd: lexer.pos };
    this.cache.set(num, parsed);
    return parsed;
  }

  /**
   * Where object `num` lies in the file, from `N G obj` to just past `endobj`, and for a stream where its data lies
   * (from the stream's `/Length`, never from scanning the data). Undefined for an object not in use.
   */
  private extent(num: number): { gen: number; value: PdfValue; start: number; end: number; data?: { start: number; end: number } } | undefined {
    const parsed = this.parsed(num);
    const start = this.offsets.get(num);
    if (!parsed || start === undefined) return undefined;
    const lexer = new PdfLexer(this.bytes, parsed.valueEnd);
    let data: { start: number; end: number } | undefined;
    if (lexer.word(true) === 'stream') {
      lexer.expect('stream');
      // The keyword is followed by CRLF or LF (§7.3.8.1), then exactly /Length bytes.
      if (this.bytes[lexer.pos] === 0x0d) lexer.pos += 1;
      if (this.bytes[lexer.pos] === 0x0a) lexer.pos += 1;
      const length = parsed.value instanceof Map ? this.resolve(parsed.value.get('Length')) : undefined;
      if (typeof length !== 'number' || lexer.pos + length > this.bytes.length) throw new PdfSyntaxError(`Stream ${num} ${parsed.gen} has no usable /Length.`);
      data = { start: lexer.pos, end: lexer.pos + length };
      lexer.pos = data.end;
      lexer.expect('endstream');
    }
    lexer.expect('endobj');
    return { gen: parsed.gen, value: parsed.value, start, end: lexer.pos, data };
  }

  /**
   * The stream object `ref` names: its dictionary and its bytes as stored (still encoded by its `/Filter`), or
   * undefined when it is not a stream.
   */
  stream(ref: PdfRef): { dict: PdfDict; data: Uint8Array } | undefined {
    const extent = this.extent(ref.num);
    if (!extent?.data || !(extent.value instanceof Map)) return undefined;
    return { dict: extent.value, data: this.bytes.subarray(extent.data.start, extent.data.end) };
  }

  /** Where object `num` starts (its `N G obj`), or undefined for an object not in use. */
  offsetOf(num: number): number | undefined {
    return this.offsets.get(num);
  }

  /** Where the data of stream object `num` lies (from its `/Length`), or undefined when it is not a stream. */
  dataRange(num: number): { start: number; end: number } | undefined {
    return this.extent(num)?.data;
  }

  /** The numbers of every object in use, as the cross-reference table lists them. */
  objectNumbers(): number[] {
    return [...this.offsets.keys()];
  }

  /** Where the first object starts: what precedes it is the header (`%PDF-1.x` and its binary comment). */
  get headerLength(): number {
    let first = this.bytes.length;
    for (const offset of this.offsets.values()) first = Math.min(first, offset);
    return first;
  }

  /**
   * The bytes of object `num` as stored, from `N G obj` to `endobj` inclusive, and its generation: for copying the
   * object unchanged into a rewritten file. Undefined for an object not in use.
   */
  rawObject(num: number): { gen: number; bytes: Uint8Array } | undefined {
    const extent = this.extent(num);
    return extent && { gen: extent.gen, bytes: this.bytes.subarray(extent.start, extent.end) };
  }

  /** A value with references followed. */
  resolve(value: PdfValue | undefined): PdfValue | undefined {
    return value instanceof PdfRef ? this.object(value) : value;
  }

  /** A value that must be a dictionary (following a reference), or undefined. */
  dict(value: PdfValue | undefined): PdfDict | undefined {
    const resolved = this.resolve(value);
    return resolved instanceof Map ? resolved : undefined;
  }

  /** The reference to the document catalog (the trailer's `/Root`). */
  get rootRef(): PdfRef {
    const root = this.trailer.get('Root');
    if (!(root instanceof PdfRef)) throw new PdfSyntaxError('The trailer names no document catalog.');
    return root;
  }

  /** The document catalog. */
  get catalog(): PdfDict {
    const catalog = this.dict(this.rootRef);
    if (!catalog) throw new PdfSyntaxError('The document catalog is not a dictionary.');
    return catalog;
  }

  /** The pages in order, as references to their page objects (the page tree walked depth first). */
  pageRefs(): PdfRef[] {
    return this.pageTree().pages;
  }

  /** The page tree's inner nodes (`/Type /Pages`), root first. */
  pageTreeNodes(): PdfRef[] {
    return this.pageTree().nodes;
  }

  private pageTree(): { pages: PdfRef[]; nodes: PdfRef[] } {
    if (this.tree) return this.tree;
    const tree = { pages: [] as PdfRef[], nodes: [] as PdfRef[] };
    const visit = (ref: PdfValue | undefined, depth: number): void => {
      if (!(ref instanceof PdfRef) || depth > 64) return;
      const node = this.dict(ref);
      const type = node?.get('Type');
      if (type instanceof PdfName && type.text === 'Page') tree.pages.push(ref);
      const kids = this.resolve(node?.get('Kids'));
      if (Array.isArray(kids)) {
        tree.nodes.push(ref);
        for (const kid of kids) visit(kid, depth + 1);
      }
    };
    visit(this.catalog.get('Pages'), 0);
    this.tree = tree;
    return tree;
  }

  /** How many pages the document has. */
  get pageCount(): number {
    return this.pageRefs().length;
  }
}
