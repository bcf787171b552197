import type { Page } from 'puppeteer-core';
import { measureSlides, type SlideMeasure } from '../browser/measure-slides.js';
import type { Diagnostic } from '../content/types.js';
import type { DeckPlan, PlannedSlide } from '../deck/deck-model.js';
import { fitSelector, type RenderedDeck } from '../deck/render-deck.js';
import { pickSlides } from '../deck/slice-deck.js';
import { splitOverflowingSlide } from '../deck/split-overflow.js';
import { loadForPrint } from '../pdf/print-pdf.js';
import type { FitMemory } from './fit-memory.js';

/** The smallest scale a slide's content may be shrunk to: 70% keeps 30px body text at 21px, still readable. */
export const minimumFitScale = 0.7;
/** Scales tried, largest first, when a slide overflows. */
const fitScales = [0.95, 0.9, 0.85, 0.8, 0.75, minimumFitScale];
/** Rounds of measure → shrink or split → render again before giving up and warning. */
const maxRounds = 3;

/** A deck rendered as HTML: the page to write (deck.html) and the page to measure and print (no viewer script). */
export interface DeckRendering {
  deck: RenderedDeck;
  html: string;
  printHtml: string;
}

/** The deck after fitting: what to write, the page left loaded with it (ready to print), and warnings. */
export interface FittedDeck extends DeckRendering {
  plan: DeckPlan;
  warnings: Diagnostic[];
  /** How many times the deck was loaded into the tab (1 when everything fitted at once). */
  loads: number;
}

/** One round's decision for a slide: keep, shrink, or split (or give up when none of those can help). */
function refit(slide: PlannedSlide, measure: SlideMeasure): { slides: PlannedSlide[]; changed: boolean; split: boolean } {
  if (!measure.overflows) return { slides: [slide], changed: false, split: false };
  if (measure.fitsAt !== undefined) return { slides: [{ ...slide, fit: measure.fitsAt }], changed: slide.fit !== measure.fitsAt, split: false };
  const pieces = Math.max(2, Math.ceil(measure.contentHeight / (measure.boxHeight * 1.02)));
  const split = splitOverflowingSlide(slide, pieces);
  if (split.length > 1) return { slides: split, changed: true, split: true };
  return { slides: [{ ...slide, fit: minimumFitScale }], changed: slide.fit !== minimumFitScale, split: false };
}

/**
 * Makes every slide fit: loads the deck into `page` at the slide size, measures each slide, shrinks the
 * content of an overflowing slide down to {@link minimumFitScale}, else splits it into continuation
 * slides, renders again and re-measures (a round that only shrinks needs no reload). Slides that still
 * overflow become warnings naming their source line. The page is left holding the final deck, laid out
 * as the returned print page is, so the caller can print it without loading it again. `first` is the plan already
 * rendered, when the caller rendered it while the browser was starting.
 *
 * With `partial` (when nothing is printed from the page afterwards), a slide whose measure is known is not measured
 * again: the page is loaded with only the others (`pageFor` makes a measuring page of some slides), or not at all,
 * and is left holding part of the deck or nothing. Known are the slides a round kept or shrank (a 1,800-slide deck
 * whose round split a few slides loaded those few again, not 2.8 MB of slides), and with `memory` every slide
 * measured before in this process with the same markup and page around it (the preview).
 */
