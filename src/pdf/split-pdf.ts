import { PdfFile } from './pdf-file.js';
import { PdfName, PdfRef, PdfSyntaxError, serialize, type PdfDict, type PdfValue } from './pdf-syntax.js';

/** Page attributes a page takes from its ancestors in the page tree when it has none of its own (ISO 32000-1 §7.7.3.4). */
const inheritable = ['Resources', 'MediaBox', 'CropBox', 'Rotate'];

/** One page of the printed PDF, its inherited attributes made its own. */
interface FlatPage {
  ref: PdfRef;
  dict: PdfDict;
}

/** The pages in order, each with the attributes it inherits written into it, so it can hang off a new page tree. */
function flatPages(file: PdfFile): FlatPage[] {
  const pages: FlatPage[] = [];
  const visit = (ref: PdfValue | undefined, inherited: PdfDict, depth: number): void => {
    const node = ref instanceof PdfRef && depth <= 64 ? file.dict(ref) : undefined;
    if (!node || !(ref instanceof PdfRef)) return;
    const type = node.get('Type');
    if (type instanceof PdfName && type.text === 'Page') {
      const dict = new Map(node);
      for (const [key, value] of inherited) if (!dict.has(key)) dict.set(key, value);
      pages.push({ ref, dict });
      return;
    }
    const passed = new Map(inherited);
    for (const key of inheritable) if (node.has(key)) passed.set(key, node.get(key) ?? null);
    const kids = file.resolve(node.get('Kids'));
    if (Array.isArray(kids)) for (const kid of kids) visit(kid, passed, depth + 1);
  };
  visit(file.catalog.get('Pages'), new Map(), 0);
  return pages;
}

/** The entries of a number tree (§7.9.7), flattened: key → value. */
function numberTree(file: PdfFile, node: PdfDict | undefined, out = new Map<number, PdfValue>(), depth = 0): Map<number, PdfValue> {
  if (!node || depth > 32) return out;
  const nums = file.resolve(node.get('Nums'));
  if (Array.isArray(nums)) for (let i = 0; i + 1 < nums.length; i += 2) if (typeof nums[i] === 'number') out.set(nums[i] as number, nums[i + 1]);
  const kids = file.resolve(node.get('Kids'));
  if (Array.isArray(kids)) for (const kid of kids) numberTree(file, file.dict(kid), out, depth + 1);
  return out;
}

/**
 * The children of a structure element or root (`/K`) as a list: one child (a reference to an element, a content
 * reference, a marked-content id) or an array of them, which may itself be an indirect object.
 */
function kidsOf(file: PdfFile, value: PdfValue | undefined): PdfValue[] {
  if (value === undefined || value === null) return [];
  const array = value instanceof PdfRef ? file.object(value) : value;
  return Array.isArray(array) ? array : [value];
}

/** Whether a dictionary is a marked-content or object reference (§14.7.4.3, Tables 324 and 325). */
function isContentReference(dict: PdfDict): boolean {
  const type = dict.get('Type');
  return type instanceof PdfName && (type.text === 'MCR' || type.text === 'OBJR');
}

/** What is left of a structure element in a part: all of it, none of it, or some (a pruned copy was made). */
type Kept = 'all' | 'some' | 'none';

/**
 * Prunes the structure tree (§14.7.2) to the content on the kept pages: a marked-content id counts for the page its
 * element (or the nearest ancestor) names in `/Pg`, a content reference for its own `/Pg`. An element keeps the
 * children that have content in the part and goes when none has; pruned copies replace the originals under the same
 * object numbers. Returns the new root's value, or undefined when nothing of the tree is on the kept pages.
 */
