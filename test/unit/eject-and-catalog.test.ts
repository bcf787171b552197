import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { listCatalog } from '../../src/templates/catalog.js';
import { ejectTemplate } from '../../src/templates/eject.js';
import { loadReportTemplate } from '../../src/templates/report-template.js';
import { builtinTemplatesDir, templateSearchDirs } from '../../src/templates/template-dirs.js';
import { loadThemes } from '../../src/templates/themes.js';
import { tempDir, writeFiles } from '../helpers/fixtures.js';

function project(files: Record<string, string> = {}): { templates: string; searchDirs: string[] } {
  const root = tempDir('briefkit-eject-');
  writeFiles(root, files);
  const templates = path.join(root, 'templates');
  return { templates, searchDirs: templateSearchDirs([templates]) };
}

describe('briefkit templates (the catalog)', () => {
  it('lists built-in and project templates and themes with a description and where each lives', async () => {
    const { templates, searchDirs } = project({
      'templates/report/acme/template.json': '{ "description": "Acme house style.", "extends": "briefing" }',
      'templates/report/briefing/partials/cover.hbs': '<p>cover</p>',
      'templates/themes/acme.css': '/*\n * @theme acme\n *\n * Acme deck colours. More words.\n */\nsection { color: navy; }',
    });
    const entries = await listCatalog(searchDirs);
    const find = (kind: string, name: string) => entries.find((e) => e.kind === kind && e.name === name);
    expect(find('report', 'acme')).toMatchObject({ description: 'Acme house style.', origin: 'project', location: path.join(templates, 'report/acme'), extends: 'briefing', overridesBuiltin: false });
    expect(find('report', 'briefing')).toMatchObject({ origin: 'project', overridesBuiltin: true });
    expect(find('report', 'briefing')?.description).toMatch(/\S/);
    expect(find('theme', 'acme')).toMatchObject({ description: 'Acme deck colours.', origin: 'project', location: path.join(templates, 'themes/acme.css') });
    expect(find('theme', 'briefing')).toMatchObject({ origin: 'built-in', location: path.join(builtinTemplatesDir, 'themes/briefing.css') });
    expect(find('theme', 'gaia')).toMatchObject({ origin: 'marp' });
  });
});

