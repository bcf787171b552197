import { uiLabels } from '../content/ui-labels.js';
import type { FrontMatter, PaperSize } from '../content/types.js';
import { slideLabel } from './bookmark-titles.js';
import { markingLength } from './plan-deck.js';
import { escapeHtml } from '../html/escape-html.js';
import type { RenderedDeck } from './render-deck.js';
import { slideSvgs } from './slice-deck.js';
import { markingLevelClass } from '../content/marking-level.js';

/** How the handout looks, and which slides a page of it holds. */
export interface HandoutOptions {
  css: string;
  paper: PaperSize;
  /** Only slides `start`..`end - 1` (0-based; numbered as in the whole deck), for printing a long deck in parts. */
  start?: number;
  end?: number;
}

/** The id of slide `index`'s (0-based) page in the handout, whose named destination bookmarks it. */
export function handoutPageId(index: number): string {
  return `bk-handout-${index + 1}`;
}

/**
 * The notes handout: one page per slide, the slide on top and its speaker notes below as real text (long notes run
 * on). Each slide's page has an id and a hidden link to it, so the PDF says where each one starts: Chromium writes
 * a named destination for every element a link of the page reaches (as the report's headings are found, see
 * src/pdf/mark-heading-targets.ts; where Blink writes them: https://source.chromium.org/search?q=SetURLDestinationLocation).
 */
export function handoutPage(deck: RenderedDeck, meta: FrontMatter, options: HandoutOptions): string {
  const svgs = slideSvgs(deck.html);
  const marking = meta.classification ? escapeHtml(meta.classification.toLocaleUpperCase()) : '';
  // A long marking is set smaller, as on the slides, so it takes one line or two, never more.
  const length = markingLength(meta.classification);
  const markingClass = `bk-handout-marking${length ? ` bk-handout-marking-${length}` : ''}${markingLevelClass(meta.classification)}`;
  const labels = uiLabels(meta.lang);
  const total = deck.slides.length;
  const start = options.start ?? 0;
  const pages = deck.slides
    .slice(start, options.end ?? total)
    .map((slide, j) => {
      const i = start + j;
      const notes = slide.notesHtml || `<p class="bk-handout-empty">${escapeHtml(labels.noSpeakerNotes)}</p>`;
      // The marking is read out on the first page only (as the slides' bands are, see quiet-running-text.ts).
      const hidden = i > 0 ? ' aria-hidden="true"' : '';
      return `<article class="bk-handout-page" id="${handoutPageId(i)}">
${marking ? `<div class="${markingClass}"${hidden}>${marking}</div>` : ''}
<div class="marpit bk-handout-slide">${svgs[i] ?? ''}</div>
<section class="bk-handout-notes" aria-label="${escapeHtml(labels.speakerNotes)}">
<h2><span class="bk-handout-number">${i + 1} / ${total}</span> ${escapeHtml(slideLabel(slide))}</h2>
${notes}
</section>
${marking ? `<div class="${markingClass} bk-handout-marking-bottom"${hidden}>${marking}</div>` : ''}
</article>`;
    })
    .join('\n');
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
@page { size: ${options.paper} portrait; margin: 12mm 14mm; }
${options.css}
</style>
</head>
<body class="bk-handout">
<nav hidden>${deck.slides.slice(start, options.end ?? total).map((_, j) => `<a href="#${handoutPageId(start + j)}"></a>`).join('')}</nav>
${pages}
</body>
</html>
`;
}
