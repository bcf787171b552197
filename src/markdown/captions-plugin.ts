import type MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';
import type StateCore from 'markdown-it/lib/rules_core/state_core.mjs';
import { captionLabel, uiLabels, type UiLabels } from '../content/ui-labels.js';
import type { MarkdownEnv } from './env.js';

const tablePrefix = /^table:\s*/i;

/** How many figures and tables have been numbered so far. */
type CaptionCounts = NonNullable<MarkdownEnv['captionCounts']>;

/** The image alone in a paragraph (whitespace around it allowed), if that is all the paragraph holds. */
function loneImage(inline: Token | undefined): Token | undefined {
  const children = (inline?.children ?? []).filter((c) => !(c.type === 'text' && c.content.trim() === '') && c.type !== 'softbreak');
  return children.length === 1 && children[0].type === 'image' ? children[0] : undefined;
}

function captionTokens(state: StateCore, tag: string, label: string, kind: string, content: Token[]): Token[] {
  const open = new state.Token(`${tag}_open`, tag, 1);
  open.attrSet('class', `caption caption-${kind}`);
  const labelToken = new state.Token('html_inline', '', 0);
  labelToken.content = `<span class="caption-label">${label}</span>${label.endsWith('：') ? '' : ' '}`;
  const inline = new state.Token('inline', '', 0);
  inline.content = '';
  inline.children = [labelToken, ...content];
  return [open, inline, new state.Token(`${tag}_close`, tag, -1)];
}

/** Turns a lone image into a numbered figure whose caption is its title, else its alt text. */
function captionFigures(state: StateCore, labels: UiLabels, counts: CaptionCounts): void {
  const tokens = state.tokens;
  for (let i = 0; i + 2 < tokens.length; i += 1) {
    if (tokens[i].type !== 'paragraph_open' || tokens[i + 2].type !== 'paragraph_close') continue;
    const image = loneImage(tokens[i + 1]);
    if (!image) continue;
    const title = image.attrGet('title');
    let caption: Token[];
    if (title) {
      const text = new state.Token('text', '', 0);
      text.content = title;
      caption = [text];
    } else caption = image.children ?? [];
    if (caption.length === 0) continue;
    counts.figure += 1;
    const n = counts.figure;
    tokens[i].tag = 'figure';
    tokens[i].attrSet('id', `figure-${n}`);
    tokens[i].attrSet('class', 'figure');
    // A <figure> is tagged Figure in the PDF, with the image's own Figure (which carries the alt text) inside it:
    // a Figure without alternative text, which PDF/UA forbids. As a group it is a Div around the image and caption.
    tokens[i].attrSet('role', 'group');
    tokens[i + 2].tag = 'figure';
    tokens.splice(i + 2, 0, ...captionTokens(state, 'figcaption', captionLabel(labels, 'figure', n), 'figure', caption));
  }
}

/** Moves a `Table: caption` paragraph right before or after a table into the table as a numbered `<caption>`. */
function captionTables(state: StateCore, labels: UiLabels, counts: CaptionCounts): void {
  const tokens = state.tokens;
  for (let i = 0; i < tokens.length; i += 1) {
    if (tokens[i].type !== 'table_open') continue;
    const close = tokens.findIndex((t, j) => j > i && t.type === 'table_close' && t.level === tokens[i].level);
    const isCaption = (at: number) => tokens[at]?.type === 'paragraph_open' && tokens[at].level === tokens[i].level && tablePrefix.test(tokens[at + 1]?.content ?? '');
    let from = -1;
    if (isCaption(i - 3)) from = i - 3;
    else if (close > 0 && isCaption(close + 1)) from = close + 1;
    if (from < 0) continue;
    counts.table += 1;
    const n = counts.table;
    const inline = tokens[from + 1];
    const children = inline.children ?? [];
    // The paragraph is removed, so its first text token can lose the `Table:` prefix in place.
    if (children[0]?.type === 'text') children[0].content = children[0].content.replace(tablePrefix, '');
    const caption = captionTokens(state, 'caption', captionLabel(labels, 'table', n), 'table', children);
    tokens[i].attrSet('id', `table-${n}`);
    if (from < i) {
      tokens.splice(from, 3);
      tokens.splice(i - 3 + 1, 0, ...caption);
      i = i - 3 + caption.length;
    } else {
      tokens.splice(from, 3);
      tokens.splice(i + 1, 0, ...caption);
      i += caption.length;
    }
  }
}

/**
 * markdown-it plugin for the report: numbered captions. An image alone in a paragraph becomes a `<figure>` with
 * "Figure N: <title or alt text>"; a paragraph starting `Table:` right before or after a table becomes that
 * table's `<caption>` "Table N: ...". Labels are the document language's (`env.lang`, see src/content/ui-labels.ts).
 */
export function captionsPlugin(md: MarkdownIt): void {
  md.core.ruler.push('briefkit_captions', (state) => {
    const env = state.env as MarkdownEnv;
    const labels = uiLabels(env.lang);
    // Numbering goes on from an earlier render that shares the counts (speaker notes, one render per slide).
    const counts = env.captionCounts ?? { figure: 0, table: 0 };
    captionFigures(state, labels, counts);
    captionTables(state, labels, counts);
  });
}
