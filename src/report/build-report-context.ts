import type MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';
import type { Briefing, Chunk, PaperSize } from '../content/types.js';
import { createIdAllocator } from '../content/slugify.js';
import { composeChunks } from '../markdown/compose-chunks.js';
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

const sentinel = /^<!-- briefkit-section (\d+) -->/;

/** Parses intro and every section's report face in one pass (so footnotes resolve across sections) and splits the tokens back. */
function parseReport(briefing: Briefing, md: MarkdownIt, env: MarkdownEnv, hyphenate?: Hyphenate): { intro: Token[]; sections: Token[][]; endnotes: Token[] } {
  const pieces: Chunk[] = [...briefing.intro.report];
  for (const section of briefing.sections) {
    pieces.push({ markdown: `<!-- briefkit-section ${section.index} -->`, line: section.line }, ...section.report);
  }
  const tokens = md.parse(composeChunks(pieces).markdown, env);
  if (hyphenate) hyphenateTokens(tokens, hyphenate);
  const footStart = tokens.findIndex((t) => t.type === 'footnote_block_open');
  const body = footStart < 0 ? tokens : tokens.slice(0, footStart);
  const endnotes = footStart < 0 ? [] : tokens.slice(footStart);
  const parts: Token[][] = [[]];
  for (const token of body) {
    if (token.type === 'html_block' && sentinel.test(token.content)) parts.push([]);
    else parts[parts.length - 1].push(token);
  }
  return { intro: parts[0], sections: parts.slice(1), endnotes };
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
      keywords: meta.keywords,
      lang: meta.lang,
      paper: options.paper,
      numbered: meta.numbered,
      slug: briefing.slug,
    },
    // A fresh env: markdown-it-footnote appends the collected endnotes to any later render that shares `env`.
    keyJudgments: meta.summary.map((j) => clean(md.renderInline(j, { assets: briefing.assets, lang: meta.lang }))),
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
