import { uiLabels } from '../content/ui-labels.js';
import type { FrontMatter, PaperSize } from '../content/types.js';
import { slideLabel } from './bookmark-titles.js';
import { markingLength } from './plan-deck.js';
import { escapeHtml } from '../html/escape-html.js';
import type { RenderedDeck } from './render-deck.js';
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
 * The ids of slide `index`'s (0-based) page in the handout and of the two corners of its place: its top left, an image
 * standing in for the slide (its alternative text is the same id, for placeSlides to find its tag), and its bottom right.
 */
export function slideSlotIds(index: number): { page: string; start: string; end: string } {
  return { page: handoutPageId(index), start: `bk-slot-${index + 1}`, end: `bk-slot-${index + 1}-end` };
}

/** A transparent 1×1 PNG: drawn where a slide goes, so the print tags that place (see slideSlotIds). */
const clearPixel = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';

/**
 * The notes handout: one page per slide, the slide's place on top and its speaker notes below as real text (long
 * notes run on). The slides themselves are not in the page: placeSlides (src/pdf/place-slides.ts) draws the deck
 * PDF's own pages into their places, so they are not laid out and painted a second time. Each slide's page and the
 * corners of its place have an id and a hidden link to it, so the PDF says where each one is: Chromium writes a
 * named destination for every element a link of the page reaches (as the report's headings are found, see
 * src/pdf/mark-heading-targets.ts; where Blink writes them: https://source.chromium.org/search?q=SetURLDestinationLocation).
 */
export function handoutPage(deck: RenderedDeck, meta: FrontMatter, options: HandoutOptions): string {
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
      const slot = slideSlotIds(i);
      const notes = slide.notesHtml || `<p class="bk-handout-empty">${escapeHtml(labels.noSpeakerNotes)}</p>`;
      // The marking is read out on the first page only (as the slides' bands are, see quiet-running-text.ts).
      const hidden = i > 0 ? ' aria-hidden="true"' : '';
      return `<article class="bk-handout-page" id="${handoutPageId(i)}">
${marking ? `<div class="${markingClass}"${hidden}>${marking}</div>` : ''}
<div class="bk-handout-slide"><img class="bk-handout-slot" id="${slot.start}" alt="${slot.start}" src="${clearPixel}"><i class="bk-handout-slot-end" id="${slot.end}"></i></div>
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
@page { size: ${options.paper} portrait; margin: 12mm 14mm; }
${options.css}
</style>
<style>
/* A slide's place keeps the slide's shape, and its corners are where placeSlides reads them. */
.bk-handout-slide { position: relative; box-sizing: content-box !important; aspect-ratio: ${deck.width} / ${deck.height} !important; padding: 0 !important; }
.bk-handout-slot { display: block !important; visibility: visible !important; opacity: 1 !important; position: absolute !important; inset: 0 !important; width: 100% !important; height: 100% !important; margin: 0 !important; border: 0 !important; padding: 0 !important; }
.bk-handout-slot-end { display: block !important; position: absolute !important; left: 100% !important; top: 100% !important; }
</style>
</head>
<body class="bk-handout">
<nav hidden>${deck.slides
    .slice(start, options.end ?? total)
    .map((_, j) => Object.values(slideSlotIds(start + j)).map((id) => `<a href="#${id}"></a>`).join(''))
    .join('')}</nav>
${pages}
</body>
</html>
`;
}
