import type MarkdownIt from 'markdown-it';
import type { MarkdownEnv } from './env.js';

/**
 * Footnote marks and notes numbered as the report numbers them (`env.footnoteNumbers`, by label), where that is
 * given: speaker notes are rendered slide by slide, and markdown-it-footnote would number each slide's from 1, so the
 * handout cited as [1] a source the report calls [3]. Without the map (the report itself), its numbers stand.
 */
export function footnoteNumbersPlugin(md: MarkdownIt): void {
  const renderCaption = md.renderer.rules.footnote_caption;
  const renderOpen = md.renderer.rules.footnote_open;
  if (!renderCaption || !renderOpen) throw new Error('footnoteNumbersPlugin needs markdown-it-footnote used before it.');
  const numberOf = (label: unknown, env: MarkdownEnv): number | undefined => (typeof label === 'string' ? env.footnoteNumbers?.get(label) : undefined);
  md.renderer.rules.footnote_caption = (tokens, idx, options, env: MarkdownEnv, self) => {
    const { label, subId } = tokens[idx]!.meta as { label?: string; subId?: number };
    const number = numberOf(label, env);
    return number === undefined ? renderCaption(tokens, idx, options, env, self) : `[${number}${subId ? `:${subId}` : ''}]`;
  };
  md.renderer.rules.footnote_open = (tokens, idx, options, env: MarkdownEnv, self) => {
    const html = renderOpen(tokens, idx, options, env, self);
    const number = numberOf((tokens[idx]!.meta as { label?: string }).label, env);
    return number === undefined ? html : html.replace(/^<li /, `<li value="${number}" `);
  };
}
