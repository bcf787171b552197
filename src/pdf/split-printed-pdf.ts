import { ObjectCopier } from './copy-objects.js';
import { PdfFile } from './pdf-file.js';
import { PdfName, PdfRef, PdfString, PdfSyntaxError, type PdfDict, type PdfValue } from './pdf-syntax.js';
import { PdfUpdate } from './pdf-update.js';
import { decodeName, destinationArray } from './read-destinations.js';
import { byBytes, kidsOf, treeEntries } from './structure-trees.js';
import { SubsetTags } from './subset-tags.js';

/** One document of a shared print: the prefix its ids were printed with, and the id that opens its first page. */
export interface SharedPrintDocument {
  prefix: string;
  /** An element id (without the prefix) whose named destination is on the document's first page. */
  startId: string;
  /** Whether the document names its start itself; when not, the name the shared print added for it is left out. */
  startNamed: boolean;
}

/** An empty PDF (a catalog and nothing else) with the given header, for a split document to be written into. */
function emptyPdf(header: Uint8Array): PdfFile {
  const object = '1 0 obj\n<< /Type /Catalog >>\nendobj\n';
  const xrefAt = header.byteLength + object.length;
  const tail = `xref\n0 2\n0000000000 65535 f \n${String(header.byteLength).padStart(10, '0')} 00000 n \ntrailer\n<< /Size 2 /Root 1 0 R >>\nstartxref\n${xrefAt}\n%%EOF\n`;
  return PdfFile.parse(Buffer.concat([header, Buffer.from(object + tail, 'latin1')]));
}

/** The shared print's structure tree: its Document element's children, each with the document it belongs to. */
interface SharedTree {
  root: PdfDict;
  rootRef: PdfRef;
  /** The element all documents' elements hang from (Chromium's `Document`), when there is one. */
  top?: { ref: PdfRef; element: PdfDict };
  /** The children of `top` (or of the root), in order, and the document each belongs to. */
  kids: { value: PdfValue; doc: number }[];
  parentTree: Map<number, PdfValue>;
  parentTreeNodes: number[];
  /** The structure element IDs (`/IDTree`), each with the document of the element it names. */
  ids?: { entries: [PdfString, PdfValue, number][]; nodes: number[] };
}

/**
 * Splits a PDF Chromium printed from several documents' pages laid one after another (see SharedPrints) into one PDF
 * per document, each as if printed alone: its pages, the structure elements whose content is on them (under a
 * `Document` of its own, in the same order), its entries of the parent tree (keys kept as printed; PDF 1.7
 * §14.7.4.4 asks only that they be unique), its structure element IDs and its named destinations. A document's ids were
 * printed with its prefix so that no two documents shared one; the prefix is taken off its destinations' names again
 * (and off the names its links use). Fonts and images are copied as bytes, once per document that uses them, with all
 * the glyphs the print subset for the whole group.
 */
