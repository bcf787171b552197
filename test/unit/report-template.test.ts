import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBriefing } from '../../src/content/load-briefing.js';
import { TemplateError } from '../../src/errors.js';
import { createReportMarkdown } from '../../src/markdown/create-markdown.js';
import { buildReportContext } from '../../src/report/build-report-context.js';
import { loadReportTemplate } from '../../src/templates/report-template.js';
import { templateSearchDirs } from '../../src/templates/template-dirs.js';
import { tempDir, tinyPng, writeFiles } from '../helpers/fixtures.js';

/** A project templates folder with these files, and the search folders it makes (project first, built-ins last). */
function project(files: Record<string, string | Uint8Array>): { dir: string; searchDirs: string[] } {
  const root = tempDir('briefkit-tpl-');
  writeFiles(root, files);
  const dir = path.join(root, 'templates');
  return { dir, searchDirs: templateSearchDirs([dir]) };
}

const context = (() => {
  const parsed = parseBriefing('---\ntitle: The Title\nclassification: secret\nlang: en\nkeywords: [a, b, c]\n---\n## First\n\nText.\n', '/d.md');
  return buildReportContext({ ...parsed, assets: new Map(), warnings: [] }, createReportMarkdown(), { paper: 'A4', css: '', now: new Date(0) });
})();

async function render(searchDirs: string[], name = 'briefing', helpers = {}): Promise<string> {
  const template = await loadReportTemplate(name, searchDirs, helpers);
  return template.render({ ...context, styles: template.css });
}

async function loadError(searchDirs: string[], name = 'briefing'): Promise<TemplateError> {
  const error = await loadReportTemplate(name, searchDirs).then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(TemplateError);
  return error as TemplateError;
}

