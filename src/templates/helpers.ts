import type { HelperDelegate } from 'handlebars';

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
  /** {{#if (eq a b)}} */
  eq: (a: unknown, b: unknown) => a === b,
};
