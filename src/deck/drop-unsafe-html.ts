import type MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';

/** Elements whose whole content goes, not just their tags: running or embedding them is the danger. */
const droppedWithContent = new Set(['script', 'iframe', 'object', 'embed', 'frame', 'frameset', 'noscript', 'template', 'textarea', 'applet', 'svg', 'math']);

// A tag with attribute values that may hold `>` inside quotes; comments are left to Marp (they become notes).
const tagPattern = /<(\/?)([a-zA-Z][\w:-]*)(?:[^>"']|"[^"]*"|'[^']*')*>/g;

/** Where a raw-HTML scan stands: outside, or inside an element whose content is dropped (and which one). */
interface ScanState {
  dropping?: string;
}

/**
 * Removes tags outside `allowed` from raw HTML and drops script-like elements with their content. Marp's own
 * allowlist then removes disallowed attributes (`on*`, `style`) and URL schemes (`javascript:`) from what is left;
 * on its own it would print disallowed tags as visible text (`&lt;script&gt;`), which is why this runs first.
 */
export function dropUnsafeTags(html: string, allowed: ReadonlySet<string>, state: ScanState = {}): string {
  let out = '';
  let last = 0;
  for (const match of html.matchAll(tagPattern)) {
    const [markup, closing, rawName] = match;
    const name = rawName.toLowerCase();
    const start = match.index ?? 0;
    if (!state.dropping) out += html.slice(last, start);
    last = start + markup.length;
    if (state.dropping) {
      if (closing && name === state.dropping) state.dropping = undefined;
      continue;
    }
    if (droppedWithContent.has(name)) {
      if (!closing && !markup.endsWith('/>')) state.dropping = name;
      continue;
    }
    if (allowed.has(name)) out += markup;
  }
  if (!state.dropping) out += html.slice(last);
  return out;
}

function guard(tokens: Token[], allowed: ReadonlySet<string>, state: ScanState): void {
  for (const token of tokens) {
    if (token.type === 'html_block' || token.type === 'html_inline') {
      token.content = dropUnsafeTags(token.content, allowed, state);
    } else if (state.dropping && (token.type === 'text' || token.type === 'softbreak' || token.type === 'code_inline')) {
      token.content = '';
      if (token.type === 'softbreak') token.type = 'text';
    }
    if (token.children) guard(token.children, allowed, state);
  }
}

/** markdown-it plugin for the deck: raw HTML keeps only `allowed` tags; scripts and embeds vanish entirely. */
export function dropUnsafeHtmlPlugin(allowed: Iterable<string>): (md: MarkdownIt) => void {
  const names = new Set([...allowed].map((n) => n.toLowerCase()));
  return (md) => {
    md.core.ruler.push('briefkit_drop_unsafe_html', (state) => {
      guard(state.tokens, names, {});
    });
  };
}
