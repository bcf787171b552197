import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBriefing } from '../../src/content/load-briefing.js';
import { createReportMarkdown } from '../../src/markdown/create-markdown.js';
import { buildReportContext } from '../../src/report/build-report-context.js';
import { builtinHelpers } from '../../src/templates/helpers.js';
import { repoRoot } from '../helpers/cli.js';

/** Every field path of a value, arrays written as `[]`: `document.title`, `sections[].subsections[].id` ... */
function fieldPaths(value: unknown, prefix = ''): string[] {
  if (Array.isArray(value)) return value.length > 0 && typeof value[0] === 'object' ? fieldPaths(value[0], `${prefix}[]`) : [];
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, child]) => {
    const here = prefix ? `${prefix}.${key}` : key;
    // `extra` and `pages` are records keyed by the document's own names: documented as a whole.
    if (key === 'extra' || key === 'pages') return [here];
    const isGroup = typeof child === 'object' && child !== null && !Array.isArray(child);
    return [...(isGroup ? [] : [here]), ...fieldPaths(child, here)];
  });
}

describe('docs/templates.md', () => {
  const docs = readFileSync(path.join(repoRoot, 'docs/templates.md'), 'utf8');

  it('documents every field of the template context with an example', () => {
    const parsed = parseBriefing('---\ntitle: T\nsubtitle: S\nauthor: A\norganization: O\ndate: 2026-11-27\nclassification: c\nkeywords: [k]\nsummary: [j]\nextra_key: x\n---\nIntro[^1].\n\n## One\n\n### Sub\n\n[^1]: Note.\n', '/d.md');
    const context = buildReportContext({ ...parsed, assets: new Map(), warnings: [] }, createReportMarkdown(), { paper: 'A4', css: '', now: new Date(0) });
    const paths = fieldPaths(context);
    expect(paths).toContain('sections[].subsections[].id');
    const rows = docs.split('\n').filter((line) => line.startsWith('| `'));
    for (const field of paths) {
      const row = rows.find((line) => line.startsWith(`| \`${field}\` |`));
      expect(row, `docs/templates.md has no row for \`${field}\``).toBeDefined();
    }
  });

  it('documents every built-in helper', () => {
    const helperRows = docs.split('\n').filter((line) => line.startsWith('| `'));
    for (const name of Object.keys(builtinHelpers)) expect(helperRows.some((row) => row.split('|')[1].includes(`\`${name}`)), name).toBe(true);
  });
});
