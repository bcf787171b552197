import type { HelperDelegate } from 'handlebars';
import { counterStyleCss } from '../report/page-labels.js';

/** Formats an ISO date (YYYY-MM-DD) in the document language, e.g. "27 November 2026" or "2026년 11월 27일". */
export function formatDate(value: unknown, lang: unknown): string {
  if (typeof value !== 'string' || !value) return '';
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return value;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  try {
    return new Intl.DateTimeFormat(typeof lang === 'string' ? lang : 'en', { dateStyle: 'long', timeZone: 'UTC' }).format(date);
  } catch {
    return value;
  }
}

/** Quotes text as a CSS string literal (escaping quotes, backslashes and newlines). */
export function cssString(text: string): string {
  return `"${text.replace(/[\\"]/g, '\\$&').replace(/[\n\r]+/g, ' ').replace(/</g, '\\3c ')}"`;
}

/** Wide (East Asian full-width) characters count as two places when text is shortened to fit a running head. */
const wide = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;

/** Shortens text to about `places` character widths at a word boundary, ending it with an ellipsis. */
export function truncate(text: string, places: number): string {
  let used = 0;
  let cut = -1;
  for (const [i, char] of Array.from(text).entries()) {
    used += wide.test(char) ? 2 : 1;
    if (used > places) {
      cut = i;
      break;
    }
  }
  if (cut < 0) return text;
  const head = Array.from(text).slice(0, cut).join('');
  const atSpace = head.replace(/\s+\S*$/, '');
  return `${(atSpace.length >= head.length / 2 ? atSpace : head).replace(/[\s,;:.—–-]+$/, '')}…`;
}

/** The Handlebars helpers every template gets. Extra helpers from the config are added beside these. */
export const builtinHelpers: Record<string, HelperDelegate> = {
  /** {{formatDate document.date document.lang}} */
  formatDate: (value: unknown, lang: unknown) => formatDate(value, typeof lang === 'string' ? lang : 'en'),
  /** {{upper document.classification}} */
  upper: (value: unknown) => (typeof value === 'string' ? value.toLocaleUpperCase() : ''),
  /** {{join document.keywords ", "}} */
  join: (value: unknown, separator: unknown) => (Array.isArray(value) ? value.join(typeof separator === 'string' ? separator : ', ') : ''),
  /** {{add @index 1}} */
  add: (a: unknown, b: unknown) => Number(a) + Number(b),
  /** {{cssString document.title}}: a quoted CSS string, for `content:` in @page margin boxes. */
  cssString: (value: unknown) => cssString(typeof value === 'string' ? value : ''),
  /** {{truncate document.title 44}}: at most about 44 character widths, cut at a word, with an ellipsis. */
  truncate: (value: unknown, places: unknown) => truncate(typeof value === 'string' ? value : '', typeof places === 'number' ? places : 60),
  /**
   * {{{counterStyle "running-head" runningHeads 44}}}: an `@counter-style` that prints the n-th label for counter
   * value n, for per-page text in margin boxes (`content: counter(page, running-head)`); labels are shortened when
   * a width is given.
   */
  counterStyle: (name: unknown, labels: unknown, places: unknown) => {
    const list = Array.isArray(labels) ? labels.map((label) => String(label)) : [];
    const fitted = typeof places === 'number' ? list.map((label) => truncate(label, places)) : list;
    return counterStyleCss(typeof name === 'string' ? name : 'running-head', fitted, cssString);
  },
  /** {{#if (eq a b)}} */
  eq: (a: unknown, b: unknown) => a === b,
};
