import type { SlideMeasure } from '../browser/measure-slides.js';
import { sha256 } from '../cache/hash.js';
import { cssWithoutFits, type RenderedDeck } from '../deck/render-deck.js';
import { slideSvgs } from '../deck/slice-deck.js';

/** Slides remembered at most before the memory starts over (a preview session may run for hours). */
const rememberedAtMost = 2_000;

/**
 * What fitting has measured in this process, for the preview: a slide's measure (overflow, and the scale it fits
 * at) by what decides it: the page around the slides (theme, styles, size) and the slide's own markup. A save
 * that changed the prose and one bullet then measures one slide instead of loading the whole deck, and a save
 * that changed only the prose (the speaker notes) loads nothing. Slides are measured as if each were alone, the
 * assumption printing a long deck in parts already makes. A slide with a scoped style of its own (written in its
 * Markdown) is measured every time: Marp names the style's scope afresh on each render. A slide shrunk to fit is
 * remembered like any other: its scale is an attribute of its markup (see withFits).
 */
export class FitMemory {
  private readonly measures = new Map<string, SlideMeasure>();

  /**
   * The key of every slide of a deck whose measuring page is `page`: the page without its slides and without the
   * rules of the scales slides are shrunk to (a slide's own scale is in its markup), so shrinking one slide does not
   * make every other one unknown.
   */
  keys(deck: RenderedDeck, page: string): string[] {
    const around = sha256(page.replace(deck.html, '').replace(deck.css, cssWithoutFits(deck.css)));
    return slideSvgs(deck.html).map((svg) => sha256(`${around}\n${deck.width}x${deck.height}\n${svg}`));
  }

  /** The remembered measure of the slide with this key, if any. */
  get(key: string): SlideMeasure | undefined {
    return this.measures.get(key);
  }

  /** Remembers a slide's measure, taken with the trial scales (its `index` is not part of what is remembered). */
  set(key: string, measure: SlideMeasure): void {
    if (this.measures.size >= rememberedAtMost) this.measures.clear();
    this.measures.set(key, measure);
  }
}
