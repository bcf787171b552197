import type MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';
import type { Briefing, Chunk, PaperSize } from '../content/types.js';
import { createIdAllocator } from '../content/slugify.js';
import { composeChunks } from '../markdown/compose-chunks.js';
import { judgmentLead } from '../content/key-judgments.js';
import { reportReadingOrder } from '../content/report-reading-order.js';
import { markingLevel } from '../content/marking-level.js';
import type { MarkdownEnv } from '../markdown/env.js';
import { sanitize } from '../markdown/sanitize.js';
import { formatDate } from '../templates/helpers.js';
import { version } from '../version.js';
import type { Hyphenate } from './hyphenator.js';
import { typographicText } from '../markdown/typographic-text.js';
import { uiLabels } from '../content/ui-labels.js';
import type { ReportContext, ReportSection } from './report-context.js';

/** Options that are not in the front matter: defaults and CLI overrides resolved by the caller. */
export interface ReportContextOptions {
  paper: PaperSize;
  css: string;
  /** Skip the HTML sanitiser (the author trusts the raw HTML in their Markdown). */
  trustHtml?: boolean;
  /** Inserts soft hyphens into running text (see hyphenatorFor); headings are never hyphenated. */
  hyphenate?: Hyphenate;
  /** Build time, injectable for reproducible output. */
  now?: Date;
}

function plainText(tokens: Token[] | null): string {
  return (tokens ?? []).map((t) => (t.children ? plainText(t.children) : t.type === 'text' || t.type === 'code_inline' ? t.content : '')).join('');
}

/** Gives `###`..`######` headings ids and (optionally) numbers; returns the `###` ones for the contents. */
function numberHeadings(tokens: Token[], sectionNumber: string, md: MarkdownIt, nextId: (text: string) => string, numbered: boolean) {
  const subsections: ReportSection['subsections'] = [];
  let sub = 0;
  tokens.forEach((token, i) => {
    if (token.type !== 'heading_open') return;
    const inline = tokens[i + 1];
    const text = plainText(inline.children);
    const id = nextId(text);
    token.attrSet('id', id);
    if (token.tag === 'h3') {
      sub += 1;
      const number = numbered && sectionNumber ? `${sectionNumber}.${sub}` : '';
      if (number) token.attrSet('data-number', number);
      subsections.push({ number, id, text, title: md.renderer.renderInline(inline.children ?? [], md.options, {}) });
    }
  });
  return subsections;
}

/**
 * Soft-hyphenates the running text of paragraphs (in lists and quotes too). Headings, table cells and captions are
 * left alone: they are short, and Chromium keeps every soft hyphen in the PDF's text, so fewer is better.
 */
function hyphenateTokens(tokens: Token[], hyphenate: Hyphenate): void {
  tokens.forEach((token, i) => {
    if (token.type !== 'inline' || tokens[i - 1]?.type !== 'paragraph_open') return;
    for (const child of token.children ?? []) if (child.type === 'text') child.content = hyphenate(child.content);
  });
}

/** Set between the parts parsed together: each key judgment, the intro, each section. */
const partBreak = '<!-- briefkit-part -->';

/** The parts of a report parsed in one pass, as token lists. */
interface ParsedReport {
  /** Each key judgment's inline tokens, or undefined where a judgment is not one paragraph (rendered on its own). */
  judgments: (Token[] | undefined)[];
  intro: Token[];
  sections: Token[][];
  endnotes: Token[];
}

/** A key judgment's inline tokens with the lead taken off, when it parsed as exactly one paragraph. */
function judgmentTokens(part: Token[]): Token[] | undefined {
  const [open, inline, close, ...rest] = part;
  const first = inline?.children?.[0];
  if (open?.type !== 'paragraph_open' || close?.type !== 'paragraph_close' || rest.length > 0 || first?.type !== 'text' || !first.content.startsWith(judgmentLead)) return undefined;
  first.content = first.content.slice(judgmentLead.length);
  return inline!.children!;
}

/**
 * Parses the key judgments, the intro and every section's report face in one pass, so that footnotes resolve across
 * all of them and are numbered in reading order (a mark in a key judgment comes first), and splits the tokens back.
 */
