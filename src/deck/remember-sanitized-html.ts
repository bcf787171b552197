import type { Marp } from '@marp-team/marp-core';
import type { RenderRule } from 'markdown-it/lib/renderer.mjs';

/** Distinct pieces of raw HTML remembered per engine before the memo starts over (a preview session renders for hours). */
const rememberedAtMost = 5_000;

/**
 * Makes a Marp engine remember what its HTML allowlist made of each piece of raw HTML. marp-core builds a new
 * FilterXSS, allowlist and all, for every raw HTML token it renders (https://github.com/marp-team/marp-core/blob/main/src/html/html.ts),
 * and the running header and footer put the same few spans on every slide: for a 1,500-section briefing that
 * filtering took 2.8 s of node's 19 s. Its result depends only on the token's text and the engine's options, which
 * are fixed when the engine is made, so the text is the key.
 */
export function rememberSanitizedHtml(marp: Marp): void {
  const rules = marp.markdown.renderer.rules;
  if (rules.html_inline) rules.html_inline = remembering(rules.html_inline);
  if (rules.html_block) rules.html_block = remembering(rules.html_block);
}

/** The rule, answering from memory for a token text it has rendered before. */
function remembering(sanitize: RenderRule): RenderRule {
  const remembered = new Map<string, string>();
  return (tokens, idx, options, env, self) => {
    const html = tokens[idx].content;
    let safe = remembered.get(html);
    if (safe === undefined) {
      safe = sanitize(tokens, idx, options, env, self);
      if (remembered.size >= rememberedAtMost) remembered.clear();
      remembered.set(html, safe);
    }
    return safe;
  };
}
