import type { RenderedSlide } from './render-deck.js';

/** The title each slide shows in PDF bookmarks, handouts and the presenter view: section slides numbered. */
export function slideLabel(slide: RenderedSlide): string {
  const numbered = slide.sectionIndex === undefined ? slide.title : `${slide.sectionIndex + 1}. ${slide.title}`;
  return slide.continued ? `${numbered} (continued)` : numbered;
}