function parseReport(briefing: Briefing, md: MarkdownIt, env: MarkdownEnv, hyphenate?: Hyphenate): ParsedReport {
  const { judgments, parts: order } = reportReadingOrder(briefing);
  const pieces: Chunk[] = order.flatMap((part, i) => [...(i > 0 ? [{ markdown: partBreak, line: part.line }] : []), ...part.chunks]);
  const tokens = md.parse(composeChunks(pieces).markdown, env);
  const footStart = tokens.findIndex((t) => t.type === 'footnote_block_open');
  const body = footStart < 0 ? tokens : tokens.slice(0, footStart);
  const endnotes = footStart < 0 ? [] : tokens.slice(footStart);
  const parts: Token[][] = [[]];
  for (const token of body) {
    if (token.type === 'html_block' && token.content.trim() === partBreak) parts.push([]);
    else parts[parts.length - 1].push(token);
  }
  // The judgments parsed with the body come first, one part each, before the intro and the sections.
  const shared = order.length - 1 - briefing.sections.length;
  const [intro = [], ...sections] = parts.slice(shared);
  // Running text and endnotes; key judgments are left as written, as they always were.
  if (hyphenate) for (const part of [intro, ...sections, endnotes]) hyphenateTokens(part, hyphenate);
  let next = 0;
  return { judgments: judgments.map((chunk) => (chunk ? judgmentTokens(parts[next++] ?? []) : undefined)), intro, sections, endnotes };
}

/** Builds the report template context from a briefing: the render stage's pure half. */
export function buildReportContext(briefing: Briefing, md: MarkdownIt, options: ReportContextOptions): ReportContext {
  const { meta } = briefing;
  const env: MarkdownEnv = { assets: briefing.assets, lang: meta.lang };
  const clean = (html: string): string => (options.trustHtml ? html : sanitize(html));
  const nextId = createIdAllocator();
  const render = (tokens: Token[]): string => clean(md.renderer.render(tokens, md.options, env));
  const parsed = parseReport(briefing, md, env, options.hyphenate);

  numberHeadings(parsed.intro, '', md, nextId, false);
  const intro = render(parsed.intro);

  const sections: ReportSection[] = briefing.sections.map((section) => {
    const number = meta.numbered ? String(section.index + 1) : '';
    const titleTokens = md.parseInline(section.title, env)[0]?.children ?? [];
    const id = nextId(plainText(titleTokens) || section.title);
    const tokens = parsed.sections[section.index] ?? [];
    const subsections = numberHeadings(tokens, number, md, nextId, meta.numbered);
    return {
      number,
      id,
      title: clean(md.renderer.renderInline(titleTokens, md.options, env)),
      text: plainText(titleTokens) || section.title,
      html: render(tokens),
      subsections,
      line: section.line,
    };
  });

  return {
    labels: uiLabels(meta.lang),
    document: {
      title: typographicText(md, meta.title, meta.lang),
      subtitle: meta.subtitle === undefined ? undefined : typographicText(md, meta.subtitle, meta.lang),
      author: meta.author,
      organization: meta.organization,
      date: meta.date,
      dateDisplay: meta.date ? formatDate(meta.date, meta.lang) : undefined,
      classification: meta.classification,
      classificationLevel: markingLevel(meta.classification),
      keywords: meta.keywords,
      lang: meta.lang,
      paper: options.paper,
      numbered: meta.numbered,
      slug: briefing.slug,
    },
    // A judgment that is not one paragraph is rendered on its own, with a fresh env: markdown-it-footnote appends the
    // collected endnotes to any later render that shares `env`.
    keyJudgments: meta.summary.map((j, i) => {
      const tokens = parsed.judgments[i];
      return clean(tokens ? md.renderer.renderInline(tokens, md.options, env) : md.renderInline(j, { assets: briefing.assets, lang: meta.lang }));
    }),
    intro,
    sections,
    endnotes: parsed.endnotes.length > 0 ? render(parsed.endnotes) : '',
    pages: {},
    runningHeads: [],
    styles: options.css,
    extra: meta.extra,
    build: { generator: `briefkit ${version}`, version, builtAt: (options.now ?? new Date()).toISOString() },
  };
}
