import type { FrontMatter } from '../content/types.js';
import { slideLabel } from './bookmark-titles.js';
import type { RenderedDeck } from './render-deck.js';
import { escapeHtml } from '../html/escape-html.js';
import { viewerLabels as labelsFor } from './viewer-labels.js';

/** The files that turn Marp's slides into a presentable page (the viewer's CSS and script) and a handout. */
export interface DeckShell {
  css: string;
  script: string;
  handoutCss: string;
}

/** JSON that is safe inside a `<script>` element. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/**
 * Builds the self-contained deck.html: slides, theme CSS, viewer CSS and script, notes as JSON. With
 * `viewer: false`, the page the deck is measured and printed from: the same without the script and notes, which only
 * drive the on-screen viewer (the script marks every slide but the current one `aria-hidden`, which would leave
 * those slides out of the PDF's tags).
 */
export function deckPage(deck: RenderedDeck, meta: FrontMatter, shell: DeckShell, { viewer = true }: { viewer?: boolean } = {}): string {
  const viewerLabels = labelsFor(meta.lang);
  const data = {
    title: meta.title,
    width: deck.width,
    height: deck.height,
    slides: deck.slides.map((s) => ({ kind: s.kind, title: slideLabel(s), notes: s.notesHtml })),
    labels: viewerLabels,
  };
  return `<!DOCTYPE html>
<html lang="${escapeHtml(meta.lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="briefkit">
<title>${escapeHtml(meta.title)}</title>
<style>
@page { size: ${deck.width}px ${deck.height}px; margin: 0; }
${deck.css}
</style>
<style>
${shell.css}
</style>
</head>
<body class="bk-deck-body">
<main class="bk-deck" aria-roledescription="${escapeHtml(viewerLabels.deck)}" aria-label="${escapeHtml(meta.title)}">
${deck.html}
</main>
${
  viewer
    ? `<script type="application/json" id="bk-deck-data">${scriptJson(data)}</script>
<script data-briefkit-viewer>
${shell.script}
</script>
`
    : ''
}</body>
</html>
`;
}
