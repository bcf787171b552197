import { describe, expect, it } from 'vitest';
import { parseBriefing } from '../../src/content/load-briefing.js';
import { createMarp } from '../../src/deck/create-marp.js';
import { deckPage } from '../../src/deck/deck-page.js';
import { dropUnsafeTags } from '../../src/deck/drop-unsafe-html.js';
import { planDeck } from '../../src/deck/plan-deck.js';
import { renderDeck } from '../../src/deck/render-deck.js';
import { contentSecurityPolicy, withContentSecurityPolicy } from '../../src/html/content-security-policy.js';
import { createReportMarkdown } from '../../src/markdown/create-markdown.js';
import { outputIndexHtml } from '../../src/output/output-index.js';
import { buildReportContext } from '../../src/report/build-report-context.js';
import { TemplateRegistry } from '../../src/templates/registry.js';

const hostile = `---
title: "<script>alert('t')</script> {{document.title}} \\"</style>"
subtitle: "<img src=x onerror=alert('s')>"
organization: "{{#each this}}x{{/each}}"
classification: "</style><script>alert('c')</script>"
summary:
  - "<img src=x onerror=alert('k')> key"
---
Intro <script>alert('i')</script> text.

## Section <b onmouseover="alert('h')">bold</b>

Prose <a href="javascript:alert('a')">js link</a> and [md link](javascript:alert('m')).

<div onclick="alert('d')" style="background:url(http://127.0.0.1:9/css)">div</div>

<iframe src="http://127.0.0.1:9/frame"></iframe>

<script>
alert('block')
</script>

::: deck
Slide <script>alert('inline')</script> text <span onclick="alert('span')">span</span>

<a href="javascript:alert('deck')">deck link</a> <svg><script>alert('svg')</script></svg>
:::

::: notes
Notes <img src=x onerror="alert('n')"> and <script>alert('notes')</script>
:::
`;

function briefing(text = hostile) {
  return { ...parseBriefing(text, '/p/h.md'), assets: new Map(), warnings: [] };
}

const templates = new TemplateRegistry([]);

async function deckHtml(trustHtml = false) {
  const b = briefing();
  const marp = createMarp(await templates.themes(), { trustHtml });
  const deck = renderDeck(planDeck(b, { theme: 'briefing' }), b, marp, createReportMarkdown());
  return { deck, page: deckPage(deck, b.meta, await templates.deckShell()) };
}