export async function fitDeck(
  page: Page,
  plan: DeckPlan,
  render: (plan: DeckPlan) => DeckRendering,
  file: string,
  first = render(plan),
  partial?: { pageFor: (deck: RenderedDeck) => string; memory?: FitMemory },
): Promise<FittedDeck> {
  let current = plan;
  let rendering = first;
  let loads = 0;
  // Measures the last round leaves standing, by slide: a slide it kept, or shrank to a scale it fits at.
  let carried = new Map<PlannedSlide, SlideMeasure>();
  for (let round = 0; ; round += 1) {
    const last = round === maxRounds;
    const keys = partial?.memory?.keys(rendering.deck, rendering.printHtml);
    const known = (i: number): SlideMeasure | undefined => (partial ? (carried.get(current.slides[i]) ?? (keys && partial.memory?.get(keys[i]))) : undefined);
    const unknown = current.slides.flatMap((_, i) => (known(i) ? [] : [i]));
    const fresh = new Map<number, SlideMeasure>();
    if (unknown.length > 0) {
      const whole = unknown.length === current.slides.length;
      await loadForPrint(page, whole || !partial ? rendering.printHtml : partial.pageFor(pickSlides(rendering.deck, unknown)), { width: rendering.deck.width, height: rendering.deck.height });
      loads += 1;
      // Trial scales stay applied in the page, so when a round only shrinks slides the loaded page already
      // matches the re-rendered deck and needs no second load.
      for (const [j, m] of (await measureSlides(page, fitSelector, last ? [] : fitScales, true)).entries()) fresh.set(unknown[j], { ...m, index: unknown[j] });
      // Only measures taken with the trial scales are remembered: one without would say nothing of where it fits.
      if (keys && !last) for (const m of fresh.values()) partial?.memory?.set(keys[m.index], m);
    }
    const measures = current.slides.map((_, index) => fresh.get(index) ?? { ...(known(index) as SlideMeasure), index });
    const { slides, changed, split, next } = fitRound(current, measures, last);
    carried = next;
    if (changed) {
      current = { ...current, slides };
      rendering = render(current);
    }
    if (!changed || !split) return { ...rendering, plan: current, warnings: overflowWarnings(current, measures, file), loads };
  }
}

/** Measures the deck loaded in `page` for fitting, leaving each overflowing slide at the scale it fits at. */
export function measureToFit(page: Page): Promise<SlideMeasure[]> {
  return measureSlides(page, fitSelector, fitScales, true);
}

/**
 * The fitted deck from the measures of its first load (see measureToFit), when that load already shows it: no slide
 * had to be split (one only shrunk is shrunk in the page too). Undefined when the deck must be loaded again.
 */
export function fitFromFirstMeasures(plan: DeckPlan, measures: readonly SlideMeasure[], render: (plan: DeckPlan) => DeckRendering, file: string, first: DeckRendering): FittedDeck | undefined {
  const { slides, changed, split } = fitRound(plan, measures, false);
  if (changed && split) return undefined;
  const current = changed ? { ...plan, slides } : plan;
  return { ...(changed ? render(current) : first), plan: current, warnings: overflowWarnings(current, measures, file), loads: 1 };
}

/** One round of fitting: each slide kept, shrunk or split by its measure, and the measures that still stand. */
function fitRound(current: DeckPlan, measures: readonly SlideMeasure[], last: boolean): { slides: PlannedSlide[]; changed: boolean; split: boolean; next: Map<PlannedSlide, SlideMeasure> } {
  let changed = false;
  let split = false;
  const next = new Map<PlannedSlide, SlideMeasure>();
  const slides = last
    ? current.slides
    : current.slides.flatMap((slide, i) => {
        const refitted = refit(slide, measures[i]);
        changed ||= refitted.changed;
        split ||= refitted.split;
        // A slide kept stands as measured; one shrunk to the scale it fits at now fits. Split pieces are new.
        if (!refitted.split) for (const kept of refitted.slides) next.set(kept, kept === slide ? measures[i] : { ...measures[i], overflows: measures[i].fitsAt === undefined });
        return refitted.slides;
      });
  return { slides, changed, split, next };
}

/** Warnings for the slides that overflow even at the smallest scale. */
function overflowWarnings(plan: DeckPlan, measures: readonly SlideMeasure[], file: string): Diagnostic[] {
  return measures.filter((m) => m.overflows && m.fitsAt === undefined).map((m) => overflowWarning(plan.slides[m.index], m, file));
}

function overflowWarning(slide: PlannedSlide, m: SlideMeasure, file: string): Diagnostic {
  return {
    file,
    line: slide.line,
    message:
      `Slide ${m.index + 1} (“${slide.title}”) does not fit even shrunk to ${Math.round(minimumFitScale * 100)}% and split: ` +
      `its content needs ${Math.round(m.contentWidth)}×${Math.round(m.contentHeight)} px of a ${Math.round(m.boxWidth)}×${Math.round(m.boxHeight)} px box. ` +
      'Shorten it, or make wide tables, images or code smaller.',
  };
}
