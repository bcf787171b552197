import type MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';

/** The class of the span that holds a footnote mark and the character before it on one line. */
export const keepClass = 'bk-keep';

/** The last grapheme of `text` (a letter with its accents, an emoji with its modifiers), from its last few characters. */
function lastGrapheme(text: string): string {
  let last = '';
  for (const { segment } of new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text.slice(-16))) last = segment;
  return last;
}

/** Whether the text token at `idx` ends in a visible character that a footnote mark follows directly. */
function gluedToMark(tokens: Token[], idx: number): boolean {
  return tokens[idx + 1]?.type === 'footnote_ref' && /\S$/u.test(tokens[idx]!.content);
}

/**
 * Keeps each footnote mark (or run of marks) on the line of the character before it: the two go into a span the
 * stylesheets set `white-space: nowrap`. Line breaking allows a break between a full stop and the `[` of a mark, and
 * between a CJK full stop or ideograph and a digit, so `발사했다.[^1]` could put the mark alone at the start of the
 * next line, where it reads as belonging to the text after it. Done when rendering, so that every rule working on
 * the tokens (quotes, hyphenation, plain-text titles) still sees whole words. A span rather than a WORD JOINER: the
 * joiner would stay in the PDF's text and in whatever a reader copies from it.
 */
export function footnoteMarkKeepPlugin(md: MarkdownIt): void {
  const renderText = md.renderer.rules.text;
  const renderMark = md.renderer.rules.footnote_ref;
  if (!renderText || !renderMark) throw new Error('footnoteMarkKeepPlugin needs markdown-it-footnote used before it.');
  /** Text tokens whose last character opened a span, which the last mark of the run after it closes. */
  const opened = new WeakSet<Token>();
  md.renderer.rules.text = (tokens, idx, options, env, self) => {
    const html = renderText(tokens, idx, options, env, self);
    if (!gluedToMark(tokens, idx)) return html;
    const last = md.utils.escapeHtml(lastGrapheme(tokens[idx]!.content));
    if (!html.endsWith(last)) return html;
    opened.add(tokens[idx]!);
    return `${html.slice(0, -last.length)}<span class="${keepClass}">${last}`;
  };
  md.renderer.rules.footnote_ref = (tokens, idx, options, env, self) => {
    const html = renderMark(tokens, idx, options, env, self);
    if (tokens[idx + 1]?.type === 'footnote_ref') return html;
    let start = idx;
    while (tokens[start - 1]?.type === 'footnote_ref') start -= 1;
    const before = tokens[start - 1];
    return before && opened.has(before) ? `${html}</span>` : html;
  };
}
