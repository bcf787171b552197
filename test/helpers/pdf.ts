import { execFileSync, spawnSync } from 'node:child_process';
import { withoutSoftHyphens } from './text.js';
import { readFileSync, statSync } from 'node:fs';

const pageCache = new Map<string, string[]>();

/** The text of a PDF, one string per page (poppler's pdftotext); remembered per file and modification time. */
export function pdfPages(file: string): string[] {
  const key = `${file}@${statSync(file).mtimeMs}`;
  const cached = pageCache.get(key);
  if (cached) return cached;
  const text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  // Reports carry soft hyphens (U+00AD) in hyphenated paragraph words; Chromium keeps them in the PDF's text though
  // a reader sees none (only the hyphen drawn at a line end), so they are removed here as a reader would read.
  const pages = withoutSoftHyphens(text).split('\f');
  if (pages.length > 0 && pages[pages.length - 1].trim() === '') pages.pop();
  pageCache.set(key, pages);
  return pages;
}

/** The text of a PDF exactly as pdftotext reads it, soft hyphens included (what a search or a copy gets). */
export function pdfRawText(file: string): string {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

/** The text in the order the page draws it (pdftotext `-raw`), as extractors that follow the glyphs read it. */
export function pdfContentOrderText(file: string): string {
  return execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

/** The text pdftotext reads (in content order, `-raw`) inside a band of one page: `top` and `height` in points from the page's top edge. */
export function pdfBandText(file: string, page: number, top: number, height: number): string {
  const area = ['-x', '0', '-y', String(Math.round(top)), '-W', '10000', '-H', String(Math.round(height))];
  return execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', '-f', String(page), '-l', String(page), ...area, file, '-'], { encoding: 'utf8' });
}

/** pdfinfo's fields as a record ("Title", "Pages", "Author", ...). */
export function pdfInfo(file: string): Record<string, string> {
  const text = execFileSync('pdfinfo', ['-enc', 'UTF-8', file], { encoding: 'utf8' });
  const info: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const match = /^([^:]+):\s*(.*)$/.exec(line);
    if (match) info[match[1].trim()] = match[2].trim();
  }
  return info;
}

/** Font names embedded in a PDF (pdffonts). */
export function pdfFonts(file: string): string[] {
  const text = execFileSync('pdffonts', [file], { encoding: 'utf8' });
  return text.split('\n').slice(2).filter(Boolean).map((line) => line.split(/\s+/)[0]);
}

/** The fonts of a PDF as pdffonts lists them: name (with its subset tag; `[none]` for an unnamed one) and type. */
export function pdfFontTable(file: string): { name: string; type: string }[] {
  const lines = execFileSync('pdffonts', [file], { encoding: 'utf8' }).split('\n');
  // The second line is the rule under the header; its dashes give each column's width.
  const widths = (lines[1] ?? '').split(' ').map((dashes) => dashes.length);
  return lines.slice(2).filter(Boolean).map((line) => ({ name: line.slice(0, widths[0]).trim(), type: line.slice(widths[0] + 1, widths[0] + 1 + widths[1]).trim() }));
}

/** Every word of a page with its box in points from the top left (pdftotext -bbox), and the page's width. */
export function pdfWordBoxes(file: string, page: number): { width: number; words: { text: string; xMin: number; xMax: number; yMin: number; yMax: number }[] } {
  const html = execFileSync('pdftotext', ['-bbox', '-f', String(page), '-l', String(page), file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const width = Number(/<page width="([\d.]+)"/.exec(html)?.[1]);
  const words = [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({ text: m[5], xMin: Number(m[1]), yMin: Number(m[2]), xMax: Number(m[3]), yMax: Number(m[4]) }));
  return { width, words };
}

/** Collapses whitespace so text that wrapped across lines can be matched. */
export function flat(text: string): string {
  return text.replace(/\s+/g, ' ');
}

/** The PDF's bookmarks in order, each with the 0-based page it opens (read with pdf-lib). */
export async function pdfOutline(file: string): Promise<{ title: string; pageIndex: number }[]> {
  const { PDFDocument, PDFDict, PDFName, PDFArray, PDFHexString, PDFString, PDFRef } = await import('pdf-lib');
  const { readFileSync } = await import('node:fs');
  const pdf = await PDFDocument.load(readFileSync(file), { updateMetadata: false });
  const pageRefs = pdf.getPages().map((p) => p.ref.toString());
  const outlines = pdf.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict);
  const entries: { title: string; pageIndex: number }[] = [];
  let item = outlines?.lookupMaybe(PDFName.of('First'), PDFDict);
  while (item) {
    const title = item.lookup(PDFName.of('Title'));
    const dest = item.lookupMaybe(PDFName.of('Dest'), PDFArray);
    const target = dest?.get(0);
    entries.push({
      title: title instanceof PDFHexString || title instanceof PDFString ? title.decodeText() : '',
      pageIndex: target instanceof PDFRef ? pageRefs.indexOf(target.toString()) : -1,
    });
    item = item.lookupMaybe(PDFName.of('Next'), PDFDict);
  }
  return entries;
}

/** One bookmark of a PDF's outline, with its children and the 1-based page it opens. */
export interface OutlineItem {
  title: string;
  page: number;
  children: OutlineItem[];
}

/** The PDF's bookmarks as a tree (read with pdf-lib). */
export async function pdfOutlineTree(file: string): Promise<OutlineItem[]> {
  const { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRef, PDFString } = await import('pdf-lib');
  const pdf = await PDFDocument.load(readFileSync(file), { updateMetadata: false });
  const pageByRef = new Map(pdf.getPages().map((p, i) => [p.ref.toString(), i + 1]));
  const read = (first: unknown): OutlineItem[] => {
    const items: OutlineItem[] = [];
    let node = first instanceof PDFRef ? pdf.context.lookup(first, PDFDict) : undefined;
    while (node) {
      const title = node.lookup(PDFName.of('Title'));
      const dest = node.lookup(PDFName.of('Dest'));
      const target = dest instanceof PDFArray ? dest.get(0) : undefined;
      items.push({
        title: title instanceof PDFHexString || title instanceof PDFString ? title.decodeText() : '',
        page: target instanceof PDFRef ? pageByRef.get(target.toString()) ?? -1 : -1,
        children: read(node.get(PDFName.of('First'))),
      });
      const next = node.get(PDFName.of('Next'));
      node = next instanceof PDFRef ? pdf.context.lookup(next, PDFDict) : undefined;
    }
    return items;
  };
  const outlines = pdf.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict);
  return outlines ? read(outlines.get(PDFName.of('First'))) : [];
}

/** The document language a PDF declares in its catalog (`/Lang`). */
export async function pdfLanguage(file: string): Promise<string | undefined> {
  const { PDFDocument, PDFName, PDFString, PDFHexString } = await import('pdf-lib');
  const pdf = await PDFDocument.load(readFileSync(file), { updateMetadata: false });
  const lang = pdf.catalog.lookup(PDFName.of('Lang'));
  return lang instanceof PDFString || lang instanceof PDFHexString ? lang.decodeText() : undefined;
}

/** The lines of a page that have text, trimmed. */
export function textLines(page: string): string[] {
  return page.split('\n').map((line) => line.trim()).filter(Boolean);
}

/** The named destinations of a PDF (pdfinfo -dests): name → 1-based page. Chromium writes one per `#id` link target. */
export function pdfDestinations(file: string): Map<string, number> {
  const text = execFileSync('pdfinfo', ['-dests', file], { encoding: 'utf8' });
  const dests = new Map<string, number>();
  for (const match of text.matchAll(/^\s*(\d+)\s+\[[^\]]*\]\s+"(.*)"$/gm)) dests.set(match[2], Number(match[1]));
  return dests;
}