export function splitPrintedPdf(bytes: Uint8Array, documents: readonly SharedPrintDocument[]): Uint8Array[] {
  const file = PdfFile.parse(bytes);
  const pages = file.pageRefs();
  const pageIndex = new Map(pages.map((ref, index) => [ref.num, index]));
  const dests = file.dict(file.catalog.get('Dests'));
  const destEntries = dests ? [...dests] : [];
  const pageOfDest = (raw: PdfValue | undefined): number | undefined => {
    const target = destinationArray(file, raw)?.[0];
    return target instanceof PdfRef ? pageIndex.get(target.num) : undefined;
  };
  // Each document starts on the page of its start id's destination; the starts must run in order.
  const starts = documents.map((doc) => {
    const entry = destEntries.find(([key]) => decodeName(key) === doc.prefix + doc.startId);
    const page = entry && pageOfDest(entry[1]);
    if (page === undefined) throw new PdfSyntaxError(`A shared print has no destination for ${doc.prefix}${doc.startId}.`);
    return page;
  });
  if (starts[0] !== 0 || starts.some((start, i) => i > 0 && start <= starts[i - 1])) throw new PdfSyntaxError(`A shared print's documents start on pages ${starts.map((s) => s + 1).join(', ')}.`);
  const ranges = starts.map((start, i): [number, number] => [start, i + 1 < starts.length ? starts[i + 1] : pages.length]);
  const docOfPage = (index: number): number => ranges.findIndex(([from, to]) => index >= from && index < to);
  const tree = sharedTree(file, pages, docOfPage);

  const header = file.bytes.subarray(0, file.headerLength);

  return documents.map((doc, d) => {
    const [from, to] = ranges[d];
    const target = emptyPdf(header);
    const update = new PdfUpdate(target);
    const skip = new Set(pages.filter((_, i) => i < from || i >= to).map((ref) => ref.num));
    // A name the document's ids were printed with loses its prefix: `/bkp3-x` becomes `/x` in its links.
    const prefixed = new RegExp(`([/(])${doc.prefix.replace(/[^\w]/g, (c) => `\\${c}`)}`, 'g');
    const copier = new ObjectCopier(file, update, skip, new SubsetTags(), (text) => text.replace(prefixed, '$1'));
    const pagesRef = update.reserve();
    // The print's page tree is no document's: each document's pages hang from a page tree of its own.
    for (const node of file.pageTreeNodes()) copier.alias(node.num, pagesRef);
    copier.alias(file.rootRef.num, target.rootRef);
    const kept = pages.slice(from, to).map((ref) => new PdfRef(copier.num(ref.num)));

    // Bookmarks, were there any, would be the whole print's: finishPdf writes each document's own.
    const catalog = new Map(copier.value(new Map([...file.catalog].filter(([key]) => !['Pages', 'StructTreeRoot', 'Dests', 'Outlines'].includes(key)))) as PdfDict);
    catalog.set('Pages', pagesRef);
    if (tree) catalog.set('StructTreeRoot', splitTree(file, tree, d, pages.slice(from, to), copier, update));
    const own = destEntries.filter(([key, value]) => key.startsWith(doc.prefix) && docOfPage(pageOfDest(value) ?? -1) === d && (doc.startNamed || decodeName(key) !== doc.prefix + doc.startId));
    if (own.length > 0) catalog.set('Dests', update.add(new Map(own.map(([key, value]) => [key.slice(doc.prefix.length), copier.value(value)]))));
    update.set(target.rootRef, catalog);
    update.set(pagesRef, new Map<string, PdfValue>([['Type', new PdfName('Pages')], ['Kids', kept], ['Count', kept.length]]));
    const info = file.dict(file.trailer.get('Info'));
    if (info) update.setInfo(copier.value(info) as PdfDict);
    copier.flush();
    return update.bytes({ whole: true });
  });
}

