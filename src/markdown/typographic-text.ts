import type MarkdownIt from 'markdown-it';
import { escapeInline } from './escape-inline.js';

/**
 * Plain text (a front matter title) with the typography a typographer markdown-it gives running text: quotes
 * (in the document language `lang`: "Korea's" → "Korea’s", "\"x\"" → "“x”", 「x」 in Japanese), `--` → "–" and `...` →
 * "…". Nothing in it is read as Markdown or HTML.
 */
export function typographicText(md: MarkdownIt, text: string, lang?: string): string {
  const [inline] = md.parseInline(escapeInline(text), { lang });
  return (inline?.children ?? []).map((token) => token.content).join('');
}
