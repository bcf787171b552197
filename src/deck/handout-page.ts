import type { FrontMatter, PaperSize } from '../content/types.js';
import { linkedIds } from '../pdf/print-in-chunks.js';
import { slideLabel } from './bookmark-titles.js';
import { escapeHtml } from './deck-page.js';
import type { RenderedDeck } from './render-deck.js';
import { slideSvgs } from './slice-deck.js';

/** How the handout looks, and which slides a page of it holds. */
export interface HandoutOptions {
  css: string;
  paper: PaperSize;
  /** Only slides `start`..`end - 1` (0-based; numbered as in the whole deck), for printing a long deck in parts. */
  start?: number;
  end?: number;
}

/** The name of the handout's pages when they are printed in the deck's document (see handoutAddition). */
export const handoutPageName = 'bk-handout';

/** The handout's page margins; its CSS gets the height they leave as `--bk-handout-page-height`. */
const margin = { block: 12, inline: 14 };

/** Paper heights in millimetres, portrait. */
const paperHeight: Record<PaperSize, number> = { A4: 297, Letter: 279.4 };

/**
 * The handout's `@page` rule and the height of a page's content box as a CSS variable (the built-in handout.css
 * stretches each page to it, so the bottom marking sits at the foot). A named page when the handout shares the deck's
 * document, whose unnamed `@page` sizes the slides.
 */
function handoutPageCss(paper: PaperSize, name = ''): string {
  const rules = [
    `@page ${name}{ size: ${paper} portrait; margin: ${margin.block}mm ${margin.inline}mm; }`,
    `.bk-handout { --bk-handout-page-height: ${Math.round((paperHeight[paper] - 2 * margin.block) * 10) / 10}mm; }`,
  ];
  if (name) rules.push(`.bk-handout-page { page: ${name}; }`);
  return rules.join('\n');
}

/** The handout's pages: a `<div class="bk-handout">` with, per slide, the slide on top and its speaker notes below. */
function handoutBody(deck: RenderedDeck, meta: FrontMatter, options: HandoutOptions): string {
  const svgs = slideSvgs(deck.html);
  const marking = meta.classification ? escapeHtml(meta.classification.toLocaleUpperCase()) : '';
  const total = deck.slides.length;
  const start = options.start ?? 0;
  const pages = deck.slides
    .slice(start, options.end ?? total)
    .map((slide, j) => {
      const i = start + j;
      const notes = slide.notesHtml || '<p class="bk-handout-empty">No speaker notes.</p>';
      return `<article class="bk-handout-page">
${marking ? `<div class="bk-handout-marking">${marking}</div>` : ''}
<div class="marpit bk-handout-slide">${svgs[i] ?? ''}</div>
<section class="bk-handout-notes" aria-label="Speaker notes">
<h2><span class="bk-handout-number">${i + 1} / ${total}</span> ${escapeHtml(slideLabel(slide))}</h2>
${notes}
</section>
${marking ? `<div class="bk-handout-marking bk-handout-marking-bottom">${marking}</div>` : ''}
</article>`;
    })
    .join('\n');
  return `<div class="bk-handout">\n${pages}\n</div>`;
}

/** The notes handout as a document of its own: one page per slide, the slide on top and its speaker notes below as real text. */
export function handoutPage(deck: RenderedDeck, meta: FrontMatter, options: HandoutOptions): string {
  return `<!DOCTYPE html>
<html lang="${escapeHtml(meta.lang)}">
<head>
<meta charset="utf-8">
<meta name="generator" content="briefkit">
<title>${escapeHtml(meta.title)} — handout</title>
<style>
${deck.css}
</style>
<style>
html, body { margin: 0; padding: 0; background: #ffffff; }
${handoutPageCss(options.paper)}
${options.css}
</style>
</head>
<body>
${handoutBody(deck, meta, options)}
</body>
</html>
`;
}

/** CSS with comments and quoted strings blanked out, so what is left is selectors, at-rules and declarations. */
function cssSkeleton(css: string): string {
  return css.replace(/\/\*[\s\S]*?\*\/|"(?:\\.|[^"\\])*"|'(?:\\.|[^'\\])*'/g, '""');
}

/**
 * Elements whose copy does not show what the original shows: scripts (not run when markup is inserted), what they
 * draw on, and embedded documents and media. Only HTML kept with `--trust-html` has them.
 */
const liveElements = /<(script|canvas|iframe|object|embed|video|audio)\b/i;

/**
 * Whether the handout can be printed in the deck's own document, after its slides (one print instead of two,
 * split into deck.pdf and handout.pdf): only when its CSS styles nothing outside the handout (no `html`, `body` or
 * `:root` selector, which would restyle the deck's document too), no slide links to another (a link from a
 * handout page would open the deck's copy of its target), and slides and notes are plain markup that looks the same
 * when copied in (no scripts or what they draw on).
 */
export function handoutSharesDeckPage(deck: RenderedDeck, css: string): boolean {
  if (linkedIds(deck.html).size > 0) return false;
  if (liveElements.test(deck.html) || deck.slides.some((slide) => liveElements.test(slide.notesHtml))) return false;
  for (const match of cssSkeleton(css).matchAll(/([^{};]*)\{/g)) {
    const prelude = match[1].trim();
    if (prelude.startsWith('@')) continue;
    if (/(^|[\s,>+~(])(html|body|:root)(?![\w-])/i.test(prelude)) return false;
  }
  return true;
}

/**
 * Unnamed `@page` rules (`@page`, `@page :first`) made rules of the handout's named page, so a handout.css that
 * sets the paper's margins does not reach the slides' pages.
 */
function namePageRules(css: string, name: string): string {
  return css.replace(/@page((?:\s*:[\w-]+)*)\s*\{/g, (_, pseudo: string) => `@page ${name}${pseudo.replace(/\s+/g, '')} {`);
}

/**
 * What to add to the loaded deck page so that one print makes the slides and then the handout: its pages (as a
 * named page, so they get the handout's paper) and its CSS. See handoutSharesDeckPage for when this is possible.
 */
export function handoutAddition(deck: RenderedDeck, meta: FrontMatter, options: HandoutOptions): { css: string; html: string } {
  return { css: `${handoutPageCss(options.paper, handoutPageName)}\n${namePageRules(options.css, handoutPageName)}`, html: handoutBody(deck, meta, options) };
}
