import type { PdfFile } from './pdf-file.js';
import { PdfRef, PdfString, type PdfValue } from './pdf-syntax.js';

/** A number tree's or name tree's entries (PDF 1.7 §7.9.6–7), flattened in the order found, and its nodes' numbers. */
export interface TreeEntries<K> {
  entries: [K, PdfValue][];
  nodes: number[];
}

/** Reads a number tree (`/Nums`, keys integers) or a name tree (`/Names`, keys strings) from its root. */
export function treeEntries<K extends number | PdfString>(file: PdfFile, node: PdfValue | undefined, kind: 'Nums' | 'Names', out: TreeEntries<K> = { entries: [], nodes: [] }, depth = 0): TreeEntries<K> {
  const dict = file.dict(node);
  if (!dict || depth > 32) return out;
  if (node instanceof PdfRef) out.nodes.push(node.num);
  const pairs = file.resolve(dict.get(kind));
  const isKey = (key: PdfValue): key is K => (kind === 'Nums' ? typeof key === 'number' : key instanceof PdfString);
  if (Array.isArray(pairs)) for (let i = 0; i + 1 < pairs.length; i += 2) if (isKey(pairs[i])) out.entries.push([pairs[i] as K, pairs[i + 1]]);
  const kids = file.resolve(dict.get('Kids'));
  if (Array.isArray(kids)) for (const kid of kids) treeEntries(file, kid, kind, out, depth + 1);
  return out;
}

/** Orders name-tree keys by their bytes, as a name tree lists them (PDF 1.7 §7.9.6). */
export function byBytes(a: PdfString, b: PdfString): number {
  return Buffer.compare(Buffer.from(a.bytes), Buffer.from(b.bytes));
}

/** The children of a structure element or root (`/K`) as a list. */
export function kidsOf(file: PdfFile, value: PdfValue | undefined): PdfValue[] {
  const resolved = value instanceof PdfRef && Array.isArray(file.resolve(value)) ? file.resolve(value) : value;
  if (resolved === undefined) return [];
  return Array.isArray(resolved) ? resolved : [resolved];
}

/** Renames structure element IDs in a value: an element's `/ID`, and the IDs its `/Headers` (table cells) name. */
export function renameIds(value: PdfValue, renames: ReadonlyMap<string, PdfString>, key = ''): PdfValue {
  if (value instanceof PdfString) return key === 'ID' || key === 'Headers' ? (renames.get(Buffer.from(value.bytes).toString('hex')) ?? value) : value;
  if (Array.isArray(value)) return value.map((item) => renameIds(item, renames, key));
  if (value instanceof Map) for (const [name, item] of value) value.set(name, renameIds(item, renames, name));
  return value;
}