/** Every way script could run or the network be reached, as it would appear in markup. */
const dangerous = /<script(?![^>]*(application\/json|id="bk-deck-data"))|<[^>]*\son[a-z]+\s*=|<[^>]*\b(href|src)\s*=\s*["']?\s*javascript:|<iframe|url\(\s*["']?http/i;

function shellFree(page: string): string {
  // The deck viewer's own inline script is trusted; everything else must be clean.
  return page.replace(/<script data-briefkit-viewer>\n[\s\S]*?<\/script>\n<\/body>/, '</body>');
}

describe('raw HTML in the deck', () => {
  it('strips scripts, event handlers, javascript: URLs and iframes from slides and speaker notes', async () => {
    const { deck, page } = await deckHtml();
    expect(deck.html).not.toMatch(dangerous);
    for (const slide of deck.slides) expect(slide.notesHtml).not.toMatch(dangerous);
    expect(shellFree(page)).not.toMatch(dangerous);
    expect(deck.html).not.toContain("alert('inline')");
    expect(deck.html).toContain('span');
    expect(deck.html).toContain('deck link');
  });

  it('shows front matter values as text: HTML and {{ }} are escaped, never markup or template code', async () => {
    const { deck, page } = await deckHtml();
    expect(deck.html).toContain('&lt;script&gt;alert(');
    expect(deck.html).toContain('{{document.title}}');
    expect(deck.html).toContain('{{#each this}}x{{/each}}');
    expect(page).toContain('<title>&lt;script&gt;alert(&#39;t&#39;)&lt;/script&gt; {{document.title}} &quot;&lt;/style&gt;</title>');
    expect(page).not.toMatch(/<img src="x"/);
  });

  it('keeps raw HTML as written with --trust-html', async () => {
    const { deck } = await deckHtml(true);
    // The script's text inside a paragraph is running text to the typographer (‘inline’), as in the report.
    expect(deck.html).toMatch(/<script>alert\(.inline.\)<\/script>/);
    expect(deck.html).toMatch(/onclick="alert\('span'\)"/);
  });

  it('drops unknown tags but keeps their text, and drops script-like elements with their content', () => {
    const allowed = new Set(['b', 'p']);
    expect(dropUnsafeTags('<p>a <blink>b</blink> <b title="x>y">c</b></p>', allowed)).toBe('<p>a b <b title="x>y">c</b></p>');
    expect(dropUnsafeTags('x<script>alert(1)</script>y<iframe src="a"></iframe>z', allowed)).toBe('xyz');
  });
});

describe('raw HTML in the report', () => {
  it('strips scripts, event handlers, javascript: URLs, iframes and CSS url() from the whole page', async () => {
    const b = briefing();
    const template = await templates.report('briefing');
    const context = buildReportContext(b, createReportMarkdown(), { paper: 'A4', css: template.css, now: new Date(0) });
    const html = template.render(context);
    expect(html).not.toMatch(dangerous);
    expect(html).toContain('js link');
    expect(html).not.toContain("alert('block')");
  });

  it('escapes front matter in the cover, <title> and the @page margin-box CSS strings', async () => {
    const template = await templates.report('briefing');
    const html = template.render(buildReportContext(briefing(), createReportMarkdown(), { paper: 'A4', css: template.css, now: new Date(0) }));
    // The title's quotes are set typographically (‘t’), as running text's are; the unpaired " is escaped as it stays.
    expect(html).toContain('<h1 class="cover-title">&lt;script&gt;alert(‘t’)&lt;/script&gt; {{document.title}} &quot;&lt;/style&gt;</h1>');
    // Running heads are CSS strings inside <style>: nothing in them may open or close an element.
    const topLeft = /@top-left \{\s*content: ("(?:[^"\\]|\\.)*")/.exec(html)?.[1];
    expect(topLeft).toMatch(/^"\\3c script>alert\(‘t’\)\\3c \/script>/);
    expect(html).toMatch(/@top-center \{\s*content: "\\3c \/STYLE>\\3c SCRIPT>ALERT\('C'\)\\3c \/SCRIPT>";/);
    for (const [, css] of html.matchAll(/<style>([\s\S]*?)<\/style>/g)) expect(css).not.toContain('<');
    expect(html).not.toMatch(/<\/style><script>/i);
  });

  it('keeps raw HTML with trustHtml', async () => {
    const context = buildReportContext(briefing(), createReportMarkdown(), { paper: 'A4', css: '', trustHtml: true, now: new Date(0) });
    expect(context.sections[0].html).toContain('onclick="alert(\'d\')"');
  });
});

describe('the output index', () => {
  it('escapes titles and carries a policy that allows no script and no fetch', () => {
    const html = outputIndexHtml([{ slug: 'h', title: '<script>alert(1)</script>{{x}}', formats: ['report-pdf'] }], 'briefkit');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;{{x}}');
    expect(html).not.toMatch(/<script/);
    expect(html).toContain(`http-equiv="Content-Security-Policy" content="default-src 'none'`);
  });
});

describe('the Content-Security-Policy of deck.html and report.html', () => {
  it('goes first in <head> and allows only data: images and fonts, inline styles and, for the deck, inline scripts', () => {
    const page = withContentSecurityPolicy('<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>x</title></head></html>', contentSecurityPolicy({ inlineScripts: false }));
    expect(page).toMatch(/^<!DOCTYPE html>\n<html><head>\n<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data: blob:;/);
    expect(page).toContain("script-src 'none'");
    expect(contentSecurityPolicy({ inlineScripts: true })).toContain("script-src 'unsafe-inline'");
    expect(contentSecurityPolicy({ inlineScripts: true })).not.toMatch(/https?:|'self'|\*/);
  });
});
