import { describe, expect, it } from 'vitest';
import { handoutAddition, handoutSharesDeckPage } from '../../src/deck/handout-page.js';
import type { RenderedDeck } from '../../src/deck/render-deck.js';
import type { FrontMatter } from '../../src/content/types.js';

const deck = (html: string): RenderedDeck => ({ html: `<div class="marpit">${html}</div>`, css: '', slides: [], width: 1280, height: 720 });
const plain = deck('<svg data-marpit-svg><foreignObject><section id="1"><h1 id="title">Title</h1></section></foreignObject></svg>');

describe('printing the handout in the deck’s page', () => {
  it('is done when the handout’s CSS styles only what is inside .bk-handout', () => {
    expect(handoutSharesDeckPage(plain, '.bk-handout { color: #111; }\n.bk-handout-notes h2 { font-family: "body", serif; }')).toBe(true);
    expect(handoutSharesDeckPage(plain, '/* body { margin: 0 } */ .bk-handout::before { content: "html {"; }')).toBe(true);
    expect(handoutSharesDeckPage(plain, '@page :first { margin: 20mm; }\n@media print { .bk-handout { font-size: 10pt; } }')).toBe(true);
    expect(handoutSharesDeckPage(plain, '.tbody-like { color: red; }')).toBe(true);
  });

  it('is not done when the CSS styles the whole document, which would restyle the slides too', () => {
    expect(handoutSharesDeckPage(plain, 'html, body { background: #fff; }')).toBe(false);
    expect(handoutSharesDeckPage(plain, 'body.bk-handout { font-size: 11pt; }')).toBe(false);
    expect(handoutSharesDeckPage(plain, '@media print { :root { --x: 1; } }')).toBe(false);
    expect(handoutSharesDeckPage(plain, '.a{color:red}BODY > .bk-handout { color: red; }')).toBe(false);
  });

  it('is not done when a slide links to another, whose copy in the deck the link would open', () => {
    expect(handoutSharesDeckPage(deck('<svg data-marpit-svg><foreignObject><section id="1"><a href="#2">next</a></section></foreignObject></svg>'), '.bk-handout {}')).toBe(false);
  });

  it('is not done when a slide holds a script or what one draws on, which a copy would show blank', () => {
    expect(handoutSharesDeckPage(deck('<svg data-marpit-svg><foreignObject><section><canvas id="c"></canvas><script>draw()</script></section></foreignObject></svg>'), '.bk-handout {}')).toBe(false);
    expect(handoutSharesDeckPage(deck('<svg data-marpit-svg><foreignObject><section><IFRAME src="data:text/html,x"></IFRAME></section></foreignObject></svg>'), '')).toBe(false);
  });

  it('turns the handout’s unnamed @page rules into rules of its own named page', () => {
    const meta = { title: 'T', lang: 'en' } as FrontMatter;
    const { css, html } = handoutAddition(plain, meta, { css: '@page { margin: 30mm; }\n@page :first { margin-top: 40mm; }\n@page cover { margin: 0; }', paper: 'Letter' });
    expect(css).toContain('@page bk-handout{ size: Letter portrait;');
    expect(css).toContain('@page bk-handout { margin: 30mm; }');
    expect(css).toContain('@page bk-handout:first { margin-top: 40mm; }');
    expect(css).toContain('@page cover { margin: 0; }');
    expect(css).toContain('.bk-handout-page { page: bk-handout; }');
    expect(css).toContain('.bk-handout { --bk-handout-page-height: 255.4mm; }');
    expect(html).toMatch(/^<div class="bk-handout">/);
  });
});
