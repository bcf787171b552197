/** What the report's final print fills in: contents page numbers and the running head of every page. */
export interface PageLabels {
  /** Page number by element id, as text padded to a fixed number of digits with figure spaces. */
  pages: Record<string, string>;
  /** The running head (current section) of each page: index 0 is page 1. */
  runningHeads: string[];
}

/** A heading with the page it starts on, as measured from a printed PDF. */
export interface PlacedHeading {
  level: number;
  text: string;
  page: number;
}

/** FIGURE SPACE: as wide as a digit, so padded numbers all take the same room. */
const figureSpace = '\u2007';

/** How many digits `n` has. */
export function digitCount(n: number): number {
  return String(Math.max(0, Math.trunc(n))).length;
}

/** A page number right-aligned in `width` digit-wide places, so swapping one number for another never reflows text. */
export function padPageNumber(page: number, width: number): string {
  return String(page).padStart(width, figureSpace);
}

/** Labels for the first pass: every id gets a `0` of the final width, and no running heads yet. */
export function placeholderLabels(ids: readonly string[], width: number): PageLabels {
  return { pages: Object.fromEntries(ids.map((id) => [id, padPageNumber(0, width)])), runningHeads: [] };
}

/**
 * The running head of every page: the first `level`-heading that starts on the page, else the last one that
 * started before it, else nothing (the cover).
 */
export function runningHeads(headings: readonly PlacedHeading[], pageCount: number, level = 2): string[] {
  const heads: string[] = [];
  const sections = headings.filter((h) => h.level === level);
  let current = '';
  for (let page = 1; page <= pageCount; page += 1) {
    const starting = sections.filter((h) => h.page === page);
    heads.push(starting[0]?.text ?? current);
    if (starting.length > 0) current = starting[starting.length - 1].text;
  }
  return heads;
}

/** Labels from measured pages, padded to `width` digits. */
export function measuredLabels(pages: ReadonlyMap<string, number>, ids: readonly string[], width: number, heads: string[]): PageLabels {
  return {
    pages: Object.fromEntries(ids.filter((id) => pages.has(id)).map((id) => [id, padPageNumber(pages.get(id) ?? 0, width)])),
    runningHeads: heads,
  };
}

/** True when two label sets would print the same. */
export function sameLabels(a: PageLabels, b: PageLabels): boolean {
  const keys = new Set([...Object.keys(a.pages), ...Object.keys(b.pages)]);
  for (const key of keys) if (a.pages[key] !== b.pages[key]) return false;
  return a.runningHeads.length === b.runningHeads.length && a.runningHeads.every((head, i) => head === b.runningHeads[i]);
}

/** A CSS `@counter-style` that prints `labels[n - 1]` for counter value n, and nothing outside the list. */
export function counterStyleCss(name: string, labels: readonly string[], quote: (text: string) => string): string {
  const blank = `${name}-blank`;
  const symbols = labels.length > 0 ? labels.map((label) => quote(label)).join(' ') : '""';
  return `@counter-style ${blank} { system: cyclic; symbols: ""; }\n@counter-style ${name} { system: fixed; symbols: ${symbols}; fallback: ${blank}; }`;
}
