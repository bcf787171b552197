import { execFileSync } from 'node:child_process';

/** The text of a PDF, one string per page (poppler's pdftotext). */
export function pdfPages(file: string): string[] {
  const text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const pages = text.split('\f');
  if (pages.length > 0 && pages[pages.length - 1].trim() === '') pages.pop();
  return pages;
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

/** Collapses whitespace so text that wrapped across lines can be matched. */
export function flat(text: string): string {
  return text.replace(/\s+/g, ' ');
}
