import type { HelperDelegate, HelperOptions } from 'handlebars';
import { counterStyleCss } from '../report/page-labels.js';

/** Date formatters by language and style: making one loads locale data, and templates format the same date often. */
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function dateFormat(lang: string, style: 'full' | 'long' | 'medium' | 'short'): Intl.DateTimeFormat {
  const key = `${lang}|${style}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(lang, { dateStyle: style, timeZone: 'UTC' });
    dateFormats.set(key, format);
  }
  return format;
}

/** Formats an ISO date (YYYY-MM-DD, or a full timestamp) in the document language, e.g. "27 November 2026" or "2026년 11월 27일". */
export function formatDate(value: unknown, lang: unknown, style: 'full' | 'long' | 'medium' | 'short' = 'long'): string {
  if (typeof value !== 'string' || !value) return '';
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const date = day ? new Date(Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3]))) : /^\d{4}-\d{2}-\d{2}T/.test(value) ? new Date(value) : undefined;
  if (!date || Number.isNaN(date.getTime())) return value;
  try {
    return dateFormat(typeof lang === 'string' ? lang : 'en', style).format(date);
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

/** How many places one character takes in a running head or marking: a wide (CJK) one two, any other one. */
function charWidth(char: string): number {
  return wide.test(char) ? 2 : 1;
}

/** How many character widths text takes in a running head or marking: wide (CJK) characters count two. */
export function textWidth(text: string): number {
  let used = 0;
  for (const char of text) used += charWidth(char);
  return used;
}

/** Shortens text to about `places` character widths at a word boundary, ending it with an ellipsis. */
export function truncate(text: string, places: number): string {
  let used = 0;
  let cut = -1;
  for (const [i, char] of Array.from(text).entries()) {
    used += charWidth(char);
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

/** Writes a positive whole number as a Roman numeral (upper-case). */
export function romanNumeral(value: number): string {
  const table: [number, string][] = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let rest = Math.floor(value);
  let out = '';
  for (const [n, letters] of table) while (rest >= n) {
    out += letters;
    rest -= n;
  }
  return out;
}

/** Writes a positive whole number as letters: 1 → A, 26 → Z, 27 → AA. */
export function letterNumeral(value: number): string {
  let rest = Math.floor(value);
  let out = '';
  while (rest > 0) {
    rest -= 1;
    out = String.fromCharCode(65 + (rest % 26)) + out;
    rest = Math.floor(rest / 26);
  }
  return out;
}

/** Formats a number in a numbering style: decimal (in the document language's digits), roman, ROMAN, alpha, ALPHA. */
export function numeral(value: unknown, style: unknown, lang: string): string {
  const n = Number(value);
  if (!Number.isFinite(n)) return '';
  switch (style) {
    case 'roman':
      return romanNumeral(n).toLowerCase();
    case 'ROMAN':
      return romanNumeral(n);
    case 'alpha':
      return letterNumeral(n).toLowerCase();
    case 'ALPHA':
      return letterNumeral(n);
    default:
      return new Intl.NumberFormat(lang).format(n);
  }
}

/** The helper's options object: Handlebars passes it last. */
function optionsOf(args: unknown[]): HelperOptions {
  return args[args.length - 1] as HelperOptions;
}

/** The arguments written in the template (everything before the options object). */
function argsOf(args: unknown[]): unknown[] {
  return args.slice(0, -1);
}

/** The document language from the template context (`document.lang`), for helpers that format text. */
function documentLang(options: HelperOptions): string {
  const root = (options.data as { root?: { document?: { lang?: unknown } } } | undefined)?.root;
  return typeof root?.document?.lang === 'string' ? root.document.lang : 'en';
}

function localeOr(candidate: unknown, options: HelperOptions): string {
  return typeof candidate === 'string' ? candidate : documentLang(options);
}

function upperCase(value: unknown, lang: string): string {
  if (typeof value !== 'string') return '';
  try {
    return value.toLocaleUpperCase(lang);
  } catch {
    return value.toUpperCase();
  }
}

/** The Handlebars helpers every template gets. Helpers from the config file are added beside (and may replace) these. */
export const builtinHelpers: Record<string, HelperDelegate> = {
  /** {{formatDate document.date}} in the document language; optional language and `style="short|medium|long|full"`. */
  formatDate: (...args: unknown[]) => {
    const options = optionsOf(args);
    const [value, lang] = argsOf(args);
    const style = options.hash?.style as 'full' | 'long' | 'medium' | 'short' | undefined;
    return formatDate(value, localeOr(lang, options), style ?? 'long');
  },
  /** {{upper document.classification}}: upper-cased by the document language's rules. */
  upper: (...args: unknown[]) => upperCase(argsOf(args)[0], localeOr(argsOf(args)[1], optionsOf(args))),
  /** {{lower text}} */
  lower: (...args: unknown[]) => {
    const [value] = argsOf(args);
    return typeof value === 'string' ? value.toLocaleLowerCase(documentLang(optionsOf(args))) : '';
  },
  /** {{marking document.classification}}: the classification marking as printed (upper-cased, trimmed). */
  marking: (...args: unknown[]) => upperCase(typeof argsOf(args)[0] === 'string' ? (argsOf(args)[0] as string).trim() : '', documentLang(optionsOf(args))),
  /** {{join document.keywords ", "}}; `last=" and "` sets the separator before the last item. */
  join: (...args: unknown[]) => {
    const options = optionsOf(args);
    const [value, separator] = argsOf(args);
    if (!Array.isArray(value)) return '';
    const sep = typeof separator === 'string' ? separator : ', ';
    const last = typeof options.hash?.last === 'string' ? options.hash.last : sep;
    return value.length < 2 ? value.join('') : `${value.slice(0, -1).join(sep)}${last}${value[value.length - 1]}`;
  },
  /** {{listFormat document.keywords}}: "a, b and c" by the document language's rules; `type="disjunction"` for "or". */
  listFormat: (...args: unknown[]) => {
    const options = optionsOf(args);
    const [value] = argsOf(args);
    if (!Array.isArray(value)) return '';
    const type = options.hash?.type === 'disjunction' ? 'disjunction' : options.hash?.type === 'unit' ? 'unit' : 'conjunction';
    try {
      return new Intl.ListFormat(documentLang(options), { type }).format(value.map(String));
    } catch {
      return value.join(', ');
    }
  },
  /** {{numeral (inc @index) "roman"}}: i, ii ... (styles decimal, roman, ROMAN, alpha, ALPHA). */
  numeral: (...args: unknown[]) => {
    const [value, style] = argsOf(args);
    return numeral(value, style, documentLang(optionsOf(args)));
  },
  /** {{inc @index}}: a 0-based index as a 1-based number. */
  inc: (value: unknown) => Number(value) + 1,
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
  /** {{textWidth (marking document.classification)}}: character widths, wide (CJK) characters counting two, as truncate counts. */
  textWidth: (value: unknown) => textWidth(typeof value === 'string' ? value : ''),
  /** {{#if (eq a b)}} */
  eq: (a: unknown, b: unknown) => a === b,
  /** {{#if (ne a b)}} */
  ne: (a: unknown, b: unknown) => a !== b,
  /** {{#if (gt (textWidth document.title) 40)}}: numbers compared (false when either is not a number). */
  gt: (a: unknown, b: unknown) => Number(a) > Number(b),
  /** {{#if (lt a b)}} */
  lt: (a: unknown, b: unknown) => Number(a) < Number(b),
  /** {{default document.author "Staff"}}: the value, or the fallback when it is empty. */
  default: (value: unknown, fallback: unknown) => (value === undefined || value === null || value === '' ? fallback : value),
};