describe('briefkit eject', () => {
  it('copies the built-in report template and theme into the project, where they then override the built-ins', async () => {
    const { templates, searchDirs } = project();
    const done = await ejectTemplate({ name: 'briefing', searchDirs, to: templates });
    expect(done.map((d) => d.kind)).toEqual(['report', 'theme']);
    for (const file of ['layout.hbs', 'style.css', 'template.json', 'partials/cover.hbs', 'partials/toc.hbs']) expect(existsSync(path.join(templates, 'report/briefing', file)), file).toBe(true);
    expect(readFileSync(path.join(templates, 'report/briefing/partials/cover.hbs'), 'utf8')).toBe(readFileSync(path.join(builtinTemplatesDir, 'report/briefing/partials/cover.hbs'), 'utf8'));
    expect((await loadReportTemplate('briefing', searchDirs)).dir).toBe(path.join(templates, 'report/briefing'));
    expect((await loadThemes(searchDirs)).find((t) => t.name === 'briefing')?.file).toBe(path.join(templates, 'themes/briefing.css'));
  });

  it('copies under a new name, renaming the theme, and flattens what a template extends', async () => {
    const { templates, searchDirs } = project({
      'templates/report/acme/template.json': '{ "description": "Acme", "extends": "briefing" }',
      'templates/report/acme/partials/cover.hbs': 'ACME',
      'templates/report/acme/style.css': '.acme {}',
    });
    await ejectTemplate({ name: 'briefing', searchDirs, to: templates, as: 'navy', kind: 'theme' });
    expect(readFileSync(path.join(templates, 'themes/navy.css'), 'utf8')).toMatch(/@theme navy\b/);
    const navy = (await loadThemes(searchDirs)).find((theme) => theme.name === 'navy');
    expect(navy?.description).toMatch(/^Copy of briefing: briefkit's default deck theme/);
    // A copy of a copy says what it copies once.
    await ejectTemplate({ name: 'navy', searchDirs, to: templates, as: 'navy2', kind: 'theme' });
    expect((await loadThemes(searchDirs)).find((theme) => theme.name === 'navy2')?.description).toMatch(/^Copy of navy: briefkit's default/);
    // A first sentence that wraps onto a second comment line gets the prefix too.
    writeFiles(path.dirname(templates), { 'templates/themes/wrap.css': '/*\n * @theme wrap\n * A theme whose first sentence\n * wraps onto two lines. More.\n */\nsection {}\n' });
    await ejectTemplate({ name: 'wrap', searchDirs, to: templates, as: 'wrap2', kind: 'theme' });
    expect((await loadThemes(searchDirs)).find((theme) => theme.name === 'wrap2')?.description).toBe('Copy of wrap: A theme whose first sentence wraps onto two lines.');
    expect(existsSync(path.join(templates, 'report/navy'))).toBe(false);
    await ejectTemplate({ name: 'acme', searchDirs, to: templates, as: 'acme2' });
    const dir = path.join(templates, 'report/acme2');
    expect(readFileSync(path.join(dir, 'partials/cover.hbs'), 'utf8')).toBe('ACME');
    expect(existsSync(path.join(dir, 'layout.hbs'))).toBe(true);
    expect(JSON.parse(readFileSync(path.join(dir, 'template.json'), 'utf8'))).toEqual({ description: 'Copy of acme: Acme' });
    const css = readFileSync(path.join(dir, 'style.css'), 'utf8');
    expect(css.indexOf('.acme {}')).toBeGreaterThan(css.indexOf('.toc'));
  });

  it("copies the fonts and images a theme's url()s name along with it", async () => {
    const shared = tempDir('briefkit-shared-');
    writeFiles(shared, { 'themes/house.css': '/* @theme house */\n@font-face { font-family: H; src: url(fonts/h.ttf); }\nh1 { background: url("./img/band.png"); }\n', 'themes/fonts/h.ttf': 'TTF', 'themes/img/band.png': 'PNG' });
    const { templates } = project();
    const result = await ejectTemplate({ name: 'house', searchDirs: templateSearchDirs([templates, shared]), to: templates, as: 'house2' });
    expect(result[0].files).toEqual(['house2.css', 'fonts/h.ttf', 'img/band.png']);
    expect(readFileSync(path.join(templates, 'themes/fonts/h.ttf'), 'utf8')).toBe('TTF');
    expect(readFileSync(path.join(templates, 'themes/img/band.png'), 'utf8')).toBe('PNG');
  });

  it('refuses to overwrite an existing copy unless forced, and writes nothing when it refuses', async () => {
    const { templates, searchDirs } = project({ 'templates/themes/briefing.css': '/* @theme briefing */\nsection { color: red; }' });
    const refused = await ejectTemplate({ name: 'briefing', searchDirs, to: templates }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(UsageError);
    expect((refused as UsageError).hint).toContain('--force');
    expect(existsSync(path.join(templates, 'report/briefing'))).toBe(false);
    await ejectTemplate({ name: 'briefing', searchDirs, to: templates, force: true });
    expect(existsSync(path.join(templates, 'report/briefing/layout.hbs'))).toBe(true);
  });

  it('lists what exists for an unknown name', async () => {
    const { templates, searchDirs } = project();
    const error = (await ejectTemplate({ name: 'nope', searchDirs, to: templates }).catch((e: unknown) => e)) as UsageError;
    expect(error.message).toContain('`nope`');
    expect(error.hint).toMatch(/Report templates: briefing, memo\. Deck themes: .*gaia/);
  });
});