function pruneStructure(file: PdfFile, kept: readonly FlatPage[], replaced: Map<number, PdfValue>): PdfDict | undefined {
  const rootRef = file.catalog.get('StructTreeRoot');
  const root = file.dict(rootRef);
  if (!root || !(rootRef instanceof PdfRef)) return undefined;
  const keptNums = new Set(kept.map((page) => page.ref.num));
  const onKeptPage = (page: PdfValue | undefined): boolean => page instanceof PdfRef && keptNums.has(page.num);
  const memo = new Map<number, Kept>();

  const pruneElement = (ref: PdfRef, inheritedPage: PdfValue | undefined, depth: number): Kept => {
    const known = memo.get(ref.num);
    if (known !== undefined) return known;
    const element = file.dict(ref);
    if (!element || depth > 256) return 'none';
    memo.set(ref.num, 'none');
    const page = element.get('Pg') ?? inheritedPage;
    const out: PdfValue[] = [];
    let changed = false;
    for (const kid of kidsOf(file, element.get('K'))) {
      let keep: boolean;
      if (typeof kid === 'number') keep = onKeptPage(page);
      else if (kid instanceof PdfRef) {
        const target = file.dict(kid);
        if (target && isContentReference(target)) keep = onKeptPage(target.get('Pg') ?? page);
        else keep = pruneElement(kid, page, depth + 1) !== 'none';
      } else if (kid instanceof Map) keep = isContentReference(kid) && onKeptPage(kid.get('Pg') ?? page);
      else keep = false;
      if (keep) out.push(kid);
      else changed = true;
    }
    let result: Kept = 'all';
    const ownPage = element.get('Pg');
    const pageGone = ownPage !== undefined && !onKeptPage(ownPage);
    if (out.length === 0) result = 'none';
    else if (changed || pageGone) {
      const copy = new Map(element);
      copy.set('K', out);
      if (pageGone) copy.delete('Pg');
      replaced.set(ref.num, copy);
      result = 'some';
    }
    memo.set(ref.num, result);
    return result;
  };

  const top = kidsOf(file, root.get('K')).filter((kid) => kid instanceof PdfRef && pruneElement(kid, undefined, 0) !== 'none');
  if (top.length === 0) return undefined;

  // The parent tree keeps the entries of the kept pages (`/StructParents`) and of their annotations (`/StructParent`).
  const entries = numberTree(file, file.dict(root.get('ParentTree')));
  const keys: number[] = [];
  for (const { dict } of kept) {
    const own = dict.get('StructParents');
    if (typeof own === 'number') keys.push(own);
    const annots = file.resolve(dict.get('Annots'));
    for (const annot of Array.isArray(annots) ? annots : []) {
      const key = file.dict(annot)?.get('StructParent');
      if (typeof key === 'number') keys.push(key);
    }
  }
  const nums: PdfValue[] = [];
  for (const key of [...new Set(keys)].sort((a, b) => a - b)) {
    const value = entries.get(key);
    if (value !== undefined) nums.push(key, value);
  }
  const pruned = new Map(root);
  pruned.set('K', top);
  pruned.set('ParentTree', new Map<string, PdfValue>([['Nums', nums]]));
  // An id tree may name elements of the other part; it is optional (§14.7.2, Table 322).
  pruned.delete('IDTree');
  return pruned;
}

/** Named destinations (the catalog's `/Dests`) that open one of the kept pages. */
function keptDestinations(file: PdfFile, keptNums: ReadonlySet<number>): PdfDict | undefined {
  const dests = file.dict(file.catalog.get('Dests'));
  if (!dests) return undefined;
  const out: PdfDict = new Map();
  for (const [name, raw] of dests) {
    const value = file.resolve(raw);
    const array = value instanceof Map ? file.resolve(value.get('D')) : value;
    const target = Array.isArray(array) ? array[0] : undefined;
    if (target instanceof PdfRef && keptNums.has(target.num)) out.set(name, raw);
  }
  return out.size > 0 ? out : undefined;
}

/** Every reference inside a value. */
function referencesIn(value: PdfValue | undefined, out: PdfRef[]): void {
  if (value instanceof PdfRef) out.push(value);
  else if (Array.isArray(value)) for (const item of value) referencesIn(item, out);
  else if (value instanceof Map) for (const item of value.values()) referencesIn(item, out);
}

/** The objects a part needs: everything reachable from its trailer, by number, with the references seen. */
function reachable(file: PdfFile, roots: readonly PdfRef[], replaced: ReadonlyMap<number, PdfValue>): Map<number, PdfRef> {
  const seen = new Map<number, PdfRef>();
  const queue = [...roots];
  while (queue.length > 0) {
    const ref = queue.pop() as PdfRef;
    if (seen.has(ref.num)) continue;
    seen.set(ref.num, ref);
    referencesIn(replaced.has(ref.num) ? replaced.get(ref.num) : file.object(ref), queue);
  }
  return seen;
}

const newline = Buffer.from('\n');

