import { withoutFootnoteMarks } from './notes-footnotes.js';
/** HTML elements that may open a paragraph of prose (`<span lang="zh">…</span>`): its lead sentence keeps them. */
const inlineTags = new Set(['a', 'abbr', 'b', 'bdi', 'bdo', 'cite', 'code', 'data', 'dfn', 'em', 'i', 'kbd', 'mark', 'q', 'ruby', 's', 'samp', 'small', 'span', 'strong', 'sub', 'sup', 'time', 'u', 'var']);

/** Words a period follows without ending the sentence ("Dr. Kim", "the U.S. Congress" is caught as initials). */
const abbreviations = new Set(
  'mr mrs ms dr prof gen lt col maj capt cmdr adm sgt gov sen rep amb pres st vs etc cf al approx fig figs vol jr sr inc ltd co corp dept est jan feb mar apr jun jul aug sep sept oct nov dec e.g i.e'.split(' '),
);

/** Words that abbreviate only before a number ("Resolution No. 2397"; "the answer was no. Then…" ends). */
const beforeNumbers = new Set(['no', 'nos', 'p', 'pp']);

/** The element name of an HTML tag (`<span lang="ja">`, `</span>`), lower-cased, and whether it closes. */
function tagOf(tag: string): { name: string; closing: boolean } | undefined {
  const match = /^<(\/?)([a-z][a-z0-9-]*)/i.exec(tag);
  return match ? { name: match[2].toLowerCase(), closing: match[1] === '/' } : undefined;
}

/**
 * Whether a paragraph is prose a slide can show: not a heading, code, image, table or its `Table:` caption, list,
 * quote, fenced div, footnote or HTML block. One that starts with an inline element (a passage marked with its
 * language) is.
 */
function isProse(paragraph: string): boolean {
  if (!paragraph || /^(#|```|~~~|!\[|\||:::|\[\^|Table:\s|>|[-+*]\s|\d+[.)]\s)/.test(paragraph)) return false;
  if (!paragraph.startsWith('<')) return true;
  const tag = tagOf(paragraph);
  return tag !== undefined && !tag.closing && inlineTags.has(tag.name);
}

/** Whether the period at `at` in `text` ends an abbreviation or an initial rather than a sentence. */
function abbreviationAt(text: string, at: number): boolean {
  const word = (/(?:^|[\s(“"'‘[*_])([\p{L}.]+)$/u.exec(text.slice(0, at))?.[1] ?? '').toLowerCase();
  if (beforeNumbers.has(word)) return /^\s*\d/.test(text.slice(at + 1));
  return /^\p{L}$/u.test(word) || /^(\p{L}\.)+\p{L}$/u.test(word) || abbreviations.has(word);
}

/**
 * The first sentence of a paragraph of prose, as Markdown: what a section without a `::: deck` block shows on its
 * slide. A sentence ends at `.`, `!` or `?` before a space (not after an abbreviation such as "Dr." or initials such as
 * "U.S."), or at a CJK full stop (`。！？`, which no space follows), never inside a code span. Inline HTML elements
 * and Markdown emphasis the cut leaves open are closed. A sentence over `maxLength` characters is cut at a word, with
 * an ellipsis.
 */
export function leadSentence(markdown: string, maxLength = 220): string {
  const paragraph = markdown
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .find(isProse);
  if (!paragraph) return '';
  const flat = withoutFootnoteMarks(paragraph.replace(/\s*\n\s*/g, ' '));
  // Tags and code spans are parts of their own; a tag inside a code span is text.
  const parts = flat.split(/(`[^`]*`|<[^>]*>)/).filter(Boolean);
  const isTag = (part: string): boolean => part.startsWith('<');
  /** What is open at a point: HTML elements by name, Markdown emphasis by its marker (`**`, `*`, `_`). */
  const open: string[] = [];
  const closing = (stack: readonly string[]): string =>
    stack
      .map((item) => (/^[*_]+$/.test(item) ? item : `</${item}>`))
      .reverse()
      .join('');
  /** The first character of text after part `i`'s character `j`, tags skipped ('' at the end). */
  const nextChar = (i: number, j: number): string => {
    if (j + 1 < parts[i].length) return parts[i][j + 1];
    for (let k = i + 1; k < parts.length; k += 1) if (!isTag(parts[k])) return parts[k][0];
    return '';
  };
  let out = '';
  let length = 0;
  let code = false;
  let lastSpace: { at: number; open: string[] } | undefined;
  for (let i = 0; i < parts.length; i += 1) {
    const part = parts[i];
    if (isTag(part)) {
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
        return `${out.slice(0, cut.at).trimEnd()}…${closing(cut.open)}${code && !lastSpace ? '`' : ''}`;
      }
      if (char === '`') code = !code;
      else if (!code && (char === '*' || char === '_')) {
        // A run of markers opens or closes emphasis; `_` only at a word's edge (snake_case is text).
        let run = char;
        while (part[j + 1] === char) run += part[++j];
        const before = part[j - run.length] ?? ' ';
        const after = part[j + 1] ?? ' ';
        const edge = char === '*' || !/[\p{L}\p{N}]/u.test(before) || !/[\p{L}\p{N}]/u.test(after);
        if (edge && run.length <= 3) {
          if (open[open.length - 1] === run) open.pop();
          else if (!/\s/.test(after)) open.push(run);
        }
        out += run;
        continue;
      }
      if (char === ' ' && !code) lastSpace = { at: out.length, open: [...open] };
      out += char;
      length += 1;
      if (code) continue;
      if (/[。！？]/u.test(char)) return out + closing(open);
      if (!/[.!?]/.test(char) || (char === '.' && abbreviationAt(part, j))) continue;
      // Closing quotes, brackets and emphasis may stand between the full stop and the space: they end with it.
      const closers = /^[*_”"’')\]」』]*/u.exec(part.slice(j + 1))?.[0] ?? '';
      const next = j + closers.length + 1 < part.length ? part[j + closers.length + 1] : nextChar(i, j + closers.length);
      if (!/^(\s|)$/.test(next)) continue;
      for (const run of closers.match(/\*+|_+|[^*_]/g) ?? []) {
        if (/^[*_]+$/.test(run) && open[open.length - 1] === run) open.pop();
        out += run;
      }
      return out + closing(open);
    }
  }
  return out + closing(open);
}
