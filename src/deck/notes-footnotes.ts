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
