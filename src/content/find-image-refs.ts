import type Token from 'markdown-it/lib/token.mjs';
import { chunkTokens } from './chunk-tokens.js';
import type { Chunk } from './types.js';

/** An image reference found in Markdown, with its source line. */
export interface ImageRef {
  href: string;
  line: number;
}

function walk(tokens: Token[], line: number, found: ImageRef[]): void {
  for (const token of tokens) {
    const at = token.map ? line + token.map[0] : line;
    if (token.type === 'image') {
      const src = token.attrGet('src');
      if (src) found.push({ href: src, line: at });
    }
    if ((token.type === 'html_block' || token.type === 'html_inline') && /<img\b/i.test(token.content)) {
      for (const match of token.content.matchAll(/<img\b[^>]*?\bsrc\s*=\s*["']([^"']+)["']/gi)) found.push({ href: match[1], line: at });
    }
    if (token.children) walk(token.children, at, found);
  }
}

/** Lists every image a set of chunks refers to (Markdown images and raw `<img>`), with source lines. */
export function findImageRefs(chunks: readonly Chunk[]): ImageRef[] {
  const found: ImageRef[] = [];
  for (const chunk of chunks) walk(chunkTokens(chunk), chunk.line, found);
  return found;
}
