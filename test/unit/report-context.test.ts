import { describe, expect, it } from 'vitest';
import { parseBriefing } from '../../src/content/load-briefing.js';
import { createReportMarkdown } from '../../src/markdown/create-markdown.js';
import { buildReportContext } from '../../src/report/build-report-context.js';

function context(body: string, fm = 'title: Brief') {
  const parsed = parseBriefing(`---\n${fm}\n---\n${body}`, '/d.md');
  return buildReportContext({ ...parsed, assets: new Map(), warnings: [] }, createReportMarkdown(), { paper: 'A4', css: '', now: new Date(0) });
}

describe('report context', () => {
  it('numbers sections and subsections and gives them ids', () => {
    const ctx = context('Intro text.\n\n## First\n\nA.\n\n### Detail\n\nB.\n\n## Second\n\nC.');
    expect(ctx.intro).toContain('Intro text');
    expect(ctx.sections.map((s) => [s.number, s.id, s.text])).toEqual([
      ['1', 'first', 'First'],
      ['2', 'second', 'Second'],
    ]);
    expect(ctx.sections[0].subsections).toEqual([{ number: '1.1', id: 'detail', text: 'Detail', title: 'Detail' }]);
    expect(ctx.sections[0].html).toContain('id="detail"');
  });

  it('leaves numbers empty when numbering is off', () => {
    expect(context('## A\n\n### B', 'title: T\nnumbered: false').sections[0].number).toBe('');
  });

  it('prints the report face: prose and ::: report blocks, never deck or notes', () => {
    const html = context('## A\n\nProse.\n\n::: deck\n- slide only\n:::\n\n::: notes\nnotes only\n:::\n\n::: report\nPrint only.\n:::').sections[0].html;
    expect(html).toContain('Prose.');
    expect(html).toContain('Print only.');
    expect(html).not.toContain('slide only');
    expect(html).not.toContain('notes only');
  });

  it('collects footnotes from every section into one endnotes list', () => {
    const ctx = context('## A\n\nClaim.[^a]\n\n[^a]: Source A.\n\n## B\n\nOther.[^b]\n\n[^b]: Source B.');
    expect(ctx.endnotes).toContain('Source A.');
    expect(ctx.endnotes).toContain('Source B.');
    expect(ctx.sections[0].html).not.toContain('Source A.');
    expect(ctx.sections[1].html).toContain('fnref');
  });

  it('renders GFM tables', () => {
    expect(context('## T\n\n| a | b |\n|---|---|\n| 1 | 2 |').sections[0].html).toContain('<table>');
  });

  it('strips scripts, event handlers and javascript: links from raw HTML', () => {
    const html = context('## X\n\n<script>alert(1)</script>\n\n<img src="data:image/png;base64,AA" onerror="alert(2)">\n\n[x](javascript:alert(3))').sections[0].html;
    expect(html).not.toMatch(/<script|onerror|href="javascript:/i);
    expect(html).toContain("<img");
  });

  it('formats the date in the document language', () => {
    expect(context('', 'title: T\ndate: 2026-11-27\nlang: ko').document.dateDisplay).toBe('2026년 11월 27일');
  });
  it('numbers a footnote mark in a key judgment first, links it and lists its source first in the endnotes', () => {
    const ctx = context('## A\n\nClaim.[^a]\n\n[^a]: Source A.\n[^kj]: Imagery.', 'title: T\nsummary:\n  - Pyongyang will test again.[^kj]\n  - Sanctions bite.');
    expect(ctx.keyJudgments[0]).toMatch(/^Pyongyang will test again<span class="bk-keep">\.<sup class="footnote-ref"><a href="#fn1" id="fnref1">\[1\]<\/a><\/sup><\/span>$/);
    expect(ctx.keyJudgments[1]).toBe('Sanctions bite.');
    expect(ctx.sections[0].html).toContain('href="#fn2"');
    expect(ctx.endnotes.indexOf('Imagery.')).toBeGreaterThan(-1);
    expect(ctx.endnotes.indexOf('Imagery.')).toBeLessThan(ctx.endnotes.indexOf('Source A.'));
  });

  it('keeps a key judgment that looks like a list item or a heading as the text it is, its marks resolved', () => {
    const ctx = context('## A\n\nText.\n\n[^kj]: Imagery.', "title: T\nsummary:\n  - '2025. Launches doubled.[^kj]'\n  - '# of launches: 12'\n  - '**Bold** start'");
    expect(ctx.keyJudgments[0]).toMatch(/^2025\. Launches doubled<span class="bk-keep">\.<sup class="footnote-ref"><a href="#fn1"/);
    expect(ctx.keyJudgments.slice(1)).toEqual(['# of launches: 12', '<strong>Bold</strong> start']);
    expect(ctx.intro).toBe('');
    expect(ctx.sections[0].html).toContain('Text.');
  });
  it('keeps a key judgment that is not one paragraph to itself: it neither runs into the intro nor leaves an endnote behind', () => {
    const ctx = context('Intro text.[^a]\n\n## A\n\nSection text.\n\n[^a]: Source A.', "title: T\nsummary:\n  - \"Claim\\n<!-- a comment\"\n  - \"Two[^a]\\n\\nparagraphs\"\n  - One more");
    expect(ctx.intro).toContain('Intro text');
    expect(ctx.intro).toContain('href="#fn1"');
    expect(ctx.sections[0]!.html).toContain('Section text.');
    expect(ctx.keyJudgments[2]).toBe('One more');
    expect(ctx.endnotes.match(/footnote-item/g)).toHaveLength(1);
  });
});