describe('report templates', () => {
  it('overrides one built-in partial by name and keeps the others', async () => {
    const { searchDirs } = project({ 'templates/report/briefing/partials/cover.hbs': '<div class="my-cover">MY COVER {{document.title}}</div>' });
    const html = await render(searchDirs);
    expect(html).toContain('MY COVER The Title');
    expect(html).not.toContain('class="cover-title"');
    expect(html).toContain('id="toc-heading"');
    expect(html).toContain('class="report-section"');
  });

  it('lets a new template that extends another borrow its layout and add to its CSS', async () => {
    const { searchDirs } = project({
      'templates/report/acme/template.json': '{ "description": "Acme", "extends": "briefing" }',
      'templates/report/acme/partials/cover.hbs': '<p>ACME COVER</p>',
      'templates/report/acme/style.css': ':root { --navy: #003366; }',
    });
    const template = await loadReportTemplate('acme', searchDirs);
    const html = template.render({ ...context, styles: template.css });
    expect(html).toContain('ACME COVER');
    expect(html).toContain('id="toc-heading"');
    expect(template.css.indexOf('.toc')).toBeGreaterThan(-1);
    expect(template.css.indexOf('--navy: #003366')).toBeGreaterThan(template.css.indexOf('.toc'));
  });

  it('tells a template with no layout how to extend one', async () => {
    const { searchDirs } = project({ 'templates/report/acme/partials/cover.hbs': '<p>x</p>' });
    const error = await loadError(searchDirs, 'acme');
    expect(error.message).toContain('has no layout.hbs');
    expect(error.hint).toContain('"extends": "briefing"');
  });

  it('names the cycle when templates extend each other', async () => {
    const { searchDirs } = project({
      'templates/report/a/template.json': '{ "extends": "b" }',
      'templates/report/b/template.json': '{ "extends": "a" }',
    });
    expect((await loadError(searchDirs, 'a')).message).toContain('a → b → a');
  });

  it('lists the known templates for an unknown name', async () => {
    const { searchDirs } = project({ 'templates/report/acme/layout.hbs': 'x' });
    const error = await loadError(searchDirs, 'acem');
    expect(error.message).toContain('Unknown report template `acem`');
    expect(error.hint).toMatch(/Known templates: acme, briefing/);
  });

  it('names file, line and column of a syntax error and shows the line', async () => {
    const { searchDirs } = project({ 'templates/report/briefing/partials/cover.hbs': '<section>\n  <h1>{{document.title}</h1>\n</section>\n' });
    const error = await loadError(searchDirs);
    expect(error.location).toMatchObject({ file: expect.stringMatching(/partials\/cover\.hbs$/), line: 2, column: 23 });
    expect(error.message).toContain('2 |   <h1>{{document.title}</h1>');
  });

  it('names the block an unclosed {{#if}} opened', async () => {
    const { searchDirs } = project({ 'templates/report/briefing/partials/cover.hbs': '<section>\n  {{#if document.title}}\n  <h1>x</h1>\n</section>\n' });
    const error = await loadError(searchDirs);
    expect(error.message).toContain('`{{#if}}` is never closed');
    expect(error.location).toMatchObject({ line: 2, column: 3 });
  });

  it('names both blocks when a closing tag does not match its opening one', async () => {
    const { searchDirs } = project({ 'templates/report/briefing/partials/toc.hbs': '<nav>\n{{#if sections}}\n{{/each}}\n</nav>' });
    const error = await loadError(searchDirs);
    expect(error.message).toContain('`{{/each}}` closes `{{#if}}`');
    expect(error.location).toMatchObject({ file: expect.stringMatching(/partials\/toc\.hbs$/), line: 2 });
  });

  it('names a missing partial and the file and line that asked for it', async () => {
    const { searchDirs } = project({ 'templates/report/briefing/partials/cover.hbs': '<section>\n{{> logo}}\n</section>' });
    const error = await loadError(searchDirs);
    expect(error.message).toContain('Missing partial `logo`');
    expect(error.location).toMatchObject({ file: expect.stringMatching(/partials\/cover\.hbs$/), line: 2, column: 1 });
    expect(error.hint).toContain('partials/logo.hbs');
  });

  it('names an unknown helper and where it was called, and lists the known ones', async () => {
    const { searchDirs } = project({ 'templates/report/briefing/partials/cover.hbs': '<h1>\n  {{shout document.title}}\n</h1>' });
    const error = await loadError(searchDirs);
    expect(error.message).toContain('Unknown helper `shout`');
    expect(error.location).toMatchObject({ file: expect.stringMatching(/cover\.hbs$/), line: 2, column: 3 });
    expect(error.hint).toContain('formatDate');
    expect(await render(searchDirs, 'briefing', { shout: (s: unknown) => `${String(s)}!` })).toContain('The Title!');
  });

  it('accepts inline partials and fields read without arguments', async () => {
    const { searchDirs } = project({ 'templates/report/briefing/partials/cover.hbs': '{{#*inline "mark"}}[{{upper document.classification}}]{{/inline}}{{> mark}} {{document.title}}' });
    expect(await render(searchDirs)).toContain('[SECRET] The Title');
  });

  it('inlines template images through {{asset}} and fonts in CSS url()s as data: URLs', async () => {
    const { searchDirs } = project({
      'templates/report/acme/template.json': '{ "extends": "briefing" }',
      'templates/report/acme/assets/logo.png': tinyPng,
      'templates/report/acme/fonts/house.woff2': new Uint8Array([1, 2, 3]),
      'templates/report/acme/style.css': '@font-face { font-family: House; src: url("fonts/house.woff2"); }',
      'templates/report/acme/partials/cover.hbs': '<img class="logo" src="{{asset "assets/logo.png"}}">',
    });
    const template = await loadReportTemplate('acme', searchDirs);
    expect(template.css).toContain('url("data:font/woff2;base64,AQID")');
    expect(template.render({ ...context, styles: template.css })).toMatch(/<img class="logo" src="data:image\/png;base64,iVBOR/);
  });

  it('names a missing asset and a CSS url() to a file the template lacks', async () => {
    const asset = project({ 'templates/report/briefing/partials/cover.hbs': '<img src="{{asset "assets/logo.png"}}">' });
    expect((await loadError(asset.searchDirs)).message).toContain('Missing template file `assets/logo.png`');
    const css = project({ 'templates/report/briefing/style.css': 'body {}\n@font-face { src: url(fonts/none.woff2); }' });
    const error = await loadError(css.searchDirs);
    expect(error.message).toContain('fonts/none.woff2');
    expect(error.location?.line).toBe(2);
  });

  it('names a config helper that throws while rendering, and the partial file and line that called it', async () => {
    const { searchDirs } = project({ 'templates/report/briefing/partials/cover.hbs': '<section>\n  {{boom document.title}}\n</section>' });
    const template = await loadReportTemplate('briefing', searchDirs, { boom: () => { throw new Error('bad input'); } });
    const error = (() => {
      try {
        template.render(context);
      } catch (caught) {
        return caught as TemplateError;
      }
    })();
    expect(error?.message).toMatch(/Helper `boom` threw: bad input/);
    expect(error?.location?.file).toMatch(/templates\/report\/briefing\/partials\/cover\.hbs$/);
    expect([error?.location?.line, error?.location?.column]).toEqual([2, 3]);
  });
});
