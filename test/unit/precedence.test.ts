import { describe, expect, it } from 'vitest';
import { resolveBuildOptions } from '../../src/config/build-options.js';
import { documentSettings, placeUnknownName, settingOrigin } from '../../src/config/document-settings.js';
import { UnknownNameError } from '../../src/errors.js';
import { applyLayers } from '../../src/config/precedence.js';
import { parseBriefing } from '../../src/content/load-briefing.js';

function meta(frontMatter: string) {
  return parseBriefing(`---\ntitle: T\n${frontMatter}\n---\n## A\n`, '/p/a.md').meta;
}

const config = { file: '/p/briefkit.config.ts', config: { organization: 'Config Org', classification: 'config mark', theme: 'config-theme', template: 'config-template', paper: 'Letter' as const } };

describe('settings precedence', () => {
  it('lets a later layer win and never lets undefined erase an earlier value', () => {
    expect(applyLayers<{ a?: number; b?: number }>({ a: 1, b: 1 }, { a: 2, b: undefined }, undefined, { b: 3 })).toEqual({ a: 2, b: 3 });
  });

  it('uses the built-in defaults when nothing else is set', () => {
    const settings = documentSettings(meta(''), resolveBuildOptions({ root: '/p' }));
    expect(settings).toMatchObject({ theme: 'briefing', template: 'briefing', paper: 'A4' });
    expect(settings.organization).toBeUndefined();
  });

  it('lets the config file override the built-in defaults', () => {
    const settings = documentSettings(meta(''), resolveBuildOptions({ root: '/p' }, config));
    expect(settings).toEqual({ organization: 'Config Org', classification: 'config mark', theme: 'config-theme', template: 'config-template', paper: 'Letter' });
  });

  it('lets front matter override the config file', () => {
    const settings = documentSettings(meta('organization: FM Org\ntheme: fm-theme\npaper: A4'), resolveBuildOptions({ root: '/p' }, config));
    expect(settings).toEqual({ organization: 'FM Org', classification: 'config mark', theme: 'fm-theme', template: 'config-template', paper: 'A4' });
  });

  it('lets command-line overrides beat front matter and the config file', () => {
    const options = resolveBuildOptions({ root: '/p', overrides: { theme: 'cli-theme', template: undefined, paper: 'Letter' } }, config);
    const settings = documentSettings(meta('theme: fm-theme\ntemplate: fm-template\npaper: A4'), options);
    expect(settings).toMatchObject({ theme: 'cli-theme', template: 'fm-template', paper: 'Letter' });
  });

  it('says which layer set a theme or template, at its line, for errors about the name', () => {
    const withLines = { ...config, lines: { theme: 4, template: 5 } };
    const fm = meta('organization: X\ntheme: fm-theme');
    expect(settingOrigin('theme', fm, '/p/a.md', resolveBuildOptions({ root: '/p' }, withLines))).toEqual({ kind: 'front matter', location: { file: '/p/a.md', line: 4 }, described: 'set by `theme:` in the front matter' });
    expect(settingOrigin('template', fm, '/p/a.md', resolveBuildOptions({ root: '/p' }, withLines))).toEqual({ kind: 'config', location: { file: '/p/briefkit.config.ts', line: 5 }, described: 'set by `template` in the config file' });
    expect(settingOrigin('theme', fm, '/p/a.md', resolveBuildOptions({ root: '/p', overrides: { theme: 'x' } }, withLines)).described).toBe('given by --theme');
    expect(settingOrigin('theme', meta(''), '/p/a.md', resolveBuildOptions({ root: '/p' })).described).toBe('the built-in default');
    const placed = placeUnknownName(new UnknownNameError('theme', 'fm-theme', 'Unknown deck theme `fm-theme`.', { hint: 'Known themes: a, b.' }), { kind: 'flag', described: 'given by --theme' }, '/p/a.md');
    expect([placed.message, placed.location, placed.hint]).toEqual(['Unknown deck theme `fm-theme` (given by --theme).', { file: '/p/a.md' }, 'Known themes: a, b. Check --theme.']);
  });

  it('layers output folder and formats as built-in < config file < caller, resolving config paths against its folder', () => {
    const withConfig = { file: '/p/conf/briefkit.config.json', config: { outDir: 'dist-out', formats: ['report-pdf' as const], templateDirs: ['shared-templates'] } };
    const fromConfig = resolveBuildOptions({ root: '/p' }, withConfig);
    expect(fromConfig.outDir).toBe('/p/conf/dist-out');
    expect(fromConfig.formats).toEqual(['report-pdf']);
    expect(fromConfig.templateDirs).toEqual(['/p/conf/shared-templates', '/p/templates']);
    const fromCaller = resolveBuildOptions({ root: '/p', outDir: 'cli-out', formats: 'deck-html', templateDirs: ['extra'] }, withConfig);
    expect(fromCaller.outDir).toBe('/p/cli-out');
    expect(fromCaller.formats).toEqual(['deck-html']);
    expect(fromCaller.templateDirs).toEqual(['/p/extra', '/p/conf/shared-templates', '/p/templates']);
  });
});
