import { describe, expect, it } from 'vitest';
import { parseBriefing } from '../../src/content/load-briefing.js';
import { skippedHeadingLevels } from '../../src/content/check-heading-levels.js';

const warnings = (body: string) => {
  const parsed = parseBriefing(`---\ntitle: Levels\n---\n${body}`, '/d.md');
  return skippedHeadingLevels(parsed.intro, parsed.sections, '/d.md');
};

describe('heading levels in the report', () => {
  it('warns at the line of a heading that skips a level under its section', () => {
    expect(warnings('## One\n\n#### Deep\n')).toEqual([{ file: '/d.md', line: 6, message: expect.stringMatching(/^This heading \(####\) skips a level: the heading above it is ##\. Use ### here/) }]);
  });

  it('accepts one level at a time, going back up at any time, intro subheadings, and #### in code or in a deck block', () => {
    expect(warnings('Intro.\n\n### Early\n\n## One\n\n### A\n\n#### B\n\n### C\n\n```\n##### code\n```\n\n::: deck\n#### slide\n:::\n\n## Two\n\n### D\n')).toEqual([]);
  });
});
