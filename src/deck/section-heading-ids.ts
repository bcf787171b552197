import type { Marp } from '@marp-team/marp-core';
import type MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';

type CoreRule = Parameters<MarkdownIt['core']['ruler']['at']>[1];

/** Attribute of the section number `<span>` in a section slide's heading that names the section's id. */
export const sectionIdAttribute = 'data-bk-section';

const sectionIdIn = new RegExp(`\\s${sectionIdAttribute}="([^"]*)"`);

/**
 * Gives a section slide's heading the section's own id (the one the report gives it), so `[see](#outlook)` leads to
 * that slide in deck.html and deck.pdf as it leads to the section in the report. Without it, marp-core's slug rule
 * made the id from the heading's raw source, section number markup included (`span-classsection-number2span-outlook`),
 * and no link reached it. A heading already holding an id keeps it through that rule (a continued slide's copy gets
 * `-1`, `-2`); the attribute itself is dropped by the HTML allowlist when the slide is rendered. Where marp-core reads
 * that id: https://github.com/marp-team/marp-core/blob/main/src/slug/slug.ts
 */
export function useSectionHeadingIds(marp: Marp): void {
  const md = marp.markdown as MarkdownIt;
  // Closing tokens given an id for marp-core's rule to find; it is taken off them again once that rule has run,
  // or markdown-it would write it into the end tag (`</h2 id="outlook">`).
  const closings: Token[] = [];
  const rule: CoreRule = (state) => {
    const { tokens } = state;
    for (let i = 0; i + 1 < tokens.length; i += 1) {
      if (tokens[i].type !== 'heading_open' || tokens[i].attrGet('id') !== null) continue;
      const marked = tokens[i + 1].children?.find((child) => child.type === 'html_inline' && child.content.includes(sectionIdAttribute));
      const id = marked && sectionIdIn.exec(marked.content)?.[1];
      if (!id) continue;
      tokens[i].attrSet('id', id);
      // marp-core 5.0's slug rule looks for an id already given on the heading's closing token, not its opening one.
      let close = i + 1;
      while (close < tokens.length && tokens[close].type !== 'heading_close') close += 1;
      if (close < tokens.length) {
        tokens[close].attrSet('id', id);
        closings.push(tokens[close]);
      }
    }
  };
  const tidy: CoreRule = () => {
    for (const token of closings.splice(0)) token.attrs = token.attrs?.filter(([name]) => name !== 'id') ?? null;
  };
  // marp_slug is marp-core's own rule, added when the engine is made; ours run just before and just after it.
  md.core.ruler.before('marp_slug', 'briefkit_section_heading_ids', rule);
  md.core.ruler.after('marp_slug', 'briefkit_section_heading_ids_tidy', tidy);
}
