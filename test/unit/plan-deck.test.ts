import { describe, expect, it } from 'vitest';
import { parseBriefing } from '../../src/content/load-briefing.js';
import { leadSentence } from '../../src/deck/lead-sentence.js';
import { planDeck } from '../../src/deck/plan-deck.js';
import { splitSlides } from '../../src/deck/split-slides.js';

function plan(body: string, fm = 'title: Brief\nsummary:\n  - Judgment one\nclassification: secret') {
  const parsed = parseBriefing(`---\n${fm}\n---\n${body}`, '/d.md');
  return planDeck({ ...parsed, assets: new Map(), warnings: [] }, { theme: 'briefing' });
}

describe('deck planning', () => {
  it('makes title, key judgments, agenda, a slide per section and a closing slide', () => {
    const deck = plan('## One\n\nAlpha. More.\n\n## Two\n\nBeta.');
    expect(deck.slides.map((s) => s.kind)).toEqual(['title', 'judgments', 'agenda', 'section', 'section', 'closing']);
    expect(deck.header).toBe('<span class="bk-marking-text bk-level-secret">SECRET</span>');
  });

  it('uses a ::: deck block as written and splits it at --- into slides', () => {
    const deck = plan('## One\n\nProse.\n\n::: deck\n- a\n\n---\n\n- b\n:::');
    const sections = deck.slides.filter((s) => s.kind === 'section');
    expect(sections).toHaveLength(2);
    expect(sections[0].markdown).toContain('- a');
    expect(sections[1].markdown).toContain('(continued)');
    expect(sections[0].notes).toBe('Prose.');
  });

  it('shows only the lead sentence of a section without a deck block, never its whole prose', () => {
    const deck = plan('## One\n\nFirst sentence here. Second sentence is long and stays in the notes.');
    const slide = deck.slides.find((s) => s.kind === 'section');
    expect(slide?.markdown).toContain('First sentence here.');
    expect(slide?.markdown).not.toContain('Second sentence');
    expect(slide?.notes).toContain('Second sentence');
  });

  it('prefers ::: notes over prose for speaker notes', () => {
    const deck = plan('## One\n\nProse.\n\n::: notes\nSay this.\n:::');
    expect(deck.slides.find((s) => s.kind === 'section')?.notes).toBe('Say this.');
  });

  it('escapes Markdown in the marking so it prints as written', () => {
    expect(plan('## A', 'title: T\nclassification: "*restricted*"').header).toBe('\\*RESTRICTED\\*');
  });

  it('shows key judgments without their footnote marks, as slides show section text', () => {
    const deck = plan('## A\n\nText.\n\n[^kj]: Imagery.', 'title: T\nsummary:\n  - Pyongyang will test again.[^kj]');
    const judgments = deck.slides.find((s) => s.kind === 'judgments');
    expect(judgments?.markdown).toContain('1. Pyongyang will test again.');
    expect(judgments?.markdown).not.toContain('[^kj]');
  });

  it('omits the key judgments slide when there are none', () => {
    expect(plan('## A', 'title: T').slides.map((s) => s.kind)).not.toContain('judgments');
  });
});

describe('slide splitting', () => {
  it('splits at rulers with a blank line before them but not inside code or under a setext heading', () => {
    const slides = splitSlides({ markdown: 'a\n\n---\n\nb\n\n```\n---\n```\nHeading\n---', line: 10 });
    expect(slides.map((s) => s.line)).toEqual([10, 14]);
    expect(slides[1].markdown).toContain('Heading\n---');
  });
});

