import { PdfFile } from './pdf-file.js';
import { PdfName, PdfRef, PdfString, PdfSyntaxError, serialize, type PdfDict, type PdfValue } from './pdf-syntax.js';
import { renumbered, renumberedText, type Renumber } from './renumber.js';
import { byBytes, kidsOf, renameIds, treeEntries, type TreeEntries } from './structure-trees.js';
import { SubsetTags } from './subset-tags.js';

/**
 * The single top structure element of a part's tree (Chromium's `Document`) when every child of it is an indirect
 * structure element, so the children can move under another part's `Document`.
 */
function mergeableTop(file: PdfFile, rootKids: readonly PdfValue[]): { ref: PdfRef; element: PdfDict; kids: PdfRef[] } | undefined {
  const [only] = rootKids;
  if (rootKids.length !== 1 || !(only instanceof PdfRef)) return undefined;
  const element = file.dict(only);
  if (!element) return undefined;
  const kids = kidsOf(file, element.get('K'));
  if (!kids.every((kid): kid is PdfRef => kid instanceof PdfRef && file.dict(kid) !== undefined)) return undefined;
  return { ref: only, element, kids };
}

/** Adds `by` to every `/StructParents` (pages, forms) and `/StructParent` (annotations) in a value. */
function shiftStructParents(value: PdfValue, by: number): void {
  if (Array.isArray(value)) for (const item of value) shiftStructParents(item, by);
  if (!(value instanceof Map)) return;
  for (const [key, item] of value) {
    if ((key === 'StructParents' || key === 'StructParent') && typeof item === 'number') value.set(key, item + by);
    else shiftStructParents(item, by);
  }
}

/** The joined file's objects that stand for a whole part's (catalog, page tree root, structure tree). */
interface Shared {
  catalog: number;
  pages: number;
  structRoot?: number;
  parentTree?: number;
  /** The structure elements' IDs (`/IDTree`), when the first part has one. */
  idTree?: number;
  document?: number;
}

/**
 * Joins the PDFs Chromium printed for the parts of one long document (see print-in-chunks.ts) into one file, copying
 * each part's objects as written with their references renumbered, a part at a time as each arrives. Only the few
 * objects that tie a part together are rewritten: each part's page tree becomes a branch of one page tree; when the
 * parts are tagged, one structure tree holds every part's (each part's `Document` children under the first part's
 * `Document`, as PDF/UA asks for one), its parent-tree keys renumbered so they stay unique (each page's
 * `/StructParents` and each annotation's `/StructParent` moved by the same amount; PDF 1.7 §14.7.4.4); and the named
 * destinations are merged (the first part to name one winning), and so are the structure element IDs (`/IDTree`; a
 * later part's repeat of an ID is renamed), and each part's font subsets keep tags of their own. Content streams, fonts and images are copied as bytes:
 * pdf-lib, which did this before, parsed and rewrote every object (4 s of a 1,500-slide deck and handout).
 */
export class PrintedPartsJoiner {
  private readonly chunks: Uint8Array[] = [];
  private pending = '';
  private offset = 0;
  /** Byte offset of each object of the joined file, by number. */
  private readonly offsets: number[] = [];
  private next = 1;
  private readonly shared: Shared;
  private catalog?: PdfDict;
  private structRoot?: PdfDict;
  private documentElement?: PdfDict;
  private info?: PdfRef;
  private readonly pageBranches: PdfRef[] = [];
  private pageCount = 0;
  private readonly parentTree: [number, PdfValue][] = [];
  private nextKey = 0;
  private readonly rootKids: PdfValue[] = [];
  private readonly documentKids: PdfRef[] = [];
  private dests?: { num: number; entries: Map<string, PdfValue> };
  /** Structure element IDs by their bytes (hex), with the element each names (a later part's repeats renamed). */
  private readonly ids = new Map<string, [PdfString, PdfValue]>();
  /** The font subset tags written so far: a later part's subsets get tags of their own. */
  private readonly subsetTags = new SubsetTags();

