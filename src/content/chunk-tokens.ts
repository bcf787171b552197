import MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';
import type { Chunk } from './types.js';

/** Plain CommonMark with raw HTML kept as tokens: enough to find what a chunk refers to, nothing rendered. */
const scanner = new MarkdownIt({ html: true });
const parsed = new WeakMap<Chunk, Token[]>();

/**
 * A chunk's Markdown tokens, parsed once per chunk object: the load stage looks for links and for images in the
 * same chunks, and parsing each chunk twice cost the 20-briefing batch about 25 ms of its ~2 s in node.
 */
export function chunkTokens(chunk: Chunk): Token[] {
  let tokens = parsed.get(chunk);
  if (!tokens) {
    tokens = scanner.parse(chunk.markdown, {});
    parsed.set(chunk, tokens);
  }
  return tokens;
}
