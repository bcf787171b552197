import { describe, expect, it } from 'vitest';
import { recordTrial, scaleFound, startScaleSearch } from '../../src/deck/fit-scale-search.js';

const scales = [0.95, 0.9, 0.85, 0.8, 0.75, 0.7];

/** Runs a search against a slide that fits at every scale up to `limit`, counting the trials. */
function search(limit: number, content: { height: number; width: number }): { found: number | undefined; trials: number[] } {
  let state = startScaleSearch(scales, content, { height: 500, width: 1000 });
  const trials: number[] = [];
  while (state.next !== undefined) {
    trials.push(scales[state.next]);
    state = recordTrial(state, scales[state.next] <= limit, scales.length);
  }
  return { found: scaleFound(state, scales), trials };
}

/** What trying every scale from the top finds: the first (largest) that fits. */
const topDown = (limit: number): number | undefined => scales.find((s) => s <= limit);

describe('finding the scale an overflowing slide fits at', () => {
  it('finds what trying every scale from the top finds, whatever the content measured, trying each scale at most once', () => {
    for (const limit of [0.99, 0.96, 0.95, 0.93, 0.9, 0.87, 0.85, 0.8, 0.76, 0.72, 0.7, 0.69, 0.5]) {
      for (const height of [480, 510, 540, 560, 600, 640, 700, 760, 900, 2000]) {
        for (const width of [0, 900, 1100, 1500]) {
          const { found, trials } = search(limit, { height, width });
          expect(found, `fits up to ${limit}, content ${height}×${width}`).toBe(topDown(limit));
          expect(trials.length).toBeLessThanOrEqual(scales.length);
          expect(new Set(trials).size, 'no scale is tried twice').toBe(trials.length);
        }
      }
    }
  });

  it('needs two tries where the content shrinks in proportion, and one for a slide that fits at no scale', () => {
    // 500 px of box: 560 px of content fits at 0.85 (476 px) and not at 0.9 (504 px).
    expect(search(0.89, { height: 560, width: 0 })).toEqual({ found: 0.85, trials: [0.9, 0.85] });
    // 2,000 px of content fits at no scale: only the smallest is tried.
    expect(search(0.25, { height: 2000, width: 0 })).toEqual({ found: undefined, trials: [0.7] });
    // Barely over: the largest scale is tried first, and fits.
    expect(search(0.97, { height: 505, width: 0 })).toEqual({ found: 0.95, trials: [0.95] });
  });

  it('walks up when rewrapped text fits at a larger scale than the measured size suggests', () => {
    expect(search(0.95, { height: 700, width: 0 })).toEqual({ found: 0.95, trials: [0.75, 0.8, 0.85, 0.9, 0.95] });
  });
});
