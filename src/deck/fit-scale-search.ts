/**
 * The search for the largest of a list of trial scales (largest first) at which one overflowing slide fits,
 * one layout per trial. Trying every scale from the top took up to one whole-deck layout per scale; this starts
 * next to where the slide's measured size says it fits (content shrinks with the scale, and rewrapped text
 * needs no more lines when it has more room), then walks one scale at a time to the edge between overflowing
 * and fitting. Fitting is taken to be monotonic (what fits at a scale fits at every smaller one), which is what
 * the old top-down search assumed when it stopped at the first fit.
 */
export interface ScaleSearch {
  /** Index of the smallest scale known to overflow (-1: only full size is known to). */
  overflowsAt: number;
  /** Index of the largest scale known to fit (the number of scales: none is known to). */
  fitsFrom: number;
  /** The scale to try next (an index), or undefined when the search is over. */
  next?: number;
}

/**
 * Starts a search for a slide whose content needs `content` pixels of a `box` (height and width): its first
 * trial is the scale just above the one that would fit if the content shrank in proportion.
 */
export function startScaleSearch(scales: readonly number[], content: { height: number; width: number }, box: { height: number; width: number }): ScaleSearch {
  const ratio = (need: number, have: number): number => (need > 0 ? (have + 1) / need : Infinity);
  const estimate = Math.min(ratio(content.height, box.height), ratio(content.width, box.width));
  const fitting = scales.findIndex((s) => s <= estimate);
  const first = fitting === -1 ? scales.length - 1 : Math.max(0, fitting - 1);
  return { overflowsAt: -1, fitsFrom: scales.length, next: scales.length > 0 ? first : undefined };
}

/** Takes the outcome of the trial `search.next` and decides the next trial (walking up after a fit, down after an overflow). */
export function recordTrial(search: ScaleSearch, fits: boolean, count: number): ScaleSearch {
  const tried = search.next;
  if (tried === undefined) return search;
  const overflowsAt = fits ? search.overflowsAt : Math.max(search.overflowsAt, tried);
  const fitsFrom = fits ? Math.min(search.fitsFrom, tried) : search.fitsFrom;
  const decided = fitsFrom === overflowsAt + 1 || overflowsAt === count - 1;
  return { overflowsAt, fitsFrom, next: decided ? undefined : fits ? tried - 1 : tried + 1 };
}

/** The largest scale found to fit, once the search is over (undefined: not even the smallest fits). */
export function scaleFound(search: ScaleSearch, scales: readonly number[]): number | undefined {
  return search.fitsFrom < scales.length ? scales[search.fitsFrom] : undefined;
}
