import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Marp } from '@marp-team/marp-core';
import { checkLinks } from '../../src/content/check-links.js';
import { findImageRefs } from '../../src/content/find-image-refs.js';
import { findLinkRefs } from '../../src/content/find-link-refs.js';
import { parseBriefing } from '../../src/content/load-briefing.js';
import type { Briefing, Chunk } from '../../src/content/types.js';
import { createMarp } from '../../src/deck/create-marp.js';
import { deckPage } from '../../src/deck/deck-page.js';
import { planDeck } from '../../src/deck/plan-deck.js';
import { renderDeck } from '../../src/deck/render-deck.js';
import { BriefkitError } from '../../src/errors.js';
import { createReportMarkdown } from '../../src/markdown/create-markdown.js';
import { buildReportContext } from '../../src/report/build-report-context.js';
import { TemplateRegistry } from '../../src/templates/registry.js';
import type { ReportTemplate } from '../../src/templates/report-template.js';

/** Text that tends to break parsers: Markdown and YAML syntax, HTML, template braces, odd Unicode. */
const tricky = fc.constantFrom(
  '## ', '### ', '#', '::: deck', '::: notes', '::: report', '::: {.deck}', ':::', '::::', '```', '~~~', '---', '***', '- ', '1. ', '> ',
  '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '<a href="javascript:alert(1)">', '</div>', '<style>', '<!--', '-->',
  '<!-- _class: lead -->', '![bg](x.png)', '![](http://127.0.0.1/a.png)', '[x](../../../etc/passwd)', '[y](%E0%A4%A)', '![z](%zz.png)',
  '[^1]', '[^1]: note', '|a|b|\n|-|-|\n|1|2|', '{{title}}', '{{{x}}}', '{{#each this}}', '$$', '\\', '`', '*', '_', '&amp;', '&#0;',
  ':', ': ', '"', "'", '\t', '\r\n', '\u2028', '\uFEFF', '😀', '한국어', '🇰🇷', ' ', '\n', '\n\n',
);
const markdownText = fc.array(fc.oneof(tricky, fc.string({ maxLength: 12 }), fc.string({ unit: 'grapheme', maxLength: 6 })), { maxLength: 40 }).map((parts) => parts.join(''));

/** A front matter value: text (tricky or random), numbers, booleans, lists, mappings, dates, null. */
const value: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    markdownText,
    fc.string(),
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.date({ min: new Date(-1e13), max: new Date(1e13), noInvalidDate: true }),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(fc.string({ maxLength: 5 }), tie('value'), { maxKeys: 3 }),
  ),
})).value;

const keys = fc.constantFrom('title', 'subtitle', 'author', 'organization', 'date', 'classification', 'summary', 'keywords', 'lang', 'theme', 'template', 'slug', 'numbered', 'paper', 'extra');

/** Front matter as valid YAML (JSON flow style), or as raw lines that may not be YAML at all. */
const frontMatter = fc.oneof(
  fc.dictionary(keys, value, { maxKeys: 8 }).map((data) => Object.entries(data).map(([k, v]) => `${k}: ${JSON.stringify(v instanceof Date ? v.toISOString() : v) ?? 'null'}`).join('\n')),
  fc.array(fc.tuple(keys, markdownText).map(([k, v]) => `${k}: ${v}`), { maxLength: 6 }).map((lines) => lines.join('\n')),
  fc.constant(''),
);

// Most samples get a plain title, so they pass validation and reach the renderers.
const withTitle = fc.oneof({ arbitrary: fc.constant('title: T\n'), weight: 3 }, { arbitrary: fc.constant(''), weight: 1 });
const source = fc
  .tuple(fc.oneof({ arbitrary: fc.constant(true), weight: 4 }, { arbitrary: fc.constant(false), weight: 1 }), withTitle, frontMatter, markdownText)
  .map(([withFence, title, fm, body]) => (withFence ? `---\n${title}${fm}\n---\n${body}` : `${fm}\n${body}`));
const runs = Number(process.env.FC_RUNS ?? 150);

describe('random front matter and Markdown', () => {
  let marp: Marp;
  let template: ReportTemplate;
  const md = createReportMarkdown();

  beforeAll(async () => {
    const templates = new TemplateRegistry([]);
    marp = createMarp(await templates.themes());
    template = await templates.report('briefing');
  });

  function pipeline(text: string): void {
    const parsed = parseBriefing(text, '/project/content/doc.md');
    const chunks: Chunk[] = [parsed.intro, ...parsed.sections].flatMap((f) => [...f.report, ...f.deck, ...f.notes]);
    findImageRefs(chunks);
    checkLinks(findLinkRefs(chunks), parsed.file, ['/project']);
    const briefing: Briefing = { ...parsed, assets: new Map(), warnings: [] };
    const plan = planDeck(briefing, { theme: 'briefing' });
    const deck = renderDeck(plan, briefing, marp, md);
    deckPage(deck, briefing.meta, { css: '', script: '', handoutCss: '' });
    template.render(buildReportContext(briefing, md, { paper: 'A4', css: template.css, now: new Date(0) }));
  }

  it('never makes the loader or the renderers throw anything but a BriefkitError', () => {
    let failures = 0;
    fc.assert(
      fc.property(source, (text) => {
        try {
          pipeline(text);
        } catch (error) {
          if (!(error instanceof BriefkitError)) throw error;
          expect(error.location?.file).toBe('/project/content/doc.md');
          failures += 1;
        }
      }),
      { numRuns: runs, seed: Number(process.env.FC_SEED ?? Date.now() % 2 ** 31) },
    );
    // The generators must reach both outcomes, or the test proves nothing.
    expect(failures).toBeGreaterThan(0);
    expect(failures).toBeLessThan(runs);
  });
});
