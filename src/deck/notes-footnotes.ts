import type { Briefing, Chunk } from '../content/types.js';

/** The label of a line that starts a footnote definition (`[^label]: text`). */
const definitionStart = /^\[\^([^\]\s]+)\]:/;

/** A footnote mark (`[^label]`), not a definition's start (`[^label]:`). */
const footnoteMark = /\[\^([^\]\s]+)\](?!:)/g;

/** A footnote mark, or the start of an inline footnote (`^[text]`). */
const markOrInlineNote = /\^\[|\[\^([^\]\s]+)\](?!:)/g;

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

/**
 * The number the report gives each footnote, by label: labels in the order the report's text first marks them (key
 * judgments, introduction, then sections, definitions' own marks where the definitions are written; inline footnotes
 * take numbers too), as markdown-it-footnote numbers them when the report is parsed in one pass. Labels with no
 * definition are no footnotes.
 */
export function reportFootnoteNumbers(briefing: Briefing, definitions: ReadonlyMap<string, string>): Map<string, number> {
  const texts = [...briefing.meta.summary, ...[briefing.intro, ...briefing.sections].flatMap((faces) => faces.report.map((chunk) => chunk.markdown))];
  const numbers = new Map<string, number>();
  let count = 0;
  // An inline footnote (`^[text]`) takes a number in the report too.
  for (const text of texts) {
    for (const [mark, label] of text.matchAll(markOrInlineNote)) {
      if (mark === '^[') count += 1;
      else if (label && definitions.has(label) && !numbers.has(label)) numbers.set(label, (count += 1));
    }
  }
  return numbers;
}
