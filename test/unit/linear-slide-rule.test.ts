import { Marp } from '@marp-team/marp-core';
import { describe, expect, it } from 'vitest';
import { useLinearSlideRule } from '../../src/deck/linear-slide-rule.js';

const deck = `---
theme: default
paginate: true
header: Header text
footer: Footer text
---

<!-- _class: lead -->
# Title

Intro paragraph.

---

## Second

- one
- two
  - nested

<!-- Speaker note on the second slide -->

---
<!-- _paginate: false -->
<!-- _backgroundColor: #123 -->

## Third

> quoted
> ***
> still quoted

\`\`\`
---
code, not a ruler
\`\`\`

![bg right](data:image/png;base64,iVBORw0KGgo=)

***

Last slide after a *** ruler.
`;

function engines(options: ConstructorParameters<typeof Marp>[0] = {}): [Marp, Marp] {
  const stock = new Marp({ inlineSVG: true, script: false, math: false, ...options });
  const linear = new Marp({ inlineSVG: true, script: false, math: false, ...options });
  useLinearSlideRule(linear);
  return [stock, linear];
}

describe('the linear Marp slide rule', () => {
  it('renders a deck exactly as Marpit’s own slide rule does: HTML, CSS and per-slide comments', () => {
    const [stock, linear] = engines();
    const expected = stock.render(deck);
    const actual = linear.render(deck);
    expect(expected.html.match(/<section/g)?.length).toBeGreaterThanOrEqual(4);
    expect(actual.html).toBe(expected.html);
    expect(actual.css).toBe(expected.css);
    expect(actual.comments).toEqual(expected.comments);
  });

  it('makes the same tokens: types, nesting levels, source maps, slide meta and attributes', () => {
    const [stock, linear] = engines();
    const shape = (marp: Marp) =>
      marp.markdown.parse(deck, {}).map((t: { type: string; tag: string; level: number; map: unknown; attrs: unknown; meta: unknown; block: boolean }) => [t.type, t.tag, t.level, t.map, t.attrs, t.meta, t.block]);
    const expected = shape(stock);
    expect(expected.filter(([type]) => type === 'marpit_slide_open')).toHaveLength(4);
    expect(shape(linear)).toEqual(expected);
  });

  it('keeps slide anchors as configured (none, or from a function)', () => {
    for (const anchor of [false, (i: number) => `slide-${i}`]) {
      const [stock, linear] = engines({ anchor });
      expect(linear.render(deck).html).toBe(stock.render(deck).html);
    }
  });

  it('renders a deck of one slide, an empty deck, and a deck of 300 slides the same as Marpit', () => {
    const big = Array.from({ length: 300 }, (_, i) => `## Slide ${i + 1}\n\n- point ${i}`).join('\n\n---\n\n');
    for (const markdown of ['# Only one', '', big]) {
      const [stock, linear] = engines();
      expect(linear.render(markdown).html).toBe(stock.render(markdown).html);
    }
  });
});
