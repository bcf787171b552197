import { elementIds, linkedIds } from '../pdf/print-in-chunks.js';
import type { RenderedDeck } from './render-deck.js';

/** The deck last cut into slides: a long deck printed in parts asks for the same cut once per part and kind. */
let lastCut: { html: string; svgs: readonly string[] } | undefined;

/** Each slide's own `<svg data-marpit-svg>` element, cut out of Marp's `<div class="marpit">`. */
export function slideSvgs(marpHtml: string): readonly string[] {
  if (lastCut?.html === marpHtml) return lastCut.svgs;
  const starts = [...marpHtml.matchAll(/<svg data-marpit-svg/g)].map((m) => m.index ?? 0);
  const end = marpHtml.lastIndexOf('</div>');
  const svgs = starts.map((start, i) => marpHtml.slice(start, i + 1 < starts.length ? starts[i + 1] : end));
  lastCut = { html: marpHtml, svgs };
  return svgs;
}

/** The slides `start`..`end - 1` of a rendered deck as a deck of their own (same theme, size and fitting). */
export function sliceDeck(deck: RenderedDeck, start: number, end: number): RenderedDeck {
  const svgs = slideSvgs(deck.html).slice(start, end);
  return { ...deck, html: `<div class="marpit">${svgs.join('')}</div>`, slides: deck.slides.slice(start, end) };
}

/**
 * For a part `start`..`end - 1` printed on its own: the link targets other slides hold (`outside`, ids) and its own
 * elements that links point at (`inside`, as the links write them), as withPartLinks wants them. Empty for a deck printed whole.
 */
export function partLinks(deck: RenderedDeck, start: number, end: number): { outside: string[]; inside: string[] } {
  const linked = linkedIds(deck.html);
  if (linked.size === 0) return { outside: [], inside: [] };
  const svgs = slideSvgs(deck.html);
  const isLinked = (id: string): boolean => linked.has(id);
  return {
    outside: elementIds([...svgs.slice(0, start), ...svgs.slice(end)].join('')).filter(isLinked),
    inside: elementIds(svgs.slice(start, end).join('')).flatMap((id) => linked.get(id) ?? []),
  };
}

/** Some slides of a rendered deck, by index in any order, as a deck of their own (same theme, size and fitting). */
export function pickSlides(deck: RenderedDeck, indices: readonly number[]): RenderedDeck {
  const svgs = slideSvgs(deck.html);
  return { ...deck, html: `<div class="marpit">${indices.map((i) => svgs[i]).join('')}</div>`, slides: indices.map((i) => deck.slides[i]) };
}

/**
 * The slide elements that speaker notes link to, for slides `start`..`end - 1`: their ids, and the fragments the links
 * write. The handout draws its slides from the deck PDF (see placeSlides), so such a link reaches its target only
 * when the deck's print names a destination for it (a hidden link to each `fragment`) and the handout's print keeps
 * the link (a stand-in element for each id; see withPartLinks).
 */
export function notesLinkTargets(deck: RenderedDeck, start = 0, end = deck.slides.length): { ids: string[]; fragments: string[] } {
  const linked = linkedIds(deck.slides.map((slide) => slide.notesHtml).join(''));
  if (linked.size === 0) return { ids: [], fragments: [] };
  const ids = elementIds(slideSvgs(deck.html).slice(start, end).join('')).filter((id) => linked.has(id));
  return { ids, fragments: ids.flatMap((id) => linked.get(id) ?? []) };
}