  /** Starts the joined file with the first part's header. */
  constructor(first: Uint8Array) {
    const file = PdfFile.parse(first);
    this.write(Buffer.from(first.buffer, first.byteOffset, file.headerLength).toString('latin1'));
    const tagged = file.dict(file.catalog.get('StructTreeRoot')) !== undefined;
    this.shared = { catalog: this.next++, pages: this.next++ };
    if (tagged) {
      this.shared.structRoot = this.next++;
      this.shared.parentTree = this.next++;
    }
    this.addParsed(file);
  }

  /** Appends the next part: its pages, its structure tree and its named destinations. */
  add(bytes: Uint8Array): void {
    this.addParsed(PdfFile.parse(bytes));
  }

  private addParsed(file: PdfFile): void {
    const { shared } = this;
    const first = this.catalog === undefined;
    const catalog = file.catalog;
    const pagesRef = catalog.get('Pages');
    if (!(pagesRef instanceof PdfRef)) throw new PdfSyntaxError('A printed part has no page tree.');
    // Objects whose place the joined file's own take; references to them are pointed at those.
    const standIns = new Map<number, number>([[file.rootRef.num, shared.catalog]]);
    const infoRef = file.trailer.get('Info');
    if (infoRef instanceof PdfRef && !first) standIns.set(infoRef.num, 0);

    const structRootRef = catalog.get('StructTreeRoot');
    const structRoot = file.dict(structRootRef);
    const offset = this.nextKey;
    let partNext = 0;
    let tree: TreeEntries<number> | undefined;
    let idTree: TreeEntries<PdfString> | undefined;
    // The part's structure elements that join the joined file's Document element, or else its root.
    let documentKids: PdfRef[] = [];
    let rootKids: PdfValue[] = [];
    if (structRoot && shared.structRoot !== undefined && shared.parentTree !== undefined) {
      // References to the part's root and Document (the children's `/P`) are pointed at the joined file's.
      if (structRootRef instanceof PdfRef) standIns.set(structRootRef.num, shared.structRoot);
      tree = treeEntries<number>(file, structRoot.get('ParentTree'), 'Nums');
      for (const node of tree.nodes) standIns.set(node, shared.parentTree);
      if (first && structRoot.has('IDTree')) shared.idTree = this.next++;
      if (shared.idTree !== undefined) {
        idTree = treeEntries<PdfString>(file, structRoot.get('IDTree'), 'Names');
        for (const node of idTree.nodes) standIns.set(node, shared.idTree);
      }
      const next = file.resolve(structRoot.get('ParentTreeNextKey'));
      partNext = tree.entries.reduce((most, [key]) => Math.max(most, key + 1), typeof next === 'number' ? next : 0);
      const kids = kidsOf(file, structRoot.get('K'));
      const top = mergeableTop(file, kids);
      if (first && top) shared.document = this.next++;
      if (top && shared.document !== undefined) {
        standIns.set(top.ref.num, shared.document);
        if (first) this.documentElement = top.element;
        documentKids = top.kids;
      } else rootKids = kids;
    }
    const destsRef = catalog.get('Dests');
    const dests = file.dict(destsRef);
    if (dests) {
      this.dests ??= { num: this.next++, entries: new Map() };
      if (destsRef instanceof PdfRef) standIns.set(destsRef.num, this.dests.num);
    }

    // Every object the part keeps gets the next number, in the order the part wrote them.
    const numbers = new Map<number, number>(standIns);
    const kept = file.objectNumbers().filter((num) => !standIns.has(num));
    for (const num of kept) numbers.set(num, this.next++);
    const to: Renumber = (num) => numbers.get(num) ?? 0;

    // IDs another part already uses are renamed (each tab's renderer numbers its elements on its own: a long
    // handout's parts repeated 49 of 1,280), in the elements and in the table cells' /Headers that name them.
    const renames = new Map<string, PdfString>();
    for (const [key] of idTree?.entries ?? []) {
      const hex = Buffer.from(key.bytes).toString('hex');
      if (!this.ids.has(hex)) continue;
      let suffix = 2;
      const unique = (): PdfString => new PdfString(Buffer.concat([key.bytes, Buffer.from(`-${suffix}`)]));
      while (this.ids.has(Buffer.from(unique().bytes).toString('hex'))) suffix += 1;
      renames.set(hex, unique());
    }
    this.copyObjects(file, kept, to, { parents: new Map([[pagesRef.num, new PdfRef(shared.pages)]]), structParentShift: offset, renames });

    if (first) {
      this.catalog = renumbered(catalog, to) as PdfDict;
      if (structRoot) this.structRoot = renumbered(structRoot, to) as PdfDict;
      if (this.documentElement) this.documentElement = renumbered(this.documentElement, to) as PdfDict;
      if (infoRef instanceof PdfRef) this.info = new PdfRef(to(infoRef.num));
    }
    this.documentKids.push(...documentKids.map((kid) => new PdfRef(to(kid.num))));
    this.rootKids.push(...rootKids.map((kid) => renumbered(kid, to)));
    if (tree) for (const [key, value] of tree.entries) this.parentTree.push([key + offset, renumbered(value, to)]);
    for (const [key, value] of idTree?.entries ?? []) {
      const named = renames.get(Buffer.from(key.bytes).toString('hex')) ?? key;
      this.ids.set(Buffer.from(named.bytes).toString('hex'), [named, renumbered(value, to)]);
    }
    this.nextKey = offset + partNext;
    if (dests && this.dests) for (const [name, value] of dests) if (!this.dests.entries.has(name)) this.dests.entries.set(name, renumbered(value, to));
    this.pageBranches.push(new PdfRef(to(pagesRef.num)));
    const count = file.dict(pagesRef)?.get('Count');
    this.pageCount += typeof count === 'number' ? count : file.pageCount;
  }

