import { PDFDict, PDFHexString, PDFName, PDFNumber, type PDFArray, type PDFDocument, type PDFRef } from 'pdf-lib';

/** One bookmark: its title, depth (1 = top level) and the destination it opens. */
export interface OutlineEntry {
  title: string;
  level: number;
  destination: PDFArray;
}

interface Node {
  entry: OutlineEntry;
  ref: PDFRef;
  children: Node[];
}

/** Nests entries by level: each entry becomes a child of the nearest earlier entry with a smaller level. */
function nest(pdf: PDFDocument, entries: readonly OutlineEntry[]): Node[] {
  const roots: Node[] = [];
  const stack: Node[] = [];
  for (const entry of entries) {
    const node: Node = { entry, ref: pdf.context.nextRef(), children: [] };
    while (stack.length > 0 && stack[stack.length - 1].entry.level >= entry.level) stack.pop();
    (stack.length > 0 ? stack[stack.length - 1].children : roots).push(node);
    stack.push(node);
  }
  return roots;
}

/** Counts every descendant, as /Count needs for items shown open. */
function descendants(node: Node): number {
  return node.children.reduce((sum, child) => sum + 1 + descendants(child), 0);
}

function writeLevel(pdf: PDFDocument, nodes: readonly Node[], parent: PDFRef): void {
  nodes.forEach((node, i) => {
    const dict = PDFDict.withContext(pdf.context);
    dict.set(PDFName.of('Title'), PDFHexString.fromText(node.entry.title));
    dict.set(PDFName.of('Parent'), parent);
    dict.set(PDFName.of('Dest'), node.entry.destination);
    if (i > 0) dict.set(PDFName.of('Prev'), nodes[i - 1].ref);
    if (i < nodes.length - 1) dict.set(PDFName.of('Next'), nodes[i + 1].ref);
    if (node.children.length > 0) {
      dict.set(PDFName.of('First'), node.children[0].ref);
      dict.set(PDFName.of('Last'), node.children[node.children.length - 1].ref);
      dict.set(PDFName.of('Count'), PDFNumber.of(descendants(node)));
      writeLevel(pdf, node.children, node.ref);
    }
    pdf.context.assign(node.ref, dict);
  });
}

/**
 * Replaces the PDF's bookmarks with `entries` (in reading order, nested by level) and asks viewers to show them.
 * Chromium's own outline (page.pdf `outline: true`, checked with Chromium 156) nests every heading under the
 * cover's h1 and doubles some titles ("Key judgmentsKey judgments"), so briefkit writes its own from the headings
 * it measured.
 */
export function writeOutline(pdf: PDFDocument, entries: readonly OutlineEntry[]): void {
  pdf.catalog.delete(PDFName.of('Outlines'));
  if (entries.length === 0) return;
  const rootRef = pdf.context.nextRef();
  const roots = nest(pdf, entries);
  writeLevel(pdf, roots, rootRef);
  const root = PDFDict.withContext(pdf.context);
  root.set(PDFName.of('Type'), PDFName.of('Outlines'));
  root.set(PDFName.of('First'), roots[0].ref);
  root.set(PDFName.of('Last'), roots[roots.length - 1].ref);
  root.set(PDFName.of('Count'), PDFNumber.of(roots.reduce((sum, node) => sum + 1 + descendants(node), 0)));
  pdf.context.assign(rootRef, root);
  pdf.catalog.set(PDFName.of('Outlines'), rootRef);
  pdf.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
}
