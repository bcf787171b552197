import type MarkdownIt from 'markdown-it';
import { isCjk, isTraditionalChinese, primaryLanguage } from '../content/language-tag.js';
import type { MarkdownEnv } from './env.js';

/** The typographer's quotes (double open, double close, single open, single close) for a document language. */
export function quotesFor(lang: string | undefined): string {
  // Japanese, and Chinese as written in Taiwan and Hong Kong, quote with corner brackets.
  return primaryLanguage(lang) === 'ja' || isTraditionalChinese(lang) ? '「」『』' : '“”‘’';
}

/**
 * markdown-it plugin: straight quotes become the document language's (`env.lang`) typographic quotes, 「」 in
 * Japanese, “” elsewhere. The typographer reads them from the instance's options, which is shared by every document
 * of a build, so they are set before each parse (parsing is synchronous). It pairs quotes at word boundaries, which
 * Korean, Japanese and Chinese do not have ("成功"と, "성공"이라고): there, the double quotes of a paragraph are paired in
 * order, when they pair up, before the typographer sees them.
 */
export function languageQuotesPlugin(md: MarkdownIt): void {
  md.core.ruler.before('smartquotes', 'briefkit_language_quotes', (state) => {
    const lang = (state.env as MarkdownEnv | undefined)?.lang;
    const quotes = quotesFor(lang);
    state.md.options.quotes = quotes;
    // Korean, Japanese and Chinese: quoted words without spaces around them (or with particles attached, in Korean).
    if (!state.md.options.typographer || !isCjk(lang)) return;
    for (const token of state.tokens) {
      if (token.type !== 'inline' || !token.children) continue;
      const texts = token.children.filter((child) => child.type === 'text');
      if (texts.reduce((n, text) => n + (text.content.split('"').length - 1), 0) % 2 !== 0) continue;
      let open = true;
      for (const text of texts) {
        text.content = text.content.replace(/"/g, () => {
          const quote = open ? quotes[0] : quotes[1];
          open = !open;
          return quote;
        });
      }
    }
  });
}
