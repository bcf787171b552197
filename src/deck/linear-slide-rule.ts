import type { Marp } from '@marp-team/marp-core';
import type MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';

type CoreRule = Parameters<MarkdownIt['core']['ruler']['at']>[1];

/** The slide anchor Marpit gives slide `index`: its `anchor` option when a function, else the 1-based number. */
function anchorFor(marp: Marp): (index: number) => string | undefined {
  const { anchor } = marp.options as { anchor?: boolean | ((index: number) => string) };
  if (typeof anchor === 'function') return anchor;
  return anchor === false ? () => undefined : (index) => `${index + 1}`;
}

/**
 * Replaces Marpit's `marpit_slide` core rule with one that builds the same tokens in linear time. Marpit 3.2's rule
 * (lib/markdown/slide.js) collects the slides with `reduce((arr, slide) => [...arr, ...wrapped], [])`, copying every
 * token made so far once per slide: a 1,500-slide deck spent about 9 s per render in that copy alone (measured with
 * `node --cpu-prof`). This rule does what that one does (cut the tokens at top-level `hr`s, wrap each slide in a
 * `section` opened and closed by `marpit_slide_*` tokens carrying the slide's index, the slide count and the anchor
 * id, and nest its tokens one level deeper), appending instead of copying. test/unit/linear-slide-rule.test.ts
 * renders decks with and without it and expects the same HTML.
 */
export function useLinearSlideRule(marp: Marp): void {
  const md = marp.markdown as MarkdownIt;
  const anchor = anchorFor(marp);
  const rule: CoreRule = (state) => {
    if (state.inlineMode) return;
    const slides: Token[][] = [[]];
    for (const token of state.tokens) {
      if (token.type === 'hr' && token.level === 0) slides.push([token]);
      else slides[slides.length - 1].push(token);
    }
    const total = slides.length;
    const tokens: Token[] = [];
    slides.forEach((slide, index) => {
      const ruler = slide[0]?.type === 'hr' ? slide[0] : undefined;
      const mapped = ruler ?? slide.find((t) => t.map);
      const open = new state.Token('marpit_slide_open', 'section', 1);
      open.block = true;
      open.meta = { marpitSlide: index, marpitSlideTotal: total, marpitSlideElement: 1 };
      open.map = mapped?.map ?? [0, 1];
      const id = anchor(index);
      if (id != null) open.attrSet('id', id);
      const close = new state.Token('marpit_slide_close', 'section', -1);
      close.block = true;
      close.meta = { marpitSlide: index, marpitSlideTotal: total, marpitSlideElement: -1 };
      tokens.push(open);
      for (let i = ruler ? 1 : 0; i < slide.length; i += 1) {
        slide[i].level += 1;
        tokens.push(slide[i]);
      }
      tokens.push(close);
    });
    state.tokens = tokens;
  };
  md.core.ruler.at('marpit_slide', rule);
}
