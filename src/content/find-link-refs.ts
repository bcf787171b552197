import type Token from 'markdown-it/lib/token.mjs';
import { chunkTokens } from './chunk-tokens.js';
import type { Chunk } from './types.js';

/** A reference that is not an image: a link the reader may follow, or something a page would embed or fetch. */
export interface LinkRef {
  kind: 'link' | 'embed' | 'css';
  href: string;
  /** The element it came from (`a`, `iframe`, `video`...), or `style` for CSS url(). */
  tag: string;
  line: number;
}

const embedTags = /<(iframe|embed|object|video|audio|source|track|frame|link|script|form)\b((?:[^>"']|"[^"]*"|'[^']*')*)>/gi;
const anchorTags = /<a\b((?:[^>"']|"[^"]*"|'[^']*')*)>/gi;
const urlAttribute = /\b(?:src|href|data|poster|action)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi;
const cssUrl = /url\(\s*(?:"([^"]*)"|'([^']*)'|([^)"'\s]+))\s*\)/gi;

function attributeUrls(attributes: string): string[] {
  return [...attributes.matchAll(urlAttribute)].map((m) => m[1] ?? m[2] ?? m[3] ?? '').filter(Boolean);
}

function scanHtml(html: string, line: number, found: LinkRef[]): void {
  for (const match of html.matchAll(anchorTags)) for (const href of attributeUrls(match[1])) found.push({ kind: 'link', tag: 'a', href, line });
  for (const match of html.matchAll(embedTags)) {
    const tag = match[1].toLowerCase();
    const urls = attributeUrls(match[2]);
    if (urls.length === 0) found.push({ kind: 'embed', tag, href: '', line });
    for (const href of urls) found.push({ kind: 'embed', tag, href, line });
  }
  for (const match of html.matchAll(cssUrl)) found.push({ kind: 'css', tag: 'style', href: match[1] ?? match[2] ?? match[3] ?? '', line });
}

function walk(tokens: Token[], line: number, found: LinkRef[]): void {
  for (const token of tokens) {
    const at = token.map ? line + token.map[0] : line;
    if (token.type === 'link_open') {
      const href = token.attrGet('href');
      if (href) found.push({ kind: 'link', tag: 'a', href, line: at });
    }
    if (token.type === 'html_block' || token.type === 'html_inline') scanHtml(token.content, at, found);
    if (token.children) walk(token.children, at, found);
  }
}

/** Lists every link, embed (`<iframe>`, `<video>`...) and CSS `url()` a set of chunks holds, with source lines. */
export function findLinkRefs(chunks: readonly Chunk[]): LinkRef[] {
  const found: LinkRef[] = [];
  for (const chunk of chunks) walk(chunkTokens(chunk), chunk.line, found);
  return found;
}
