import { PDFArray, PDFContext, PDFDict, PDFDocument, PDFName, PDFNumber, PDFObjectCopier, PDFPage, PDFRef, type PDFPageLeaf, type PDFObject } from 'pdf-lib';
import { loadOptions } from './pdf-lib-pace.js';

/** The entries of a number tree (PDF 1.7 §7.9.7), flattened: key → value, in the order found. */
function numberTreeEntries(node: PDFDict | undefined, out: [number, PDFObject][] = []): [number, PDFObject][] {
  if (!node) return out;
  const nums = node.lookupMaybe(PDFName.of('Nums'), PDFArray);
  if (nums) for (let i = 0; i + 1 < nums.size(); i += 2) out.push([(nums.lookup(i, PDFNumber) as PDFNumber).asNumber(), nums.get(i + 1)]);
  const kids = node.lookupMaybe(PDFName.of('Kids'), PDFArray);
  if (kids) for (let i = 0; i < kids.size(); i += 1) numberTreeEntries(kids.lookup(i, PDFDict), out);
  return out;
}

/** The children of a structure element or root (`/K`) as a list. */
function kids(value: PDFObject | undefined): PDFObject[] {
  if (value === undefined) return [];
  return value instanceof PDFArray ? value.asArray() : [value];
}

/** The single top structure element of a tree (Chromium's `Document`), with its children, when it can take more. */
function topElement(context: PDFContext, rootKids: PDFObject[]): { element: PDFDict; ref: PDFRef; kids: PDFObject[] } | undefined {
  const [only] = rootKids;
  if (rootKids.length !== 1 || !(only instanceof PDFRef)) return undefined;
  const element = context.lookup(only);
  if (!(element instanceof PDFDict) || !mergeable(context, element)) return undefined;
  return { element, ref: only, kids: kids(element.get(PDFName.of('K'))) };
}

/** Whether every child of a structure element is an indirect structure element (no marked content of its own). */
function mergeable(context: PDFContext, element: PDFDict): boolean {
  return kids(element.get(PDFName.of('K'))).every((kid) => kid instanceof PDFRef && context.lookup(kid) instanceof PDFDict);
}

/**
 * Joins PDFs printed in chunks from one page into one document, a part at a time as each arrives (so the work
 * overlaps the printing of the parts still to come): the pages in order, and, when the parts are tagged (Chromium's
 * `tagged: true`), one structure tree holding every part's tree, its parent-tree keys renumbered so they stay unique
 * (each page's `/StructParents` and each annotation's `/StructParent` moved by the same amount; PDF 1.7 §14.7.4.4).
 * Named destinations are merged too.
 */
export class PdfJoiner {
  private readonly context: PDFContext;
  private readonly root?: PDFDict;
  private readonly rootRef?: PDFObject;
  private readonly entries: [number, PDFObject][];
  private readonly rootKids: PDFObject[];
  private nextKey: number;
  private readonly dests?: PDFDict;
  private readonly document?: { element: PDFDict; ref: PDFRef; kids: PDFObject[] };
  private joined = 1;

  private constructor(readonly out: PDFDocument) {
    const { context, catalog } = out;
    this.context = context;
    this.root = catalog.lookupMaybe(PDFName.of('StructTreeRoot'), PDFDict);
    this.rootRef = catalog.get(PDFName.of('StructTreeRoot'));
    this.entries = numberTreeEntries(this.root?.lookupMaybe(PDFName.of('ParentTree'), PDFDict));
    this.rootKids = kids(this.root?.get(PDFName.of('K')));
    this.nextKey = Math.max(this.root?.lookupMaybe(PDFName.of('ParentTreeNextKey'), PDFNumber)?.asNumber() ?? 0, ...this.entries.map(([k]) => k + 1));
    this.dests = catalog.lookupMaybe(PDFName.of('Dests'), PDFDict);
    this.document = topElement(context, this.rootKids);
  }

