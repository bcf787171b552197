import { chunkTokens } from './chunk-tokens.js';
import type { Chunk, Diagnostic, Faces } from './types.js';

/** The heading levels of the report's text, in reading order, with their source lines. */
function headings(chunks: readonly Chunk[]): { level: number; line: number }[] {
  return chunks.flatMap((chunk) =>
    chunkTokens(chunk).flatMap((token) => (token.type === 'heading_open' ? [{ level: Number(token.tag.slice(1)), line: chunk.line + (token.map?.[0] ?? 0) }] : [])),
  );
}

/**
 * Warnings for headings that skip a level in the report (`####` right under a `##` section): the report's
 * contents, numbering and the PDF's tagged heading structure go one level at a time, and a screen reader user
 * jumping by level misses the skipped one. A section opens level 2; so does the intro, which cannot hold a `##`
 * (that would start a section) and which the report prints after its own level-2 headings (contents).
 */
export function skippedHeadingLevels(intro: Faces, sections: readonly Faces[], file: string): Diagnostic[] {
  const warnings: Diagnostic[] = [];
  const check = (chunks: readonly Chunk[], start: number): void => {
    let previous = start;
    for (const { level, line } of headings(chunks)) {
      if (level > previous + 1) {
        warnings.push({ file, line, message: `This heading (${'#'.repeat(level)}) skips a level: the heading above it is ${'#'.repeat(previous)}. Use ${'#'.repeat(previous + 1)} here, so the contents and the PDF's headings go one level at a time.` });
      }
      previous = level;
    }
  };
  check(intro.report, 2);
  for (const section of sections) check(section.report, 2);
  return warnings;
}
