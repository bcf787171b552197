import matter from 'gray-matter';
import { ContentError } from '../errors.js';
import type { FrontMatter, PaperSize } from './types.js';

/** Front matter split off a source, with the line the body starts on. */
export interface SplitSource {
  data: Record<string, unknown>;
  /** The raw YAML text (for finding the line of a key). */
  yaml: string;
  body: string;
  /** 1-based source line of the body's first line. */
  bodyLine: number;
}

interface YamlMark {
  line?: number;
  column?: number;
}

/** Splits YAML front matter from the body; malformed YAML becomes a ContentError at its line. */
export function splitFrontMatter(text: string, file: string): SplitSource {
  let parsed: matter.GrayMatterFile<string>;
  try {
    // Passing options (even empty) bypasses gray-matter's global cache, which hands out shared objects.
    parsed = matter(text, {});
  } catch (error) {
    const mark = (error as { mark?: YamlMark }).mark;
    const reason = (error as { reason?: string }).reason ?? (error as Error).message;
    throw new ContentError(`The front matter is not valid YAML: ${reason}.`, {
      location: yamlErrorLocation(text, file, mark),
      hint: 'Fix the YAML between the two `---` lines at the top of the file (quote values that contain a colon).',
      cause: error,
    });
  }
  const data = parsed.data as unknown;
  if (data !== null && (typeof data !== 'object' || Array.isArray(data))) {
    throw new ContentError('The front matter must be a YAML mapping of `key: value` lines.', { location: { file, line: 2 } });
  }
  const consumed = text.length - parsed.content.length;
  const bodyLine = text.slice(0, consumed).split('\n').length;
  return { data: (data ?? {}) as Record<string, unknown>, yaml: parsed.matter ?? '', body: parsed.content, bodyLine };
}

/** The first front matter line (1-based, up to `last`) that opens a quote or bracket it does not close, if one does. */
function unclosedLine(lines: readonly string[], last: number): number | undefined {
  for (let i = 1; i < last; i += 1) {
    const line = lines[i]!.replace(/\\./g, '');
    const count = (char: string): number => line.split(char).length - 1;
    if (count('"') % 2 === 1 || count('[') > count(']') || count('{') > count('}') || /:\s+'[^']*$/.test(line)) return i + 1;
  }
  return undefined;
}

/**
 * Where a YAML error is: its mark, kept inside the front matter. An error found only past the last line of YAML
 * (a bracket or quote never closed: js-yaml reports the end of the stream, on the blank or closing `---` line
 * after it) points at the first line that opens a quote or bracket without closing it, else at the last line.
 */
function yamlErrorLocation(text: string, file: string, mark: YamlMark | undefined): { file: string; line: number; column?: number } {
  const lines = text.split(/\r?\n/);
  const closing = lines.findIndex((l, i) => i > 0 && /^(---|\.\.\.)\s*$/.test(l));
  const last = closing > 0 ? closing + 1 : lines.length;
  if (mark?.line === undefined) return { file, line: 1 };
  // gray-matter hands js-yaml the text after the opening `---` including its newline, so mark.line (0-based) is the file line minus one.
  const line = mark.line + 1;
  let lastYaml = last - 1;
  while (lastYaml > 2 && lines[lastYaml - 1]!.trim() === '') lastYaml -= 1;
  if (line > lastYaml) return { file, line: unclosedLine(lines, lastYaml) ?? Math.max(lastYaml, 2) };
  return { file, line, column: mark.column === undefined ? undefined : mark.column + 1 };
}

/** The source line of `key:` in the front matter, so type errors point at it. */
export function lineOfKey(yaml: string, key: string): number | undefined {
  const lines = yaml.replace(/^\r?\n/, '').split(/\r?\n/);
  const index = lines.findIndex((line) => new RegExp(`^${key}\\s*:`).test(line));
  return index < 0 ? undefined : index + 2;
}

const knownKeys = new Set(['title', 'subtitle', 'author', 'organization', 'date', 'classification', 'summary', 'keywords', 'lang', 'theme', 'template', 'slug', 'numbered', 'paper']);

/** Checks and normalises front matter into a FrontMatter; wrong types throw with the key's line. */
export function validateFrontMatter(source: SplitSource, file: string): FrontMatter {
  const { data, yaml } = source;
  const fail = (key: string, expected: string): never => {
    throw new ContentError(`Front matter \`${key}\` must be ${expected}, but it is ${describeValue(data[key])}.`, {
      location: { file, line: lineOfKey(yaml, key) ?? 1 },
      hint: `Change \`${key}:\` to ${expected}.`,
    });
  };
  const text = (key: string): string | undefined => {
    const value = data[key];
    if (value === undefined || value === null || value === '') return undefined;
    if (typeof value === 'string') return value.trim();
    if (typeof value === 'number' || typeof value === 'boolean') return String(value);
    return fail(key, 'a single line of text');
  };
  const list = (key: string): string[] => {
    const value = data[key];
    if (value === undefined || value === null) return [];
    if (typeof value === 'string') return key === 'keywords' ? value.split(',').map((s) => s.trim()).filter(Boolean) : [value];
    if (Array.isArray(value) && value.every((item) => typeof item === 'string' || typeof item === 'number')) {
      return value.map((item) => String(item).trim()).filter(Boolean);
    }
    return fail(key, 'a list of text items (one `- item` per line)');
  };

  const title = text('title');
  if (!title) {
    throw new ContentError('The front matter has no `title`.', {
      location: { file, line: 1 },
      hint: 'Add `title: Your title` between `---` lines at the very top of the file.',
    });
  }
  const rawDate = data.date;
  const date = rawDate instanceof Date ? rawDate.toISOString().slice(0, 10) : text('date');
  const paper = text('paper');
  if (paper !== undefined && !isPaper(paper)) fail('paper', '`A4` or `Letter`');
  const numbered = data.numbered === undefined ? true : data.numbered;
  if (typeof numbered !== 'boolean') return fail('numbered', '`true` or `false`');
  const slug = text('slug');
  if (slug !== undefined && !/^[\p{L}\p{N}][\p{L}\p{N}._-]*$/u.test(slug)) fail('slug', 'letters, digits, `-`, `_` or `.` (no slashes or spaces)');
  const lang = text('lang') ?? 'en';
  if (!/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(lang)) fail('lang', 'a language tag such as `en`, `ko` or `en-GB`');

  const extra: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) if (!knownKeys.has(key)) extra[key] = value;

  return {
    title,
    subtitle: text('subtitle'),
    author: text('author'),
    organization: text('organization'),
    date,
    classification: text('classification'),
    summary: list('summary'),
    keywords: list('keywords'),
    lang,
    theme: text('theme'),
    template: text('template'),
    slug,
    numbered,
    paper: paper === undefined ? undefined : normalisePaper(paper),
    extra,
    lines: { theme: lineOfKey(yaml, 'theme'), template: lineOfKey(yaml, 'template') },
  };
}

function isPaper(value: string): boolean {
  return /^(a4|letter)$/i.test(value);
}

function normalisePaper(value: string): PaperSize {
  return value.toLowerCase() === 'a4' ? 'A4' : 'Letter';
}

function describeValue(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'empty';
  if (typeof value === 'object') return 'a mapping';
  return `${typeof value} \`${String(value)}\``;
}
