import { describe, expect, it } from 'vitest';
import { unresolvedAnchors } from '../../src/content/check-anchors.js';

const page = '<h2 id="outlook-for-2027">Outlook</h2><h3 id="북한">북한</h3><figure id="figure-1"></figure><a name="old-anchor"></a><p id="a&amp;b"></p>';

describe('links within the document', () => {
  it('warns, with the line, of a link to an id the rendered page does not have', () => {
    expect(unresolvedAnchors([{ href: '#outlok', line: 7 }], page, '/d.md')).toEqual([
      { file: '/d.md', line: 7, message: expect.stringMatching(/^Link `#outlok` leads nowhere: no section, heading or element has the id `outlok`\./) },
    ]);
  });

  it('finds sections, headings in any script (percent-encoded too), figures, <a name> and escaped ids', () => {
    const links = ['#outlook-for-2027', '#북한', '#%EB%B6%81%ED%95%9C', '#figure-1', '#old-anchor', '#a&b'].map((href) => ({ href, line: 1 }));
    expect(unresolvedAnchors(links, page, '/d.md')).toEqual([]);
  });

  it('leaves alone # alone, #top and deck slide numbers, and warns once per line', () => {
    const links = ['#', '#top', '#3', '#gone', '#gone'].map((href) => ({ href, line: 2 }));
    expect(unresolvedAnchors(links, page, '/d.md')).toHaveLength(1);
  });
});
