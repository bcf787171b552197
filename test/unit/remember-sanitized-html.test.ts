import { Marp } from '@marp-team/marp-core';
import { describe, expect, it } from 'vitest';
import { createMarp } from '../../src/deck/create-marp.js';
import { rememberSanitizedHtml } from '../../src/deck/remember-sanitized-html.js';

const slides = [
  'One <span class="x" onclick="alert(1)">kept</span> <script>alert(2)</script>',
  'Two <span class="x" onclick="alert(1)">kept</span> <a href="javascript:alert(3)">link</a>',
  '<div style="color:red" title="t">block</div>\n\nafter',
  'Three <span class="x" onclick="alert(1)">kept</span> <img src="http://a/b.png" onerror="x()">',
].join('\n\n---\n\n');

describe('a deck engine that remembers sanitized HTML', () => {
  it('makes of every piece of raw HTML what a fresh engine makes of it, the second and later times too', () => {
    const kept = createMarp([]);
    const first = kept.render(slides).html;
    expect(first).toBe(createMarp([]).render(slides).html);
    expect(kept.render(slides).html).toBe(first);
    expect(first).not.toMatch(/onclick|onerror|javascript:|<script/);
    expect(first.match(/<span class="x">kept<\/span>/g)).toHaveLength(3);
  });

  it('sanitizes each distinct piece of HTML once', () => {
    const marp = new Marp({ html: Marp.html });
    const seen: string[] = [];
    const inner = marp.markdown.renderer.rules.html_inline!;
    marp.markdown.renderer.rules.html_inline = (tokens, idx, options, env, self) => {
      seen.push(tokens[idx].content);
      return inner(tokens, idx, options, env, self);
    };
    rememberSanitizedHtml(marp);
    marp.render(slides);
    marp.render(slides);
    expect(seen.filter((html) => html === '</span>')).toHaveLength(1);
    expect(seen.filter((html) => html === '<span class="x" onclick="alert(1)">')).toHaveLength(1);
  });
});
