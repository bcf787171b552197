/** One line of a printed contents page: the entry's number, title and the page number printed after the leader. */
export interface ContentsEntry {
  number: string;
  title: string;
  page: number;
}

const entryLine = /^\s*(\d+(?:\.\d+)*)\s+(\S.*?\S)\s{2,}(\d+)\s*$/;

/**
 * Reads the contents from extracted pages (pdftotext -layout): the pages from the one whose line is exactly
 * `heading` up to the page the first entry points at. Returns the entries and the last contents page (1-based).
 */
export function readContents(pages: string[], heading = 'Contents'): { entries: ContentsEntry[]; lastPage: number } {
  const first = pages.findIndex((text) => text.split('\n').some((line) => line.trim() === heading));
  if (first < 0) return { entries: [], lastPage: 0 };
  const entries: ContentsEntry[] = [];
  let last = first;
  for (let i = first; i < pages.length; i += 1) {
    const found = pages[i]
      .split('\n')
      .map((line) => entryLine.exec(line))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => ({ number: m[1], title: m[2].trim(), page: Number(m[3]) }));
    if (i > first && (found.length === 0 || (entries.length > 0 && i + 1 >= entries[0].page))) break;
    entries.push(...found);
    last = i;
  }
  return { entries, lastPage: last + 1 };
}

/** The 1-based page after `after` on which a line starts with the entry's number and title: where it really begins. */
export function headingPage(pages: string[], entry: ContentsEntry, after: number): number {
  const escaped = `${entry.number} ${entry.title}`.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+');
  const line = new RegExp(`^\\s*${escaped}`, 'm');
  for (let i = after; i < pages.length; i += 1) if (line.test(pages[i])) return i + 1;
  return -1;
}
