import MarkdownIt from 'markdown-it';
import { footnote } from '../markdown/create-markdown.js';
import { composeChunks } from '../markdown/compose-chunks.js';
import { reportReadingOrder } from '../content/report-reading-order.js';
import type { Briefing, Chunk } from '../content/types.js';

/** The label of a line that starts a footnote definition (`[^label]: text`). */
const definitionStart = /^\[\^([^\]\s]+)\]:/;

/** A footnote mark (`[^label]`), not a definition's start (`[^label]:`). */
const footnoteMark = /\[\^([^\]\s]+)\](?!:)/g;

/** Markdown without its footnote marks, for slides: they show no footnotes (the report and the notes carry them). */
export function withoutFootnoteMarks(markdown: string): string {
  return markdown.replace(footnoteMark, '');
}

/** Every footnote definition of a briefing, wherever it was written, by label: its first line and the indented ones after. */
export function footnoteDefinitions(briefing: Briefing): Map<string, string> {
  const chunks: Chunk[] = [briefing.intro, ...briefing.sections].flatMap((faces) => [...faces.report, ...faces.notes, ...faces.deck]);
  const found = new Map<string, string>();
  for (const chunk of chunks) {
    const lines = chunk.markdown.split('\n');
    lines.forEach((line, i) => {
      const label = definitionStart.exec(line)?.[1];
      if (label === undefined || found.has(label)) return;
      let end = i + 1;
      // Indented lines continue the definition, across blank lines too (a footnote of several paragraphs).
      while (end < lines.length && (/^[ \t]+\S/.test(lines[end]) || (lines[end].trim() === '' && /^[ \t]+\S/.test(lines[end + 1] ?? '')))) end += 1;
      found.set(label, lines.slice(i, end).join('\n'));
    });
  }
  return found;
}

/**
 * Speaker notes with the definitions of the footnotes they mark: notes are rendered on their own, and a mark
 * (`[^doctrine]`) whose definition was written elsewhere in the document (usually at its end) would print as typed.
 */
export function withFootnoteDefinitions(notes: string, definitions: ReadonlyMap<string, string>): string {
  const wanted = new Set(Array.from(notes.matchAll(footnoteMark), (m) => m[1]));
  const have = new Set(Array.from(notes.matchAll(/^\[\^([^\]\s]+)\]:/gm), (m) => m[1]));
  const added = [...wanted].filter((label) => !have.has(label) && definitions.has(label)).map((label) => definitions.get(label));
  return added.length === 0 ? notes : `${notes}\n\n${added.join('\n\n')}`;
}

/** markdown-it with footnotes and nothing else: enough to see which footnotes a text numbers, in which order. Made
 * when first needed: most briefings have no footnotes, and a build should not pay for it at start. */
let footnoteCounter: MarkdownIt | undefined;

/** The footnotes markdown-it-footnote numbers in a text, in number order: a label, or undefined for an inline footnote. */
function numberedFootnotes(markdown: string): (string | undefined)[] {
  if (!markdown.includes('[^') && !markdown.includes('^[')) return [];
  const env: { footnotes?: { list?: { label?: string }[] } } = {};
  footnoteCounter ??= new MarkdownIt().use(footnote);
  footnoteCounter.parse(markdown, env);
  return (env.footnotes?.list ?? []).map((item) => item.label);
}

/** Footnote numbers by label, and the last number given (inline footnotes take numbers but have no label). */
export interface FootnoteNumbering {
  numbers: Map<string, number>;
  last: number;
}

/**
 * The number the report gives each footnote, by label: the report's text (the key judgments it parses with its
 * body, the introduction, then the sections) parsed as the report parses it, for footnotes only, so marks in code,
 * inline footnotes (`^[text]`, which take numbers too) and labels without a definition count exactly as there.
 */
export function reportFootnoteNumbers(briefing: Briefing): FootnoteNumbering {
  const order = numberedFootnotes(composeChunks(reportReadingOrder(briefing).parts.flatMap((part) => part.chunks)).markdown);
  const numbers = new Map<string, number>();
  order.forEach((label, i) => {
    if (label !== undefined) numbers.set(label, i + 1);
  });
  return { numbers, last: order.length };
}

/**
 * Numbers the footnotes that speaker notes cite but the report does not (defined only in notes, or cited only there)
 * after the report's, in the order the notes first cite them, so that no two sources share a number in the handout.
 */
export function numberNotesFootnotes(notes: string, definitions: ReadonlyMap<string, string>, numbering: FootnoteNumbering): void {
  for (const label of numberedFootnotes(withFootnoteDefinitions(notes, definitions))) {
    if (label !== undefined && !numbering.numbers.has(label)) numbering.numbers.set(label, (numbering.last += 1));
  }
}
