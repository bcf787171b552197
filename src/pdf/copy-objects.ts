import type { PdfFile } from './pdf-file.js';
import { PdfRef, PdfSyntaxError, type PdfValue } from './pdf-syntax.js';
import type { PdfUpdate } from './pdf-update.js';
import { renumberedText } from './renumber.js';
import type { SubsetTags } from './subset-tags.js';

/**
 * Copies objects of one PDF into another's update as bytes: each object's text with its references renumbered (what it
 * refers to is copied too) and its font subset tags kept unique in the target, a stream's data as stored. Each
 * object is copied once, however often it is asked for (fonts and images shared by many pages).
 */
export class ObjectCopier {
  private readonly copies = new Map<number, number>();
  private readonly queue: number[] = [];
  /** The source's subset tags and the tags they are written with. */
  private readonly tags = new Map<string, string>();

  /**
   * `skip` holds the source's objects that must not come along (its catalog, page tree and pages): a reference to
   * one is written as `null`.
   */
  constructor(
    private readonly source: PdfFile,
    private readonly update: PdfUpdate,
    private readonly skip: ReadonlySet<number>,
    private readonly subsetTags: SubsetTags,
    /** Applied to each copied object's text (never to stream data), after its references are renumbered. */
    private readonly rewrite: (text: string) => string = (text) => text,
  ) {}

  /** Points references to source object `num` at `target`, an object of the target's own: `num` is not copied. */
  alias(num: number, target: PdfRef): void {
    this.copies.set(num, target.num);
  }

  /** The target's number for source object `num` (0 for a skipped one), which is copied by the next flush(). */
  num(num: number): number {
    if (this.skip.has(num)) return 0;
    let copy = this.copies.get(num);
    if (copy === undefined) {
      copy = this.update.reserve().num;
      this.copies.set(num, copy);
      this.queue.push(num);
    }
    return copy;
  }

  /** A source value with its references pointed at the copies. */
  value(value: PdfValue): PdfValue {
    if (value instanceof PdfRef) return this.num(value.num) === 0 ? null : new PdfRef(this.num(value.num));
    if (Array.isArray(value)) return value.map((item) => this.value(item));
    if (value instanceof Map) return new Map([...value].map(([key, item]) => [key, this.value(item)]));
    return value;
  }

  /** Writes every object asked for so far, and what they refer to, into the update. */
  flush(): void {
    const { source } = this;
    for (let num = this.queue.pop(); num !== undefined; num = this.queue.pop()) {
      const raw = source.rawObject(num);
      const start = source.offsetOf(num);
      if (!raw || start === undefined) throw new PdfSyntaxError(`The PDF has no object ${num} to copy.`);
      const head = /^\d+\s+\d+\s+obj/.exec(Buffer.from(raw.bytes.subarray(0, 32)).toString('latin1'));
      if (!head) throw new PdfSyntaxError(`Object ${num} is not where the cross-reference table says.`);
      const bodyStart = start + head[0].length;
      const bodyEnd = start + raw.bytes.byteLength - 'endobj'.length;
      const data = source.dataRange(num);
      const text = Buffer.from(source.bytes.subarray(bodyStart, data ? data.start : bodyEnd)).toString('latin1');
      const pieces = [Buffer.from(this.subsetTags.retagged(this.rewrite(renumberedText(text, (n) => this.num(n))), this.tags), 'latin1')];
      if (data) pieces.push(Buffer.from(source.bytes.subarray(data.start, bodyEnd)));
      this.update.setRaw(new PdfRef(this.copies.get(num) ?? 0), Buffer.concat(pieces));
    }
  }
}
