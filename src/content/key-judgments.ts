import { chunkTokens } from './chunk-tokens.js';
import type { Chunk } from './types.js';

/**
 * Put before each key judgment so that it parses as one paragraph of inline text, as written: without it a judgment
 * such as `2025. Launches doubled` would open a numbered list. The report takes it off again.
 */
export const judgmentLead = 'briefkitjudgment ';

/**
 * The key judgments (front matter `summary`) that the report parses together with its body, so that their footnote
 * marks are numbered and linked: those that are one paragraph of inline Markdown, as a summary item should be. One
 * holding block syntax on a later line (an HTML comment or fence left open, a blank line) is rendered on its own,
 * as written: in the shared parse it could run on into the text after it.
 */
export function inlineJudgments(summary: readonly string[]): (Chunk | undefined)[] {
  return summary.map((judgment) => {
    const chunk: Chunk = { markdown: `${judgmentLead}${judgment}`, line: 1 };
    const tokens = chunkTokens(chunk);
    return tokens.length === 3 && tokens[0]!.type === 'paragraph_open' && tokens[2]!.type === 'paragraph_close' ? chunk : undefined;
  });
}
