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
  // Section headings given their id: the closing token gets it too for marp-core's rule to find, and loses it again
  // once that rule has run, or markdown-it would write it into the end tag (`</h2 id="outlook">`).
  const given: { open: Token; close: Token; id: string }[] = [];
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
        given.push({ open: tokens[i], close: tokens[close], id });
      }
    }
  };
  // marp-core hands out ids in document order: a `### Outlook` on an earlier slide took `outlook` and left the
  // section `outlook-1`. The section's id is its own (the report gives it the section too): the two are swapped.
  const tidy: CoreRule = (state) => {
    const headings = new Map(state.tokens.filter((t) => t.type === 'heading_open').map((t) => [t.attrGet('id'), t]));
    const sections = new Set(given.map((g) => g.open));
    for (const { open, close, id } of given.splice(0)) {
      close.attrs = close.attrs?.filter(([name]) => name !== 'id') ?? null;
      const mine = open.attrGet('id');
      const holder = headings.get(id);
      // A continued slide's heading keeps its `-1`: the section's first slide holds the id.
      if (mine === id || !holder || mine === null || sections.has(holder)) continue;
      holder.attrSet('id', mine);
      open.attrSet('id', id);
      headings.set(id, open);
      headings.set(mine, holder);
    }
  };
  // marp_slug is marp-core's own rule, added when the engine is made; ours run just before and just after it.
  md.core.ruler.before('marp_slug', 'briefkit_section_heading_ids', rule);
  md.core.ruler.after('marp_slug', 'briefkit_section_heading_ids_tidy', tidy);
}
