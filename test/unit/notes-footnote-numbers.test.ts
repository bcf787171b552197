import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBriefing } from '../../src/content/load-briefing.js';
import { createMarp } from '../../src/deck/create-marp.js';
import { footnoteDefinitions, reportFootnoteNumbers } from '../../src/deck/notes-footnotes.js';
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
    expect([...reportFootnoteNumbers(briefing, footnoteDefinitions(briefing))]).toEqual([
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
});