/** The share of a page's pixels that are dark (ink), from poppler's 20 dpi greyscale rendering of page `page` (1-based). */
/**
 * The share of pixels within a band of a page (points from the top) drawn in about `rgb`, read from a 72 dpi
 * rendering (pdftoppm): for checking what colour something is printed in.
 */
export function colourShare(file: string, page: number, band: { top: number; height: number }, rgb: [number, number, number]): number {
  const ppm = execFileSync('pdftoppm', ['-r', '72', '-f', String(page), '-l', String(page), '-y', String(band.top), '-H', String(band.height), '-W', '10000', file]);
  // Binary PPM: "P6\n<width> <height>\n<max>\n" then three bytes per pixel.
  const header = /^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(ppm.subarray(0, 40).toString('latin1'));
  if (!header) throw new Error(`pdftoppm gave no colour image for ${file}`);
  const pixels = ppm.subarray(header[0].length);
  let near = 0;
  for (let i = 0; i + 2 < pixels.length; i += 3) if (Math.abs(pixels[i] - rgb[0]) + Math.abs(pixels[i + 1] - rgb[1]) + Math.abs(pixels[i + 2] - rgb[2]) < 60) near += 1;
  return near / (pixels.length / 3);
}

export function inkShare(file: string, page = 1): number {
  const pgm = execFileSync('pdftoppm', ['-gray', '-r', '20', '-f', String(page), '-l', String(page), file]);
  // Binary PGM: "P5\n<width> <height>\n<max>\n" then one byte per pixel.
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(pgm.subarray(0, 40).toString('latin1'));
  if (!header) throw new Error(`pdftoppm gave no greyscale image for ${file}`);
  const pixels = pgm.subarray(header[0].length);
  let dark = 0;
  for (const value of pixels) if (value < 128) dark += 1;
  return dark / pixels.length;
}

