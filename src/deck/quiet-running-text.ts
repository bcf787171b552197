import type { Marp } from '@marp-team/marp-core';
import type MarkdownIt from 'markdown-it';

/**
 * Hides the header and footer of every slide but the first from screen readers (`aria-hidden`), in deck.html and in
 * the tags of deck.pdf and handout.pdf: the classification band and the footer's marking and title, the same on every
 * slide, were read out twice per slide, where PDF/UA wants running text kept out of the content. They are read once,
 * on the title slide. Marpit adds them as `marpit_header` and `marpit_footer` tokens:
 * https://github.com/marp-team/marpit/blob/main/src/markdown/header_and_footer.js
 */
export function useQuietRunningText(marp: Marp): void {
  const md = marp.markdown as MarkdownIt;
  md.core.ruler.after('marpit_header_and_footer', 'bk_quiet_running_text', (state) => {
    let slide = 0;
    for (const token of state.tokens) {
      if (token.type === 'marpit_slide_open') slide += 1;
      else if (slide > 1 && (token.type === 'marpit_header_open' || token.type === 'marpit_footer_open')) token.attrSet('aria-hidden', 'true');
    }
  });
}