describe('lead sentence', () => {
  /** Each paragraph text gives the lead sentence beside it. */
  const expectLeads = (cases: [string, string][]): void => {
    for (const [markdown, lead] of cases) expect(leadSentence(markdown), markdown).toBe(lead);
  };

  it('takes the first sentence of the first paragraph', () => {
    expectLeads([
      ['Alpha beta. Gamma.', 'Alpha beta.'],
      ['![img](a.png)\n\n첫 문장입니다. 둘째.', '첫 문장입니다.'],
    ]);
  });

  it('skips a table caption and takes a passage marked with its language, tags kept', () => {
    const prose = '<span lang="zh">中国作为朝鲜最重要的盟友，希望朝鲜半岛保持稳定。</span>\n\nTable: 연도별 발사 현황\n\n| a | b |\n| - | - |';
    expect(leadSentence(prose)).toBe('<span lang="zh">中国作为朝鲜最重要的盟友，希望朝鲜半岛保持稳定。</span>');
    expect(leadSentence('Table: Launches by year\n\n| a |\n| - |\n\nThe count rose. Then fell.')).toBe('The count rose.');
    expect(leadSentence('<div class="box">Block.</div>\n\nProse here. More.')).toBe('Prose here.');
    expect(leadSentence('1. First point. Second.\n\n- A\n- B\n\n> Quoted.\n\nThe prose. More.')).toBe('The prose.');
  });

  it('ends a sentence at a CJK full stop, which no space follows, and closes what the cut leaves open', () => {
    expectLeads([
      ['日本は防衛を強化している。中国は安定を望む。', '日本は防衛を強化している。'],
      ['<span lang="ja">日本は強化している。中国は望む。</span>', '<span lang="ja">日本は強化している。</span>'],
      ['It is <em>vital. Really</em> so.', 'It is <em>vital.</em>'],
      ['Version 2.5 shipped. Next.', 'Version 2.5 shipped.'],
    ]);
  });

  it('does not end a sentence at an abbreviation or initials, nor inside a code span', () => {
    expectLeads([
      ['The U.S. administration responded. Then more.', 'The U.S. administration responded.'],
      ['Resolution No. 2397 applies. The answer was no. Then more.', 'Resolution No. 2397 applies.'],
      ['The answer was no. Then more.', 'The answer was no.'],
      ['Use the `<b>` tag for bold. More.', 'Use the `<b>` tag for bold.'],
      ['Per Dr. Kim and Gen. Lee, tests rose. More.', 'Per Dr. Kim and Gen. Lee, tests rose.'],
      ['Run `a. b` now. Later.', 'Run `a. b` now.'],
    ]);
  });

  it('keeps Markdown emphasis balanced, and ends a sentence before the quote or emphasis that closes it', () => {
    expectLeads([
      ['A **routine step. Really** not.', 'A **routine step.**'],
      ['*North Korea’s launch was routine.* Next one.', '*North Korea’s launch was routine.*'],
      ['He said “stop.” Then left.', 'He said “stop.”'],
      ['Keep snake_case_names whole. Yes.', 'Keep snake_case_names whole.'],
      ['See [the report](https://example.org/a.pdf) for details. More.', 'See [the report](https://example.org/a.pdf) for details.'],
    ]);
  });

  it('cuts an overlong sentence at a word with an ellipsis', () => {
    const lead = leadSentence(`${'word '.repeat(100)}end.`, 50);
    expect(lead.length).toBeLessThanOrEqual(51);
    expect(lead.endsWith('…')).toBe(true);
    const marked = leadSentence(`<b>${'word '.repeat(100)}</b>end.`, 50);
    expect(marked).toMatch(/^<b>(word ){9}word…<\/b>$/);
  });
});

describe('footnotes in speaker notes', () => {
  it('brings the definitions of the marks the notes make from wherever they were written, and no others', async () => {
    const { footnoteDefinitions, withFootnoteDefinitions } = await import('../../src/deck/notes-footnotes.js');
    const parsed = parseBriefing('---\ntitle: T\n---\n## One\n\nClaim.[^a]\n\n## Two\n\nMore.\n\n[^a]: Source A.\n    Still A.\n\n[^b]: Source B.\n', '/d.md');
    const definitions = footnoteDefinitions({ ...parsed, assets: new Map(), warnings: [] });
    expect(definitions.get('a')).toBe('[^a]: Source A.\n    Still A.');
    expect(withFootnoteDefinitions('Claim.[^a]', definitions)).toBe('Claim.[^a]\n\n[^a]: Source A.\n    Still A.');
    expect(withFootnoteDefinitions('No marks.', definitions)).toBe('No marks.');
    expect(withFootnoteDefinitions('Own.[^b]\n\n[^b]: Mine.', definitions)).toBe('Own.[^b]\n\n[^b]: Mine.');
  });
});
