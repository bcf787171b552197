import { describe, expect, it } from 'vitest';
import { prefixIds } from '../../src/html/prefix-ids.js';

describe('prefixIds', () => {
  it('prefixes every id and every in-page link to one, percent-encoded fragments included', () => {
    const html = '<h2 id="situation">S</h2><a href="#situation">back</a><h2 id="북한">N</h2><a href="#%EB%B6%81%ED%95%9C">n</a>';
    expect(prefixIds(html, 'p1-')).toBe('<h2 id="p1-situation">S</h2><a href="#p1-situation">back</a><h2 id="p1-북한">N</h2><a href="#p1-%EB%B6%81%ED%95%9C">n</a>');
  });

  it('prefixes each id of the attributes that name ids: labels, table headers, ARIA lists', () => {
    const html = '<th id="h1">A</th><td headers="h1 h2">x</td><label for="f">L</label><div aria-labelledby="a b" aria-describedby="fn1">d</div>';
    expect(prefixIds(html, 'p-')).toBe('<th id="p-h1">A</th><td headers="p-h1 p-h2">x</td><label for="p-f">L</label><div aria-labelledby="p-a p-b" aria-describedby="p-fn1">d</div>');
  });

  it('leaves links out of the page, empty fragments and text that only looks like an attribute alone', () => {
    const html = '<a href="https://example.org/#top">x</a><a href="#">top</a><p>write id=&quot;x&quot; and href=&quot;#y&quot;</p><img alt="bk-slot-1" data-id="z">';
    expect(prefixIds(html, 'p-')).toBe(html);
  });
});
