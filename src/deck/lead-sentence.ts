/** HTML elements that may open a paragraph of prose (`<span lang="zh">…</span>`): its lead sentence keeps them. */
const inlineTags = new Set(['a', 'abbr', 'b', 'bdi', 'bdo', 'cite', 'code', 'data', 'dfn', 'em', 'i', 'kbd', 'mark', 'q', 'ruby', 's', 'samp', 'small', 'span', 'strong', 'sub', 'sup', 'time', 'u', 'var']);

/** The element name of an HTML tag (`<span lang="ja">`, `</span>`), lower-cased, and whether it closes. */
function tagOf(tag: string): { name: string; closing: boolean } | undefined {
  const match = /^<(\/?)([a-z][a-z0-9-]*)/i.exec(tag);
  return match ? { name: match[2].toLowerCase(), closing: match[1] === '/' } : undefined;
}

/**
 * Whether a paragraph is prose a slide can show: not a heading, code, image, table or its `Table:` caption, fenced
 * div, footnote or HTML block. One that starts with an inline element (a passage marked with its language) is.
 */
function isProse(paragraph: string): boolean {
  if (!paragraph || /^(#|```|~~~|!\[|\||:::|\[\^|Table:\s)/.test(paragraph)) return false;
  if (!paragraph.startsWith('<')) return true;
  const tag = tagOf(paragraph);
  return tag !== undefined && !tag.closing && inlineTags.has(tag.name);
}

/**
 * The first sentence of a paragraph of prose: what a section without a `::: deck` block shows on its slide. A
 * sentence ends at `.`, `!` or `?` before a space, or at a CJK full stop (`。！？`, which no space follows); inline
 * HTML is kept, and any element the cut leaves open is closed. A sentence over `maxLength` characters of text is cut
 * at a word, with an ellipsis.
 */
export function leadSentence(markdown: string, maxLength = 220): string {
  const paragraph = markdown
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .find(isProse);
  if (!paragraph) return '';
  const flat = paragraph.replace(/\s*\n\s*/g, ' ').replace(/\[\^[^\]]+\]/g, '');
  // Odd parts are tags, even parts text.
  const parts = flat.split(/(<[^>]*>)/);
  const open: string[] = [];
  const closing = (stack: readonly string[]): string => stack.map((name) => `</${name}>`).reverse().join('');
  /** The first character of text after part `i`'s character `j`, tags skipped ('' at the end). */
  const nextChar = (i: number, j: number): string => {
    if (j + 1 < parts[i].length) return parts[i][j + 1];
    for (let k = i + 2; k < parts.length; k += 2) if (parts[k]) return parts[k][0];
    return '';
  };
  let out = '';
  let length = 0;
  let lastSpace: { at: number; open: string[] } | undefined;
  for (let i = 0; i < parts.length; i += 1) {
    const part = parts[i];
    if (i % 2 === 1) {
      const tag = tagOf(part);
      if (tag && inlineTags.has(tag.name)) {
        if (tag.closing) open.splice(open.lastIndexOf(tag.name), open.includes(tag.name) ? 1 : 0);
        else if (!part.endsWith('/>')) open.push(tag.name);
      }
      out += part;
      continue;
    }
    for (let j = 0; j < part.length; j += 1) {
      const char = part[j];
      if (length === maxLength) {
        const cut = lastSpace ?? { at: out.length, open };
        return `${out.slice(0, cut.at).trimEnd()}…${closing(cut.open)}`;
      }
      if (char === ' ') lastSpace = { at: out.length, open: [...open] };
      out += char;
      length += 1;
      if (/[。！？]/u.test(char) || (/[.!?]/.test(char) && /^(\s|)$/.test(nextChar(i, j)))) return out + closing(open);
    }
  }
  return out + closing(open);
}