/** A PDF file holding the given objects under their own numbers, the numbers in between free (§7.5.4). */
function writeFile(file: PdfFile, objects: ReadonlyMap<number, PdfRef>, replaced: ReadonlyMap<number, PdfValue>, trailer: PdfDict): Uint8Array {
  const chunks: Uint8Array[] = [file.header()];
  let offset = chunks[0].length;
  const offsets = new Map<number, number>();
  for (const num of [...objects.keys()].sort((a, b) => a - b)) {
    const ref = objects.get(num) as PdfRef;
    let chunk: Uint8Array;
    if (replaced.has(num)) chunk = Buffer.from(`${num} ${ref.gen} obj\n${serialize(replaced.get(num) ?? null)}\nendobj\n`, 'latin1');
    else {
      const extent = file.extent(ref);
      if (!extent) throw new PdfSyntaxError(`Object ${num} is referenced but not in the file.`);
      chunk = file.bytes.subarray(extent.start, extent.end);
    }
    offsets.set(num, offset);
    chunks.push(chunk, newline);
    offset += chunk.length + 1;
  }
  let size = 1;
  for (const num of objects.keys()) size = Math.max(size, num + 1);
  // Free entries are chained: each names the next free number, the last names 0 (§7.5.4).
  const free = Array.from({ length: size }, (_, num) => num).filter((num) => !offsets.has(num));
  const nextFree = new Map(free.map((num, i) => [num, free[i + 1] ?? 0]));
  const lines = ['xref', `0 ${size}`];
  for (let num = 0; num < size; num += 1) {
    const at = offsets.get(num);
    if (at === undefined) lines.push(`${String(nextFree.get(num)).padStart(10, '0')} ${num === 0 ? '65535' : '00001'} f `);
    else lines.push(`${String(at).padStart(10, '0')} ${String(objects.get(num)?.gen ?? 0).padStart(5, '0')} n `);
  }
  trailer.set('Size', size);
  chunks.push(Buffer.from(`${lines.join('\n')}\ntrailer\n${serialize(trailer)}\nstartxref\n${offset}\n%%EOF\n`, 'latin1'));
  return Buffer.concat(chunks);
}

/** One part: pages `start`..`end - 1` of the file, with what they need and nothing of the other pages. */
function writePart(file: PdfFile, pages: readonly FlatPage[], start: number, end: number): Uint8Array {
  const kept = pages.slice(start, end);
  if (kept.length === 0) throw new PdfSyntaxError(`A PDF of ${pages.length} pages has no pages ${start + 1} onwards.`);
  const keptNums = new Set(kept.map((page) => page.ref.num));
  const pagesRef = file.catalog.get('Pages');
  if (!(pagesRef instanceof PdfRef)) throw new PdfSyntaxError('The catalog has no page tree.');
  const replaced = new Map<number, PdfValue>();
  // One flat page tree under the old root's number; every kept page hangs off it directly.
  replaced.set(pagesRef.num, new Map<string, PdfValue>([['Type', new PdfName('Pages')], ['Kids', kept.map((page) => page.ref)], ['Count', kept.length]]));
  for (const page of kept) replaced.set(page.ref.num, new Map([...page.dict, ['Parent', pagesRef]]));

  const catalog = new Map(file.catalog);
  const structure = pruneStructure(file, kept, replaced);
  const structureRef = catalog.get('StructTreeRoot');
  if (structure && structureRef instanceof PdfRef) replaced.set(structureRef.num, structure);
  else {
    catalog.delete('StructTreeRoot');
    catalog.delete('MarkInfo');
  }
  const dests = keptDestinations(file, keptNums);
  if (dests) catalog.set('Dests', dests);
  else catalog.delete('Dests');
  // Page labels count pages by index and an outline may open pages of either part: the caller writes its own.
  catalog.delete('PageLabels');
  catalog.delete('Outlines');
  replaced.set(file.rootRef.num, catalog);

  const trailer: PdfDict = new Map<string, PdfValue>([['Root', file.rootRef]]);
  const info = file.trailer.get('Info');
  if (info instanceof PdfRef) trailer.set('Info', info);
  const id = file.trailer.get('ID');
  if (id !== undefined) trailer.set('ID', id);
  const objects = reachable(file, [file.rootRef, ...(info instanceof PdfRef ? [info] : [])], replaced);
  // Nothing of the other part may come along: a page of it still reachable (a link or tag pointing there) would carry
  // its content, and a part must never hold what it does not show.
  for (const page of pages) {
    if (!keptNums.has(page.ref.num) && objects.has(page.ref.num)) throw new PdfSyntaxError(`Page ${pages.indexOf(page) + 1} is still referenced from pages ${start + 1}–${start + kept.length}.`);
  }
  return writeFile(file, objects, replaced, trailer);
}

/**
 * Splits one printed PDF into files of page ranges (`[start, end)`, 0-based; an end past the last page means up to
 * the last page), each a PDF of its own:
 * its pages, the structure tree pruned to their content, their named destinations, and only the objects they use
 * (fonts and images used by several parts are copied into each). Unchanged objects are copied byte for byte;
 * content streams are never decoded. Throws PdfSyntaxError when the file is not laid out as Chromium writes it.
 */
export function splitPdf(bytes: Uint8Array, ranges: readonly (readonly [number, number])[]): Uint8Array[] {
  const file = PdfFile.parse(bytes);
  const pages = flatPages(file);
  return ranges.map(([start, end]) => writePart(file, pages, start, end));
}
