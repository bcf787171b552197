import type { PdfFile } from './pdf-file.js';
import { PdfName, PdfRef, type PdfDict, type PdfValue } from './pdf-syntax.js';
import { treeEntries } from './structure-trees.js';

/** Whether a dictionary has `/Type /<type>`. */
export function hasType(dict: PdfDict | undefined, type: string): boolean {
  const value = dict?.get('Type');
  return value instanceof PdfName && value.text === type;
}

/**
 * A printed deck's structure tree read page by page: which elements each page's marked content belongs to, and the
 * elements that belong to one page alone (a slide's own), found by walking up from each page's content.
 */
export class SlideStructure {
  private readonly parentTree: Map<number, PdfValue>;
  /** Each element's page (its index), or -1 for one with content on several. */
  private readonly pageOf = new Map<number, number>();

  constructor(private readonly deck: PdfFile) {
    const root = deck.dict(deck.catalog.get('StructTreeRoot'));
    this.parentTree = new Map(root ? treeEntries<number>(deck, root.get('ParentTree'), 'Nums').entries : []);
    deck.pageRefs().forEach((pageRef, index) => {
      for (const leaf of this.leaves(deck.dict(pageRef))) {
        for (let at: PdfRef | undefined = leaf; at; at = this.parent(at)) {
          const seen = this.pageOf.get(at.num);
          if (seen === index || seen === -1) break;
          this.pageOf.set(at.num, seen === undefined ? index : -1);
        }
      }
    });
  }

  /** A page's elements by MCID (null where none), from the parent tree. */
  entry(page: PdfDict | undefined): PdfValue[] {
    const key = page?.get('StructParents');
    const entry = typeof key === 'number' ? this.deck.resolve(this.parentTree.get(key)) : undefined;
    return Array.isArray(entry) ? entry.map((item) => (item instanceof PdfRef ? item : null)) : [];
  }

  /** The topmost elements all of whose content is on page `index`, in the order of their content. */
  ownElements(page: PdfDict | undefined, index: number): PdfRef[] {
    const tops: PdfRef[] = [];
    for (const leaf of this.leaves(page)) {
      let top = leaf;
      for (let up = this.parent(top); up && this.pageOf.get(up.num) === index; up = this.parent(up)) top = up;
      if (this.pageOf.get(top.num) === index && !tops.some((t) => t.num === top.num)) tops.push(top);
    }
    return tops;
  }

  private leaves(page: PdfDict | undefined): PdfRef[] {
    return this.entry(page).filter((item): item is PdfRef => item instanceof PdfRef);
  }

  private parent(ref: PdfRef): PdfRef | undefined {
    const parent = this.deck.dict(ref)?.get('P');
    return parent instanceof PdfRef && hasType(this.deck.dict(parent), 'StructElem') ? parent : undefined;
  }
}
