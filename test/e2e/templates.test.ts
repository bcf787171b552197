import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { tempDir, writeFiles } from '../helpers/fixtures.js';
import { colourShare, flat, pdfPages } from '../helpers/pdf.js';

const doc = (frontMatter: string) => `---\ntitle: Template Test\nclassification: unclassified\n${frontMatter}\n---\nIntro.\n\n## First Section\n\nBody text.\n`;

describe('customising templates in a project', () => {
  let root: string;
  let run: ReturnType<typeof runCli>;
  const out = (...parts: string[]) => path.join(root, 'output', ...parts);

  beforeAll(() => {
    root = tempDir('briefkit-templates-e2e-');
    writeFiles(root, {
      // One partial overridden; the rest of the built-in template stays.
      'templates/report/briefing/partials/cover.hbs': '<section class="cover"><h1 class="cover-title">{{document.title}}</h1><p>Overridden cover for {{marking document.classification}}</p></section>',
      // A new deck theme, picked up by its @theme name.
      'templates/themes/acme.css': '/*\n * @theme acme\n * Acme slides.\n */\nsection { background: rgb(255, 250, 205); color: rgb(0, 0, 128); }\nh1 { color: rgb(128, 0, 0); }\n',
      // A broken template: extends the built-in, one partial with a syntax error on line 3.
      'templates/report/broken/template.json': '{ "extends": "briefing" }',
      'templates/report/broken/partials/summary.hbs': '<section>\n  <h2>Key judgments</h2>\n  {{#each keyJudgments}<li>{{this}}</li>{{/each}}\n</section>\n',
      // A theme with a CSS syntax error (unclosed block at line 3): only the deck that picks it fails.
      'templates/themes/bad.css': '/* @theme bad */\nsection { color: red; }\nh1 { color: blue;\n',
      // A theme with its own font beside it, and a report template that only changes the colour of UNCLASSIFIED.
      'templates/themes/fonted.css': '/* @theme fonted */\n@import "briefing";\n@font-face { font-family: "House Deck"; src: url(fonts/house.ttf); }\nsection { --bk-font: "House Deck", sans-serif; }\n',
      'templates/themes/fonts/house.ttf': readFileSync('/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf'),
      'templates/themes/lost.css': '/* @theme lost */\nsection { color: navy; }\nh1 { background: url(images/missing.png); }\n',
      'templates/report/house/template.json': '{ "extends": "briefing" }',
      'templates/report/house/style.css': ':root { --level-unclassified: rgb(0, 170, 0); }\n',
      'content/good.md': doc('theme: acme'),
      'content/fonted.md': doc('theme: fonted\ntemplate: house'),
      'content/lost.md': doc('theme: lost'),
      'content/badtheme.md': doc('theme: bad'),
      'content/broken.md': doc('template: broken'),
      'content/typo.md': doc('theme: acmee'),
    });
    run = runCli(['build', '--formats', 'report-pdf,deck-html'], { cwd: root });
  }, 300_000); // one real build of four documents; generous for a loaded machine

  it('overrides a single partial without ejecting the rest', () => {
    const text = flat(pdfPages(out('good/report.pdf')).join(' '));
    expect(text).toContain('Overridden cover for UNCLASSIFIED');
    expect(text).toContain('Contents');
    expect(text).toContain('1 First Section');
  });

  it("embeds a theme's own font from the file beside it, which the sealed page could not load by its path", () => {
    const html = readFileSync(out('fonted/deck.html'), 'utf8');
    expect(html).toContain('src: url("data:font/ttf;base64,');
    expect(html).not.toContain('url(fonts/house.ttf)');
  });

  it("sets the report's classification markings in the template's colour for their level", () => {
    // The running marking at the top of a body page, rendered: the house template's green, not the built-in one.
    expect(colourShare(out('fonted/report.pdf'), 2, { top: 0, height: 65 }, [0, 170, 0])).toBeGreaterThan(0);
    expect(colourShare(out('good/report.pdf'), 2, { top: 0, height: 65 }, [0, 170, 0])).toBe(0);
  });

  it('selects a project theme CSS from front matter', () => {
    const html = readFileSync(out('good/deck.html'), 'utf8');
    expect(html).toContain('rgb(255, 250, 205)');
    expect(html).toMatch(/data-theme="acme"/);
  });

  it('fails only the documents with a broken template or theme or an unknown theme, naming file:line and what exists', () => {
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('2 of 6 documents built');
    expect(run.stderr).toMatch(/templates\/themes\/lost\.css:3: The theme refers to `images\/missing\.png`, which the template does not have/);
    expect(run.stderr).toMatch(/templates\/themes\/bad\.css:3:1: Theme CSS could not be read: Unclosed block/);
    expect(run.stderr).toMatch(/templates\/report\/broken\/partials\/summary\.hbs:3:\d+: Template syntax error/);
    expect(run.stderr).toContain('3 |   {{#each keyJudgments}<li>');
    expect(run.stderr).toMatch(/Unknown deck theme `acmee`[\s\S]*Known themes: .*acme.*briefing/);
    expect(existsSync(out('broken'))).toBe(false);
  });

  it('lists the project templates and themes beside the built-ins with `briefkit templates`', () => {
    const list = runCli(['templates'], { cwd: root });
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/acme\s+Acme slides\.\n\s+templates\/themes\/acme\.css \(project\)/);
    expect(list.stdout).toMatch(/briefing\s+.+\n\s+templates\/report\/briefing \(project, the default, overrides the built-in\)/);
    expect(list.stdout).toMatch(/broken\s+\(no description\)\n\s+templates\/report\/broken \(project, extends briefing\)/);
    expect(list.stdout).toMatch(/gaia\s+Marp's built-in "gaia" theme\./);
  });
});

describe('ejecting the built-in report template', () => {
  it('copies it into templates/, and a changed cover partial shows in the rebuilt report.pdf', () => {
    const root = tempDir('briefkit-eject-e2e-');
    writeFiles(root, { 'content/brief.md': doc('organization: Acme Policy Office') });
    const eject = runCli(['eject', 'briefing', '--only', 'report'], { cwd: root });
    expect(eject.code).toBe(0);
    expect(eject.stdout).toContain('report template briefing → templates/report/briefing/');
    const cover = path.join(root, 'templates/report/briefing/partials/cover.hbs');
    const original = readFileSync(cover, 'utf8');
    expect(original).toContain('cover-title');
    writeFileSync(cover, original.replace('<h1 class="cover-title">', '<p class="house-line">Prepared by the Acme house style</p>\n    <h1 class="cover-title">'));

    const again = runCli(['eject', 'briefing', '--only', 'report'], { cwd: root });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('--force');

    const build = runCli(['build', '--formats', 'report-pdf'], { cwd: root });
    expect(build.code).toBe(0);
    const pages = pdfPages(path.join(root, 'output/brief/report.pdf'));
    expect(flat(pages[0])).toContain('Prepared by the Acme house style');
    expect(flat(pages.join(' '))).toContain('First Section');
  }, 300_000);
});