/** The structure types (H1, P, LI...) of every element of a tagged PDF's structure tree, in document order (pdfinfo -struct). */
/** The PDF's XMP metadata packet (pdfinfo -meta), empty when it has none. */
export function pdfXmp(file: string): string {
  return execFileSync('pdfinfo', ['-meta', file], { encoding: 'utf8' });
}

/** What poppler complains of while reading the PDF's structure tree (pdfinfo -struct's stderr). */
export function structureErrors(file: string): string[] {
  const run = spawnSync('pdfinfo', ['-struct', file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return run.stderr.split('\n').filter(Boolean);
}

export function structureRoles(file: string): string[] {
  const tree = execFileSync('pdfinfo', ['-struct', file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  // One element per line, indented by depth, its type first; attribute lines start with a slash.
  return tree.split('\n').flatMap((line) => /^\s*([A-Za-z][\w:-]*)/.exec(line)?.[1] ?? []);
}

/** Every structure element of the PDF with its type and whether it has alternative text (/Alt), read with pdf-lib. */
export async function structureElements(file: string): Promise<{ type: string; alt: boolean; parent: string }[]> {
  const { PDFArray, PDFDict, PDFDocument, PDFName } = await import('pdf-lib');
  const pdf = await PDFDocument.load(readFileSync(file), { updateMetadata: false });
  const found: { type: string; alt: boolean; parent: string }[] = [];
  const visit = (node: unknown, parent: string): void => {
    const value = node instanceof PDFArray || node instanceof PDFDict ? node : undefined;
    if (value instanceof PDFArray) {
      for (let i = 0; i < value.size(); i += 1) visit(value.lookup(i), parent);
      return;
    }
    if (!(value instanceof PDFDict)) return;
    const type = value.lookup(PDFName.of('S'));
    const name = type instanceof PDFName ? type.decodeText() : parent;
    if (type instanceof PDFName) found.push({ type: name, alt: value.has(PDFName.of('Alt')), parent });
    visit(value.lookup(PDFName.of('K')), name);
  };
  visit(pdf.catalog.lookupMaybe(PDFName.of('StructTreeRoot'), PDFDict)?.lookup(PDFName.of('K')), 'StructTreeRoot');
  return found;
}

/** The named destinations the links on page `page` (1-based) go to (`/Dest`, or a GoTo action's `/D`, as a name or string). */
export async function pdfLinkNames(file: string, page: number): Promise<string[]> {
  const { PDFDocument, PDFDict, PDFName, PDFArray, PDFHexString, PDFString } = await import('pdf-lib');
  const pdf = await PDFDocument.load(readFileSync(file), { updateMetadata: false });
  const annots = pdf.getPages()[page - 1]?.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
  const names: string[] = [];
  for (let i = 0; i < (annots?.size() ?? 0); i += 1) {
    const annot = annots?.lookupMaybe(i, PDFDict);
    const target = annot?.get(PDFName.of('Dest')) ?? annot?.lookupMaybe(PDFName.of('A'), PDFDict)?.get(PDFName.of('D'));
    if (target instanceof PDFName) names.push(target.decodeText());
    else if (target instanceof PDFString || target instanceof PDFHexString) names.push(target.decodeText());
  }
  return names;
}