  /**
   * Copies the part's kept objects in file order. Each object's bytes run from its offset to the next object's (Chromium
   * writes them one after another); an object's text has its references renumbered, a stream's data is copied as is.
   * A page tree root (given its new `/Parent` in `parents`), an object with a structure-parent key to move, and one
   * that may hold a renamed structure element ID, is parsed and written anew.
   */
  private copyObjects(
    file: PdfFile,
    kept: readonly number[],
    to: Renumber,
    { parents, structParentShift, renames }: { parents: ReadonlyMap<number, PdfRef>; structParentShift: number; renames: ReadonlyMap<string, PdfString> },
  ): void {
    const bytes = file.bytes;
    const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
    const starts = file
      .objectNumbers()
      .map((num) => file.offsetOf(num) ?? 0)
      .sort((a, b) => a - b);
    const endOf = (start: number): number => {
      // The first object start after this one (binary search), or the cross-reference table.
      let [lo, hi] = [0, starts.length];
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (starts[mid] <= start) lo = mid + 1;
        else hi = mid;
      }
      return lo < starts.length ? starts[lo] : file.xrefOffset;
    };
    // This part's subset tags and the tags they are written with.
    const tags = new Map<string, string>();
    for (const num of kept) {
      const start = file.offsetOf(num) ?? 0;
      const region = text.slice(start, endOf(start));
      const header = /^(\d+)\s+(\d+)\s+obj\b/.exec(region);
      const close = region.lastIndexOf('endobj');
      if (!header || Number(header[1]) !== num || close < 0) throw new PdfSyntaxError(`Object ${num} is not where the cross-reference table says.`);
      const stream = /endstream\s*$/.test(region.slice(Math.max(0, close - 24), close));
      const data = stream ? file.dataRange(num) : undefined;
      if (stream && !data) throw new PdfSyntaxError(`Stream ${num} has no data where its /Length says.`);
      const head = header[0].length;
      const dictText = data ? text.slice(start + head, data.start) : region.slice(head, close);
      const parent = parents.get(num);
      const shifts = structParentShift !== 0 && dictText.includes('/StructParent');
      const renamed = renames.size > 0 && (dictText.includes('/ID') || dictText.includes('/Headers'));
      const rewrite = parent !== undefined || shifts || renamed;
      const newNum = to(num);
      this.offsets[newNum] = this.offset;
      if (!rewrite) this.write(`${newNum} 0 obj${this.subsetTags.retagged(renumberedText(dictText, to), tags)}`);
      else {
        const value = renumbered(file.object(new PdfRef(num, Number(header[2]))), to);
        if (value instanceof Map && parent) value.set('Parent', parent);
        if (shifts) shiftStructParents(value, structParentShift);
        if (renamed) renameIds(value, renames);
        this.write(`${newNum} 0 obj\n${this.subsetTags.retagged(serialize(value), tags)}\n${data ? 'stream\n' : ''}`);
      }
      if (!data) {
        this.write('endobj\n');
        continue;
      }
      this.writeBytes(bytes.subarray(data.start, data.end));
      this.write(rewrite ? '\nendstream\nendobj\n' : `${text.slice(data.end, start + close)}endobj\n`);
    }
  }

  private write(text: string): void {
    this.pending += text;
    this.offset += text.length;
  }

  private writeBytes(data: Uint8Array): void {
    this.flushText();
    this.chunks.push(data);
    this.offset += data.byteLength;
  }

  private flushText(): void {
    if (this.pending) this.chunks.push(Buffer.from(this.pending, 'latin1'));
    this.pending = '';
  }

  private writeObject(num: number, value: PdfValue): void {
    this.offsets[num] = this.offset;
    this.write(`${num} 0 obj\n${serialize(value)}\nendobj\n`);
  }

  /** The joined file: the shared objects written last, then the cross-reference table and trailer. */
  finish(): Uint8Array {
    const { shared } = this;
    const ref = (num: number): PdfRef => new PdfRef(num);
    this.writeObject(
      shared.pages,
      new Map<string, PdfValue>([
        ['Type', new PdfName('Pages')],
        ['Kids', this.pageBranches],
        ['Count', this.pageCount],
      ]),
    );
    const catalog = new Map(this.catalog);
    catalog.set('Pages', ref(shared.pages));
    if (this.dests) {
      this.writeObject(this.dests.num, this.dests.entries);
      catalog.set('Dests', ref(this.dests.num));
    }
    if (shared.structRoot !== undefined && shared.parentTree !== undefined && this.structRoot) {
      const nums: PdfValue[] = [];
      for (const [key, value] of this.parentTree.sort((a, b) => a[0] - b[0])) nums.push(key, value);
      this.writeObject(shared.parentTree, new Map([['Nums', nums]]));
      const rootKids = [...this.rootKids];
      if (shared.document !== undefined && this.documentElement) {
        const element = new Map(this.documentElement);
        element.set('P', ref(shared.structRoot));
        element.set('K', this.documentKids);
        this.writeObject(shared.document, element);
        rootKids.unshift(ref(shared.document));
      }
      const root = new Map(this.structRoot);
      if (shared.idTree !== undefined) {
        const names: PdfValue[] = [...this.ids.values()].sort(([a], [b]) => byBytes(a, b)).flat();
        this.writeObject(shared.idTree, new Map([['Names', names]]));
        root.set('IDTree', ref(shared.idTree));
      }
      root.set('K', rootKids.length === 1 ? rootKids[0] : rootKids);
      root.set('ParentTree', ref(shared.parentTree));
      root.set('ParentTreeNextKey', this.nextKey);
      this.writeObject(shared.structRoot, root);
      catalog.set('StructTreeRoot', ref(shared.structRoot));
    }
    this.writeObject(shared.catalog, catalog);
    const xrefAt = this.offset;
    const lines = ['xref', `0 ${this.next}`, '0000000000 65535 f '];
    for (let num = 1; num < this.next; num += 1) {
      const at = this.offsets[num];
      lines.push(at === undefined ? '0000000000 00000 f ' : `${String(at).padStart(10, '0')} 00000 n `);
    }
    const trailer = new Map<string, PdfValue>([
      ['Size', this.next],
      ['Root', ref(shared.catalog)],
    ]);
    if (this.info) trailer.set('Info', this.info);
    this.write(`${lines.join('\n')}\ntrailer\n${serialize(trailer)}\nstartxref\n${xrefAt}\n%%EOF\n`);
    this.flushText();
    return Buffer.concat(this.chunks);
  }
}
