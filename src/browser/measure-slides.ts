import type { Page } from 'puppeteer-core';
import { recordTrial, scaleFound, startScaleSearch, type ScaleSearch } from '../deck/fit-scale-search.js';

/** How one slide's content sits in its box, in CSS pixels of the slide. */
export interface SlideMeasure {
  index: number;
  /** Whether any content reaches past the slide's content box (its padding edge, by more than a pixel). */
  overflows: boolean;
  /** Height and width the content needs, and the content box it has. */
  contentHeight: number;
  contentWidth: number;
  boxHeight: number;
  boxWidth: number;
  /** The largest of the scales tried at which the content fits, when asked to try scales. */
  fitsAt?: number;
}

/**
 * Runs in the page: first sets CSS `zoom` on `selector` inside the given slides (the way the fit style will; null
 * takes it off), then measures the slides in `only` (every slide when null), each the content `section` of a
 * Marp inline SVG. In-flow children must stay inside the content box; absolutely placed ones (bands, bylines)
 * inside the slide. Zooming every slide under trial before measuring any lays the page out once per call.
 * Self-contained: puppeteer serialises it.
 */
export function measureSlidesInPage(selector: string, zooms: [number, number | null][], only: number[] | null): SlideMeasure[] {
  const svgs = Array.from(document.querySelectorAll('div.marpit > svg[data-marpit-svg]'));
  const measure = (section: HTMLElement, index: number): SlideMeasure => {
    const rect = section.getBoundingClientRect();
    const scale = rect.width / section.offsetWidth || 1;
    const style = getComputedStyle(section);
    const box = {
      left: parseFloat(style.paddingLeft),
      top: parseFloat(style.paddingTop),
      right: section.offsetWidth - parseFloat(style.paddingRight),
      bottom: section.offsetHeight - parseFloat(style.paddingBottom),
    };
    let top = Infinity;
    let bottom = -Infinity;
    let left = Infinity;
    let right = -Infinity;
    let overflows = false;
    const range = document.createRange();
    for (const child of Array.from(section.children) as HTMLElement[]) {
      const tag = child.tagName.toLowerCase();
      if (tag === 'header' || tag === 'footer' || tag === 'style' || tag === 'script') continue;
      const childStyle = getComputedStyle(child);
      if (childStyle.display === 'none' || childStyle.visibility === 'hidden') continue;
      // Vertically the element's own box counts (glyphs may poke a few pixels past a tight line-height);
      // horizontally also its text, which can run past a box it cannot wrap in (long words, wide tables).
      const own = child.getBoundingClientRect();
      range.selectNodeContents(child);
      const text = range.getBoundingClientRect();
      const hasText = text.width > 0 || text.height > 0;
      const absolute = childStyle.position === 'absolute' || childStyle.position === 'fixed';
      const limit = absolute ? { left: 0, top: 0, right: section.offsetWidth, bottom: section.offsetHeight } : box;
      const x1 = (Math.min(own.left, hasText ? text.left : own.left) - rect.left) / scale;
      const x2 = (Math.max(own.right, hasText ? text.right : own.right) - rect.left) / scale;
      const y1 = (own.top - rect.top) / scale;
      // A block that clips its content (overflow: hidden, e.g. code) hides an overflow inside it: count the
      // height its content needs. The bottom margin counts too: the slide's scroll height includes it.
      const clips = childStyle.overflowY !== 'visible' || childStyle.overflowX !== 'visible';
      const clipped = clips && child.clientHeight > 0 && child.scrollHeight > child.clientHeight + 1;
      const needed = clipped ? (own.height * child.scrollHeight) / child.clientHeight : own.height;
      const y2 = (own.top - rect.top + needed) / scale + (absolute ? 0 : parseFloat(childStyle.marginBottom) || 0);
      const clippedWide = clips && child.clientWidth > 0 && child.scrollWidth > child.clientWidth + 1;
      if (clipped || clippedWide || x1 < limit.left - 1 || y1 < limit.top - 1 || x2 > limit.right + 1 || y2 > limit.bottom + 1) overflows = true;
      if (!absolute) {
        top = Math.min(top, y1);
        bottom = Math.max(bottom, y2);
        left = Math.min(left, x1);
        right = Math.max(right, x2);
      }
    }
    return {
      index,
      overflows,
      contentHeight: Math.max(0, bottom - top),
      contentWidth: Math.max(0, right - left),
      boxHeight: box.bottom - box.top,
      boxWidth: box.right - box.left,
    };
  };
  const sections = svgs.map((svg) => {
    const candidates = Array.from(svg.querySelectorAll('foreignObject > section')) as HTMLElement[];
    return candidates.find((s) => !s.dataset.marpitAdvancedBackground || s.dataset.marpitAdvancedBackground === 'content') ?? candidates[0];
  });
  for (const [index, zoom] of zooms) {
    for (const target of Array.from(sections[index].querySelectorAll(`:scope ${selector.replace(/^section\s*/, '')}`)) as HTMLElement[]) {
      if (zoom === null) target.style.removeProperty('zoom');
      else target.style.setProperty('zoom', String(zoom));
    }
  }
  return (only ?? sections.map((_, index) => index)).map((index) => measure(sections[index], index));
}

/**
 * Measures every slide of the deck loaded in `page`; for overflowing ones, finds the largest of `scales` (largest
 * first) at which the content fits (see src/deck/fit-scale-search.ts: usually two layouts of the page, not one
 * per scale) and, with `keep`, leaves that scale applied in the page (the smallest one for a slide that fits at
 * none), so the page matches a deck rendered with those fits.
 */
export async function measureSlides(page: Page, selector: string, scales: number[], keep = false): Promise<SlideMeasure[]> {
  const results = await page.evaluate(measureSlidesInPage, selector, [], null);
  if (scales.length === 0) return results;
  const searches = new Map(
    results.filter((r) => r.overflows).map((r) => [r.index, startScaleSearch(scales, { height: r.contentHeight, width: r.contentWidth }, { height: r.boxHeight, width: r.boxWidth })]),
  );
  for (;;) {
    const trials = [...searches].flatMap(([index, search]) => (search.next === undefined ? [] : [[index, search.next] as const]));
    if (trials.length === 0) break;
    const measured = await page.evaluate(measureSlidesInPage, selector, trials.map(([index, trial]): [number, number] => [index, scales[trial]]), trials.map(([index]) => index));
    for (const m of measured) searches.set(m.index, recordTrial(searches.get(m.index) as ScaleSearch, !m.overflows, scales.length));
  }
  const zooms: [number, number | null][] = [];
  for (const [index, search] of searches) {
    results[index].fitsAt = scaleFound(search, scales);
    zooms.push([index, keep ? (results[index].fitsAt ?? scales[scales.length - 1]) : null]);
  }
  if (zooms.length > 0) await page.evaluate(measureSlidesInPage, selector, zooms, []);
  return results;
}
