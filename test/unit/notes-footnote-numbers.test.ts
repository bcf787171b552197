import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBriefing } from '../../src/content/load-briefing.js';
import { createMarp } from '../../src/deck/create-marp.js';
import { reportFootnoteNumbers } from '../../src/deck/notes-footnotes.js';
import { planDeck } from '../../src/deck/plan-deck.js';
import { renderDeck } from '../../src/deck/render-deck.js';
import { createReportMarkdown } from '../../src/markdown/create-markdown.js';
import { buildReportContext } from '../../src/report/build-report-context.js';
import { TemplateRegistry } from '../../src/templates/registry.js';

const source = `---
title: Numbers
summary:
  - Tests will resume.[^imagery]
---
Intro^[An inline note.] text.

## Launches

Launches rose.[^mod] Again.[^imagery] Undefined.[^nothing]

## Japan

Japan alerted its citizens.[^jalert]

::: notes
Mention the alert.[^jalert] And the ministry.[^mod]
:::

[^imagery]: Launch-site imagery.
[^mod]: Ministry of Defence.
[^jalert]: Japanese Ministry of Defense.
`;

describe('footnote numbers in speaker notes', () => {
  const briefing = { ...parseBriefing(source, '/d.md'), assets: new Map(), warnings: [] };

  it('numbers labels as the report does: key judgments first, inline notes counted, undefined labels skipped', () => {
    expect([...reportFootnoteNumbers(briefing).numbers]).toEqual([
      ['imagery', 1],
      ['mod', 3],
      ['jalert', 4],
    ]);
    const report = buildReportContext(briefing, createReportMarkdown(), { paper: 'A4', css: '', now: new Date(0) });
    expect(report.sections[1]!.html).toContain('>[4]</a>');
    expect(report.sections[0]!.html).toContain('>[3]</a>');
  });

  it('shows the report’s numbers on the marks and the notes of a slide', async () => {
    const templates = new TemplateRegistry([path.resolve('templates')]);
    const deck = renderDeck(planDeck(briefing, { theme: 'briefing' }), briefing, createMarp(await templates.themes(), {}), createReportMarkdown());
    const notes = deck.slides.find((slide) => slide.notesHtml.includes('Mention the alert'))!.notesHtml;
    expect(notes).toContain('>[4]</a>');
    expect(notes).toContain('>[3]</a>');
    expect(notes).toMatch(/<li value="4" id="fn-s\d+-1" class="footnote-item"><p>Japanese Ministry of Defense\./);
    expect(notes).toMatch(/<li value="3" id="fn-s\d+-2" class="footnote-item"><p>Ministry of Defence\./);
  });
  it('skips marks in code, counts only definitions the report has, and numbers notes-only sources after the report’s', async () => {
    const text = `---
title: Code
summary:
  - Judgment.[^b]
---
Intro \`code [^a]\` and \`^[a-z]\`, then c.[^c]

## A

Claim.[^a]

::: notes
Cites c,[^c] a,[^a] x[^x] and only-here.[^n]

[^n]: Defined in the notes only.
:::

[^a]: A.
[^b]: B.
[^c]: C.
[^x]: X, never cited in the report.
`;
    const b = { ...parseBriefing(text, '/d.md'), assets: new Map(), warnings: [] };
    expect([...reportFootnoteNumbers(b).numbers]).toEqual([['b', 1], ['c', 2], ['a', 3]]);
    const report = buildReportContext(b, createReportMarkdown(), { paper: 'A4', css: '', now: new Date(0) });
    expect(report.intro).toContain('>[2]</a>');
    expect(report.sections[0]!.html).toContain('>[3]</a>');
    const templates = new TemplateRegistry([path.resolve('templates')]);
    const deck = renderDeck(planDeck(b, { theme: 'briefing' }), b, createMarp(await templates.themes(), {}), createReportMarkdown());
    const notes = deck.slides.find((slide) => slide.notesHtml.includes('Cites c'))!.notesHtml;
    expect([...notes.matchAll(/>\[(\d+)\]<\/a>/g)].map((m) => m[1])).toEqual(['2', '3', '4', '5']);
  });
});
