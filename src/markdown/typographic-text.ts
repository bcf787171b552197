import type MarkdownIt from 'markdown-it';

/** Inline Markdown's and HTML's punctuation, escaped so plain text is read as text (quotes, `--` and `...` are left for the typographer). */
function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_{}[\]()#+!|<>~&])/g, '\\$1');
}

/**
 * Plain text (a front matter title) with the typography a typographer markdown-it gives running text: quotes
 * (in the document language `lang`: "Korea's" → "Korea’s", "\"x\"" → "“x”", 「x」 in Japanese), `--` → "–" and `...` →
 * "…". Nothing in it is read as Markdown or HTML.
 */
export function typographicText(md: MarkdownIt, text: string, lang?: string): string {
  const [inline] = md.parseInline(escapeMarkdown(text), { lang });
  return (inline?.children ?? []).map((token) => token.content).join('');
}
