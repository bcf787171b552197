import type { Chunk } from '../content/types.js';

/** Several chunks joined into one Markdown string, with a map back to source lines. */
export interface ComposedMarkdown {
  markdown: string;
  /** Source line for a 0-based line of `markdown`. */
  sourceLine(outputLine: number): number;
}

/** A piece to join: a chunk from the source, or generated Markdown attributed to a source line. */
export type Piece = Chunk;

/** Joins pieces with blank lines between them, remembering where each came from. */
export function composeChunks(pieces: readonly Piece[]): ComposedMarkdown {
  const starts: { out: number; source: number }[] = [];
  const parts: string[] = [];
  let out = 0;
  for (const piece of pieces) {
    starts.push({ out, source: piece.line });
    parts.push(piece.markdown);
    out += piece.markdown.split('\n').length + 1;
  }
  return {
    markdown: parts.join('\n\n'),
    sourceLine(outputLine) {
      let found = starts[0] ?? { out: 0, source: 1 };
      for (const start of starts) if (start.out <= outputLine) found = start;
      return found.source + (outputLine - found.out);
    },
  };
}
