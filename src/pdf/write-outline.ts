import { PdfName, PdfString, type PdfDict, type PdfRef, type PdfValue } from './pdf-syntax.js';
import type { PdfFile } from './pdf-file.js';
import type { PdfUpdate } from './pdf-update.js';

/** One bookmark: its title, depth (1 = top level) and the destination it opens (a destination array, §12.3.2.2). */
export interface OutlineEntry {
  title: string;
  level: number;
  destination: PdfValue[];
}

interface Node {
  entry: OutlineEntry;
  ref: PdfRef;
  children: Node[];
}

/** Nests entries by level: each entry becomes a child of the nearest earlier entry with a smaller level. */
function nest(update: PdfUpdate, entries: readonly OutlineEntry[]): Node[] {
  const roots: Node[] = [];
  const stack: Node[] = [];
  for (const entry of entries) {
    const node: Node = { entry, ref: update.reserve(), children: [] };
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

function writeLevel(update: PdfUpdate, nodes: readonly Node[], parent: PdfRef): void {
  nodes.forEach((node, i) => {
    const item: PdfDict = new Map<string, PdfValue>([
      ['Title', PdfString.text(node.entry.title)],
      ['Parent', parent],
      ['Dest', node.entry.destination],
    ]);
    if (i > 0) item.set('Prev', nodes[i - 1].ref);
    if (i < nodes.length - 1) item.set('Next', nodes[i + 1].ref);
    if (node.children.length > 0) {
      item.set('First', node.children[0].ref);
      item.set('Last', node.children[node.children.length - 1].ref);
      item.set('Count', descendants(node));
      writeLevel(update, node.children, node.ref);
    }
    update.set(node.ref, item);
  });
}

/**
 * Replaces the PDF's bookmarks (PDF 1.7 §12.3.3) with `entries`, in reading order and nested by level, and asks
 * viewers to show them; no entries removes the bookmarks. Chromium's own outline (page.pdf `outline: true`, checked
 * with Chromium 156) nests every heading under the cover's h1 and doubles some titles ("Key judgmentsKey judgments"),
 * so briefkit writes its own from the headings it measured.
 */
export function writeOutline(update: PdfUpdate, entries: readonly OutlineEntry[]): void {
  if (entries.length === 0) {
    if (update.file.catalog.has('Outlines')) update.editCatalog((catalog) => catalog.delete('Outlines'));
    return;
  }
  const rootRef = update.reserve();
  const roots = nest(update, entries);
  writeLevel(update, roots, rootRef);
  update.set(
    rootRef,
    new Map<string, PdfValue>([
      ['Type', new PdfName('Outlines')],
      ['First', roots[0].ref],
      ['Last', roots[roots.length - 1].ref],
      ['Count', roots.reduce((sum, node) => sum + 1 + descendants(node), 0)],
    ]),
  );
  update.editCatalog((catalog) => {
    catalog.set('Outlines', rootRef);
    catalog.set('PageMode', new PdfName('UseOutlines'));
  });
}

/** Bookmarks that each open a whole page (`/Fit`): one per slide of a deck or handout. */
export function pageOutline(file: PdfFile, entries: readonly { title: string; pageIndex: number }[]): OutlineEntry[] {
  const pages = file.pageRefs();
  return entries.filter((e) => e.pageIndex >= 0 && e.pageIndex < pages.length).map((e) => ({ title: e.title, level: 1, destination: [pages[e.pageIndex], new PdfName('Fit')] }));
}
