import { describe, expect, it } from 'vitest';
import type { DeckPlan, PlannedSlide } from '../../src/deck/deck-model.js';
import { FitMemory } from '../../src/build/fit-memory.js';
import { onlyFitsDiffer, withFits, type RenderedDeck } from '../../src/deck/render-deck.js';

const svg = (n: number, layers = 1): string =>
  `<svg data-marpit-svg viewBox="0 0 1280 720">${Array.from({ length: layers }, () => `<foreignObject><section id="${n}"><p>Slide ${n}</p></section></foreignObject>`).join('')}</svg>`;
const deck: RenderedDeck = {
  // The second slide has a background layer, as Marp draws `![bg]` images: both of its sections shrink alike.
  html: `<div class="marpit">${svg(1)}${svg(2, 2)}${svg(3)}</div>`,
  css: 'section { color: red }',
  slides: [],
  width: 1280,
  height: 720,
};

describe('slides shrunk to fit', () => {
  it('marks each shrunk slide’s sections with its scale and adds one rule per scale to the deck’s CSS', () => {
    const fitted = withFits(deck, [undefined, 0.85, 0.85]);
    expect(fitted.html.match(/data-bk-fit="0\.850"/g)).toHaveLength(3);
    expect(fitted.html).toContain('<section id="1">');
    expect(fitted.css.startsWith(deck.css)).toBe(true);
    expect(fitted.css.match(/zoom: 0\.850;/g)).toHaveLength(1);
    expect(fitted.css).toContain('section[data-bk-fit="0.850"] > :not(header):not(footer):not(style) { zoom: 0.850; }');
  });

  it('replaces the fits a deck had rather than adding to them, and takes them all away when none is left', () => {
    const refitted = withFits(withFits(deck, [0.9, undefined, undefined]), [undefined, undefined, 0.75]);
    expect(refitted.html).not.toContain('0.900');
    expect(refitted.html.match(/data-bk-fit="0\.750"/g)).toHaveLength(1);
    expect(refitted.css).not.toContain('0.900');
    expect(withFits(refitted, [undefined, undefined, undefined])).toEqual(deck);
  });

  it('tells a plan that only shrank slides from one that changed them', () => {
    const slide = (markdown: string): PlannedSlide => ({ kind: 'section', markdown, title: markdown, notes: '' });
    const plan: DeckPlan = { theme: 'briefing', lang: 'en', header: '', footer: 'f', slides: [slide('a'), slide('b')] };
    expect(onlyFitsDiffer(plan, { ...plan, slides: [plan.slides[0], { ...plan.slides[1], fit: 0.8 }] })).toBe(true);
    expect(onlyFitsDiffer(plan, { ...plan, slides: [plan.slides[0], slide('b2')] })).toBe(false);
    expect(onlyFitsDiffer(plan, { ...plan, slides: [plan.slides[0]] })).toBe(false);
    expect(onlyFitsDiffer(plan, { ...plan, theme: 'briefing-dark' })).toBe(false);
  });
});

describe('remembering slide measures across fits', () => {
  const page = (d: RenderedDeck): string => `<html><head><style>${d.css}</style></head><body>${d.html}</body></html>`;
  const memory = new FitMemory();

  it('keeps a slide’s key when another slide is shrunk, and changes it when the slide itself is', () => {
    const before = memory.keys(deck, page(deck));
    const shrunk = withFits(deck, [undefined, 0.85, undefined]);
    const after = memory.keys(shrunk, page(shrunk));
    expect([after[0], after[2]]).toEqual([before[0], before[2]]);
    expect(after[1]).not.toBe(before[1]);
  });

  it('changes every key when the page around the slides changes', () => {
    const themed = { ...deck, css: 'section { color: blue }' };
    const keys = memory.keys(themed, page(themed));
    memory.keys(deck, page(deck)).forEach((key, i) => expect(keys[i]).not.toBe(key));
  });
});
