import { inlineJudgments } from './key-judgments.js';
import type { Briefing, Chunk } from './types.js';

/** One part of the report's text: a key judgment, the introduction or a section, and the source line it starts on. */
export interface ReportPart {
  line: number;
  chunks: Chunk[];
}

/**
 * The report's text in the order the report parses it, and so numbers its footnotes: each key judgment it parses with
 * the body (see inlineJudgments), the introduction, then each section's report face. The report splits the parse back
 * into these parts; the deck numbers the footnotes of speaker notes from the same text, so both agree.
 */
export function reportReadingOrder(briefing: Briefing): { judgments: (Chunk | undefined)[]; parts: ReportPart[] } {
  const judgments = inlineJudgments(briefing.meta.summary);
  const parts: ReportPart[] = judgments.filter((chunk): chunk is Chunk => chunk !== undefined).map((chunk) => ({ line: chunk.line, chunks: [chunk] }));
  parts.push({ line: briefing.intro.report[0]?.line ?? 1, chunks: briefing.intro.report });
  for (const section of briefing.sections) parts.push({ line: section.line, chunks: section.report });
  return { judgments, parts };
}
