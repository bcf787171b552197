import { describe, expect, it } from 'vitest';
import type { RenderedDeck } from '../../src/deck/render-deck.js';
import { partLinks, sliceDeck, slideSvgs } from '../../src/deck/slice-deck.js';
import { withPartLinks } from '../../src/pdf/print-in-chunks.js';

const svg = (n: number, body = ''): string => `<svg data-marpit-svg viewBox="0 0 1280 720"><foreignObject><section id="${n}">Slide ${n}${body}</section></foreignObject></svg>`;
const deck: RenderedDeck = {
  html: `<div class="marpit">${svg(1, '<a href="#4">to four</a>')}${svg(2)}${svg(3)}${svg(4)}</div>`,
  css: 'section { color: red }',
  slides: [1, 2, 3, 4].map((n) => ({ title: `Slide ${n}` })) as unknown as RenderedDeck['slides'],
  width: 1280,
  height: 720,
};

describe('printing a deck in parts', () => {
  it('cuts a range of slides out as a deck of its own, with the same theme and size', () => {
    const part = sliceDeck(deck, 1, 3);
    expect(slideSvgs(part.html)).toEqual([svg(2), svg(3)]);
    expect(part.slides).toEqual(deck.slides.slice(1, 3));
    expect([part.css, part.width, part.height]).toEqual([deck.css, 1280, 720]);
  });

  it('names the link targets a part needs from other parts and the ones it holds for them', () => {
    expect(partLinks(deck, 0, 2)).toEqual({ outside: ['4'], inside: [] });
    expect(partLinks(deck, 2, 4)).toEqual({ outside: [], inside: ['4'] });
  });

  it('pairs a percent-encoded link with the id outside ASCII it points at, keeping the link’s spelling for the target’s part', () => {
    const korean = { ...deck, html: `<div class="marpit">${svg(1, '<a href="#%EB%B6%81%ED%95%9C">to 북한</a>')}${svg(2, '<h2 id="북한">북한</h2>')}</div>` };
    expect(partLinks(korean, 0, 1)).toEqual({ outside: ['북한'], inside: [] });
    expect(partLinks(korean, 1, 2)).toEqual({ outside: [], inside: ['%EB%B6%81%ED%95%9C'] });
  });

  it('adds the hidden targets and links at the start of the body, leaving a page without any untouched', () => {
    const page = '<html><body class="x"><main>m</main></body></html>';
    expect(withPartLinks(page, { outside: ['4'], inside: ['1'] })).toBe('<html><body class="x"><div hidden data-briefkit-part-links><a id="4"></a><a href="#1"></a></div><main>m</main></body></html>');
    expect(withPartLinks(page, { outside: [], inside: [] })).toBe(page);
  });
});
