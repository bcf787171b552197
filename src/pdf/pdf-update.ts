import type { PdfFile } from './pdf-file.js';
import { PdfRef, serialize, type PdfDict, type PdfValue } from './pdf-syntax.js';

/**
 * Changes to a PDF written as an incremental update (ISO 32000-1 §7.5.6): the new and replaced objects, a
 * cross-reference section for them alone and a trailer pointing back at the original, appended to the original
 * bytes untouched. Adding bookmarks and metadata so costs the size of what was added, however large the PDF,
 * where loading and saving it whole (pdf-lib) parsed and rewrote every object.
 */
export class PdfUpdate {
  /** Objects written by the update, by number: the reference (for its generation) and the value. */
  private readonly objects = new Map<number, { ref: PdfRef; value?: PdfValue; data?: Uint8Array; raw?: Uint8Array }>();
  private next: number;
  private info?: PdfRef;

  constructor(readonly file: PdfFile) {
    this.next = file.size;
  }

  /** A fresh object number, to be given its value with {@link set} (for objects that point at each other). */
  reserve(): PdfRef {
    const ref = new PdfRef(this.next);
    this.next += 1;
    return ref;
  }

  /** Writes a new object and returns its reference. */
  add(value: PdfValue): PdfRef {
    const ref = this.reserve();
    this.set(ref, value);
    return ref;
  }

  /** Gives an object (new, or one of the original's, which it replaces) its value. */
  set(ref: PdfRef, value: PdfValue): void {
    this.objects.set(ref.num, { ref, value });
  }

  /** Gives a stream object (one of the original's, which it replaces, or a reserved one) its dictionary and bytes; `/Length` is set here. */
  setStream(ref: PdfRef, dict: PdfDict, data: Uint8Array): void {
    const withLength = new Map(dict);
    withLength.set('Length', data.byteLength);
    this.objects.set(ref.num, { ref, value: withLength, data });
  }

  /** Writes a new stream object (its bytes as given, `/Length` set here) and returns its reference. */
  addStream(dict: PdfDict, data: Uint8Array): PdfRef {
    const ref = this.reserve();
    this.setStream(ref, dict, data);
    return ref;
  }

  /**
   * Gives a new object its body as bytes already written: everything between `N G obj` and `endobj` (a dictionary,
   * and for a stream its data between `stream` and `endstream`), e.g. an object copied from another file.
   */
  setRaw(ref: PdfRef, body: Uint8Array): void {
    this.objects.set(ref.num, { ref, raw: body });
  }

  /** Replaces the catalog with a copy changed by `change`. */
  editCatalog(change: (catalog: PdfDict) => void): void {
    const edited = this.objects.get(this.file.rootRef.num)?.value;
    const catalog = new Map(edited instanceof Map ? edited : this.file.catalog);
    change(catalog);
    this.set(this.file.rootRef, catalog);
  }

  /** Makes `info` the document information dictionary (replacing the original's in place when it has one). */
  setInfo(info: PdfDict): void {
    const current = this.file.trailer.get('Info');
    this.info = current instanceof PdfRef ? current : (this.info ?? this.reserve());
    this.set(this.info, info);
  }

  /**
   * The changed file: the original bytes with the update appended (the original bytes when nothing changed). When a
   * stream was replaced, the file is written afresh instead, every other object copied as stored: appended, the new
   * stream would leave the old one in the file as dead weight (content streams are most of a PDF's bytes). With
   * `whole`, the file is always written afresh: one cross-reference section, each object running to the next one, as
   * PrintedPartsJoiner expects of what it joins.
   */
  bytes({ whole = false }: { whole?: boolean } = {}): Uint8Array {
    if (this.objects.size === 0) return this.file.bytes;
    // Only a replaced stream leaves dead bytes behind; a new one is appended like any other object.
    const rewrite = whole || [...this.objects.values()].some((object) => object.data !== undefined && object.ref.num < this.file.size);
    const original = this.file.bytes;
    const parts: Uint8Array[] = [];
    const offsets = new Map<number, { offset: number; gen: number }>();
    let offset = 0;
    const push = (bytes: Uint8Array): void => {
      parts.push(bytes);
      offset += bytes.byteLength;
    };
    if (rewrite) {
      push(original.subarray(0, this.file.headerLength));
      for (const num of this.file.objectNumbers().filter((n) => !this.objects.has(n))) {
        const raw = this.file.rawObject(num);
        if (!raw) continue;
        offsets.set(num, { offset, gen: raw.gen });
        push(raw.bytes);
        push(newline);
      }
    } else push(original[original.length - 1] === 0x0a ? original : Buffer.concat([original, newline]));
    for (const [num, { ref, value, data, raw }] of [...this.objects].sort((a, b) => a[0] - b[0])) {
      offsets.set(num, { offset, gen: ref.gen });
      if (raw) {
        push(Buffer.from(`${num} ${ref.gen} obj`, 'latin1'));
        push(raw);
        push(Buffer.from('endobj\n', 'latin1'));
        continue;
      }
      push(Buffer.from(`${num} ${ref.gen} obj\n${serialize(value ?? null)}\n${data ? 'stream\n' : ''}`, 'latin1'));
      if (data) push(data);
      push(Buffer.from(`${data ? '\nendstream' : ''}\nendobj\n`, 'latin1'));
    }
    const xrefAt = offset;
    const lines = ['xref'];
    if (rewrite) lines.push('0 1', '0000000000 65535 f ');
    // One subsection per run of consecutive object numbers; each entry exactly 20 bytes (§7.5.4).
    const listed = [...offsets.keys()].sort((a, b) => a - b);
    for (let i = 0; i < listed.length; ) {
      let j = i;
      while (j + 1 < listed.length && listed[j + 1] === listed[j] + 1) j += 1;
      lines.push(`${listed[i]} ${j - i + 1}`);
      for (let k = i; k <= j; k += 1) {
        const entry = offsets.get(listed[k]);
        lines.push(`${String(entry?.offset).padStart(10, '0')} ${String(entry?.gen).padStart(5, '0')} n `);
      }
      i = j + 1;
    }
    const trailer: PdfDict = new Map<string, PdfValue>([
      ['Size', Math.max(this.next, this.file.size)],
      ['Root', this.file.rootRef],
    ]);
    const info = this.info ?? this.file.trailer.get('Info');
    if (info !== undefined) trailer.set('Info', info);
    const id = this.file.trailer.get('ID');
    if (id !== undefined) trailer.set('ID', id);
    if (!rewrite) trailer.set('Prev', this.file.xrefOffset);
    push(Buffer.from(`${lines.join('\n')}\ntrailer\n${serialize(trailer)}\nstartxref\n${xrefAt}\n%%EOF\n`, 'latin1'));
    return Buffer.concat(parts);
  }
}

const newline = Buffer.from('\n', 'latin1');
