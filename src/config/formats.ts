import { UsageError } from '../errors.js';

/** Every output briefkit can make for a document. */
export const allFormats = ['deck-html', 'deck-pdf', 'handout', 'report-html', 'report-pdf'] as const;

/** One output format. */
export type OutputFormat = (typeof allFormats)[number];

/** The file name each format is written to inside `<out>/<slug>/`. */
export const formatFileNames: Record<OutputFormat, string> = {
  'deck-html': 'deck.html',
  'deck-pdf': 'deck.pdf',
  handout: 'handout.pdf',
  'report-html': 'report.html',
  'report-pdf': 'report.pdf',
};

/** Parses `deck-html,report-pdf` (or an array) into formats, rejecting unknown names. */
export function parseFormats(value: string | readonly string[]): OutputFormat[] {
  const names = (typeof value === 'string' ? value.split(',') : [...value]).map((s) => s.trim()).filter(Boolean);
  const unknown = names.filter((n) => !(allFormats as readonly string[]).includes(n));
  if (unknown.length > 0) {
    throw new UsageError(`Unknown format ${unknown.map((u) => `\`${u}\``).join(', ')}.`, { hint: `Formats are: ${allFormats.join(', ')}.` });
  }
  if (names.length === 0) throw new UsageError('No output formats given.', { hint: `Formats are: ${allFormats.join(', ')}.` });
  return allFormats.filter((f) => names.includes(f));
}