  /** Starts the joined document from its first part. */
  static async start(first: Uint8Array): Promise<PdfJoiner> {
    return new PdfJoiner(await PDFDocument.load(first, loadOptions));
  }

  /** Appends the next part: its pages, its structure tree and its named destinations. */
  async add(bytes: Uint8Array): Promise<void> {
    const { context, root, rootRef, entries, rootKids, dests, document } = this;
    const part = await PDFDocument.load(bytes, loadOptions);
    // One copier per part: pages and structure elements that point at each other are copied once.
    const copier = PDFObjectCopier.for(part.context, context);
    const offset = this.nextKey;
    let partNext = 0;
    const shift = (dict: PDFDict, key: string): void => {
      const value = dict.lookupMaybe(PDFName.of(key), PDFNumber);
      if (value === undefined) return;
      partNext = Math.max(partNext, value.asNumber() + 1);
      dict.set(PDFName.of(key), PDFNumber.of(value.asNumber() + offset));
    };
    for (const page of part.getPages()) {
      // Copied by reference, so structure elements pointing at the page (`/Pg`) get this copy and no other.
      const ref = copier.copy(page.ref) as PDFRef;
      const added = this.out.addPage(PDFPage.of(context.lookup(ref) as PDFPageLeaf, ref, this.out));
      if (root) {
        shift(added.node, 'StructParents');
        const annots = added.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
        for (let i = 0; i < (annots?.size() ?? 0); i += 1) {
          const annot = annots?.lookupMaybe(i, PDFDict);
          if (annot) shift(annot, 'StructParent');
        }
      }
    }
    const partRoot = part.catalog.lookupMaybe(PDFName.of('StructTreeRoot'), PDFDict);
    if (root && partRoot && rootRef instanceof PDFRef) {
      for (const kid of kids(partRoot.get(PDFName.of('K')))) {
        // The part's own root is not copied along: its top element's children join ours (one Document element
        // for the whole file, as PDF/UA asks), or failing that the element itself joins our root.
        const source = kid instanceof PDFRef ? part.context.lookup(kid) : kid;
        if (source instanceof PDFDict) source.delete(PDFName.of('P'));
        const copied = copier.copy(kid);
        const element = copied instanceof PDFRef ? context.lookup(copied) : copied;
        if (document && element instanceof PDFDict && mergeable(context, element)) {
          for (const child of kids(element.get(PDFName.of('K')))) {
            (context.lookup(child) as PDFDict).set(PDFName.of('P'), document.ref);
            document.kids.push(child);
          }
        } else {
          if (element instanceof PDFDict) element.set(PDFName.of('P'), rootRef);
          rootKids.push(copied);
        }
      }
      for (const [key, value] of numberTreeEntries(partRoot.lookupMaybe(PDFName.of('ParentTree'), PDFDict))) {
        entries.push([key + offset, copier.copy(value)]);
        partNext = Math.max(partNext, key + 1);
      }
    }
    this.nextKey = offset + partNext;
    const partDests = part.catalog.lookupMaybe(PDFName.of('Dests'), PDFDict);
    if (dests && partDests) for (const [name, value] of partDests.entries()) if (!dests.has(name)) dests.set(name, copier.copy(value));
    this.joined += 1;
  }

  /** The joined document, its structure tree written back (a single part is returned as loaded). */
  finish(): PDFDocument {
    const { context, root, entries, rootKids, document } = this;
    if (this.joined === 1) return this.out;
    if (document) document.element.set(PDFName.of('K'), context.obj(document.kids));
    if (root) {
      const nums = context.obj([]);
      for (const [key, value] of entries.sort((a, b) => a[0] - b[0])) {
        nums.push(PDFNumber.of(key));
        nums.push(value);
      }
      root.set(PDFName.of('ParentTree'), context.register(context.obj({ Nums: nums })));
      root.set(PDFName.of('ParentTreeNextKey'), PDFNumber.of(this.nextKey));
      root.set(PDFName.of('K'), context.obj(rootKids));
    }
    return this.out;
  }
}
