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
  private readonly objects = new Map<number, { ref: PdfRef; value: PdfValue; data?: Uint8Array }>();
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

  /** Gives a stream object (one of the original's, which it replaces) its dictionary and bytes; `/Length` is set here. */
  setStream(ref: PdfRef, dict: PdfDict, data: Uint8Array): void {
    const withLength = new Map(dict);
    withLength.set('Length', data.byteLength);
    this.objects.set(ref.num, { ref, value: withLength, data });
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

  /** The original bytes with the update appended (the original bytes when nothing changed). */
  bytes(): Uint8Array {
    if (this.objects.size === 0) return this.file.bytes;
    const original = this.file.bytes;
    const chunks: string[] = [original[original.length - 1] === 0x0a ? '' : '\n'];
    let offset = original.length + chunks[0].length;
    const offsets = new Map<number, { offset: number; gen: number }>();
    for (const [num, { ref, value, data }] of [...this.objects].sort((a, b) => a[0] - b[0])) {
      // A stream's bytes go in as Latin-1 characters, one per byte, and come out of Buffer.from(…, 'latin1') unchanged.
      const body = data ? `${serialize(value)}\nstream\n${Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('latin1')}\nendstream` : serialize(value);
      const text = `${num} ${ref.gen} obj\n${body}\nendobj\n`;
      offsets.set(num, { offset, gen: ref.gen });
      chunks.push(text);
      offset += Buffer.byteLength(text, 'latin1');
    }
    const xrefAt = offset;
    const lines = ['xref'];
    // One subsection per run of consecutive object numbers; each entry exactly 20 bytes (§7.5.4).
    const nums = [...offsets.keys()];
    for (let i = 0; i < nums.length; ) {
      let j = i;
      while (j + 1 < nums.length && nums[j + 1] === nums[j] + 1) j += 1;
      lines.push(`${nums[i]} ${j - i + 1}`);
      for (let k = i; k <= j; k += 1) {
        const entry = offsets.get(nums[k]);
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
    trailer.set('Prev', this.file.xrefOffset);
    chunks.push(`${lines.join('\n')}\ntrailer\n${serialize(trailer)}\nstartxref\n${xrefAt}\n%%EOF\n`);
    // Everything written is ASCII (strings are hex) but stream bytes, which went in as Latin-1: byte for byte.
    return Buffer.concat([original, Buffer.from(chunks.join(''), 'latin1')]);
  }
}
