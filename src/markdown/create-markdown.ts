import MarkdownIt, { type PluginSimple } from 'markdown-it';
import footnotePlugin from 'markdown-it-footnote';
import { assetsPlugin } from './assets-plugin.js';
import { captionsPlugin } from './captions-plugin.js';
import { footnoteMarkKeepPlugin } from './footnote-mark-keep-plugin.js';
import { footnoteNumbersPlugin } from './footnote-numbers-plugin.js';
import { languageQuotesPlugin } from './language-quotes-plugin.js';

// @types/markdown-it-footnote types its argument with markdown-it's CJS typings, which clash with the ESM ones
// under NodeNext resolution; the runtime plugin is the same. https://www.npmjs.com/package/@types/markdown-it-footnote
/** markdown-it-footnote, typed for markdown-it's ESM typings. */
export const footnote = footnotePlugin as unknown as PluginSimple;

/** Adds briefkit's shared Markdown features to a markdown-it instance (ours for the report, Marp's for the deck). */
export function useBriefkitMarkdown(md: MarkdownIt): MarkdownIt {
  return md.use(footnote).use(footnoteNumbersPlugin).use(footnoteMarkKeepPlugin).use(assetsPlugin).use(languageQuotesPlugin);
}

/** The markdown-it instance the report renders with: GFM tables, footnotes, typographic quotes, local assets, numbered captions. */
export function createReportMarkdown(): MarkdownIt {
  return useBriefkitMarkdown(new MarkdownIt({ html: true, linkify: true, typographer: true })).use(captionsPlugin);
}