/** Reads the shared print's structure tree and which document each of its top elements belongs to. */
function sharedTree(file: PdfFile, pages: readonly PdfRef[], docOfPage: (index: number) => number): SharedTree | undefined {
  const rootRef = file.catalog.get('StructTreeRoot');
  const root = file.dict(rootRef);
  if (!root || !(rootRef instanceof PdfRef)) return undefined;
  const rootKids = kidsOf(file, root.get('K'));
  const [only] = rootKids;
  const element = rootKids.length === 1 ? file.dict(only) : undefined;
  const role = element && file.resolve(element.get('S'));
  const top = only instanceof PdfRef && element && role instanceof PdfName && role.text === 'Document' ? { ref: only, element } : undefined;
  const topNum = top?.ref.num ?? rootRef.num;
  const parents = treeEntries<number>(file, root.get('ParentTree'), 'Nums');
  const parentTree = new Map(parents.entries);
  // Each top element goes with the document of the first page its content is on, found from the pages' content up.
  const docOfKid = new Map<number, number>();
  const topOf = (ref: PdfRef): PdfRef | undefined => {
    let at = ref;
    for (let depth = 0; depth < 256; depth += 1) {
      const parent = file.dict(at)?.get('P');
      if (!(parent instanceof PdfRef)) return undefined;
      if (parent.num === topNum) return at;
      at = parent;
    }
    return undefined;
  };
  pages.forEach((pageRef, index) => {
    const key = file.dict(pageRef)?.get('StructParents');
    const entry = typeof key === 'number' ? file.resolve(parentTree.get(key)) : undefined;
    for (const leaf of Array.isArray(entry) ? entry : []) {
      const kid = leaf instanceof PdfRef ? topOf(leaf) : undefined;
      if (kid && !docOfKid.has(kid.num)) docOfKid.set(kid.num, docOfPage(index));
    }
  });
  // A top element with no content of its own goes with the one before it (the documents follow one another).
  let doc = 0;
  const kids = kidsOf(file, top ? top.element.get('K') : root.get('K')).map((value) => {
    if (value instanceof PdfRef && docOfKid.has(value.num)) doc = docOfKid.get(value.num) ?? doc;
    if (value instanceof PdfRef) docOfKid.set(value.num, doc);
    return { value, doc };
  });
  const ids = root.has('IDTree') ? treeEntries<PdfString>(file, root.get('IDTree'), 'Names') : undefined;
  const named = ids?.entries.flatMap(([key, value]): [PdfString, PdfValue, number][] => {
    const kid = value instanceof PdfRef ? topOf(value) : undefined;
    const owner = kid && docOfKid.get(kid.num);
    return owner === undefined ? [] : [[key, value, owner]];
  });
  return { root, rootRef, top, kids, parentTree, parentTreeNodes: parents.nodes, ids: ids && named && { entries: named, nodes: ids.nodes } };
}

/** Writes document `d`'s structure tree root (and its Document element, parent tree and IDs); returns the root's reference. */
function splitTree(file: PdfFile, tree: SharedTree, d: number, pages: readonly PdfRef[], copier: ObjectCopier, update: PdfUpdate): PdfRef {
  const rootRef = update.reserve();
  const parentTreeRef = update.reserve();
  copier.alias(tree.rootRef.num, rootRef);
  for (const node of tree.parentTreeNodes) copier.alias(node, parentTreeRef);
  const own = tree.kids.filter((kid) => kid.doc === d).map((kid) => copier.value(kid.value));
  let kids: PdfValue = own;
  if (tree.top) {
    const documentRef = update.reserve();
    copier.alias(tree.top.ref.num, documentRef);
    const element = copier.value(new Map([...tree.top.element].filter(([key]) => key !== 'K'))) as PdfDict;
    element.set('K', own);
    update.set(documentRef, element);
    kids = documentRef;
  }
  // The parent tree's entries of the document's pages and of their annotations.
  const keys = new Set<number>();
  for (const pageRef of pages) {
    const page = file.dict(pageRef);
    const key = page?.get('StructParents');
    if (typeof key === 'number') keys.add(key);
    const annots = file.resolve(page?.get('Annots'));
    for (const annot of Array.isArray(annots) ? annots : []) {
      const parent = file.dict(annot)?.get('StructParent');
      if (typeof parent === 'number') keys.add(parent);
    }
  }
  const nums: PdfValue[] = [];
  for (const key of [...keys].sort((a, b) => a - b)) if (tree.parentTree.has(key)) nums.push(key, copier.value(tree.parentTree.get(key) ?? null));
  update.set(parentTreeRef, new Map([['Nums', nums]]));
  const root = copier.value(new Map([...tree.root].filter(([key]) => !['K', 'ParentTree', 'IDTree'].includes(key)))) as PdfDict;
  root.set('K', kids);
  root.set('ParentTree', parentTreeRef);
  if (tree.ids) {
    const ids = tree.ids.entries.filter(([, , owner]) => owner === d);
    const idTree = update.reserve();
    for (const node of tree.ids.nodes) copier.alias(node, idTree);
    update.set(idTree, new Map([['Names', ids.sort(([a], [b]) => byBytes(a, b)).flatMap(([key, value]): PdfValue[] => [key, copier.value(value)])]]));
    root.set('IDTree', idTree);
  }
  update.set(rootRef, root);
  return rootRef;
}
