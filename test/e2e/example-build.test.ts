import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, type BuildResult } from '../../src/index.js';
import { launchTestBrowser } from '../helpers/browser.js';
import { repoRoot } from '../helpers/cli.js';
import { tempDir } from '../helpers/fixtures.js';
import { headingPage, readContents } from '../helpers/contents.js';
import { flat, pdfContentOrderText, pdfInfo, pdfLanguage, pdfOutlineTree, pdfPages, pdfRawText, pdfXmp, textLines } from '../helpers/pdf.js';

// The seed essay's headings (every short line without a full stop, after the title). CI has shared/ beside the
// clone; elsewhere the content file's ## lines, which copy them verbatim, stand in.
const seedFile = path.join(repoRoot, '../shared/seed/000_e404bad9d5187cb3.txt');
const seedHeadings = existsSync(seedFile)
  ? readFileSync(seedFile, 'utf8')
      .split(/\n\s*\n/)
      .map((p) => p.trim())
      .filter((p) => p && p.length < 80 && !/[.]$/.test(p))
      .slice(1)
  : [...readFileSync(path.join(repoRoot, 'content/north-korea-missile-launches.md'), 'utf8').matchAll(/^## (.+)$/gm)].map((m) => m[1]);

describe('building the example briefing', () => {
  let out: string;
  let result: BuildResult;
  const file = (name: string) => path.join(out, 'north-korea-missile-launches', name);

  beforeAll(async () => {
    out = tempDir();
    result = await build({ root: repoRoot, paths: ['content'], outDir: out });
  });

  it('builds every output with no failures', () => {
    expect(result.failures).toEqual([]);
    for (const name of ['deck.html', 'deck.pdf', 'report.html', 'report.pdf']) expect(existsSync(file(name)), name).toBe(true);
    expect(readFileSync(path.join(out, 'index.html'), 'utf8')).toContain('north-korea-missile-launches/report.pdf');
  });

  it('knows the seed has fifteen headings after the title', () => {
    expect(seedHeadings).toHaveLength(15);
  });

  it('prints every section heading of the seed in the report PDF', () => {
    const text = flat(pdfPages(file('report.pdf')).join(' '));
    for (const heading of seedHeadings) expect(text).toContain(heading);
  });

  it('keeps the words of the hyphenated report whole for search and copying, with a hyphen where a line breaks', () => {
    const raw = pdfRawText(file('report.pdf'));
    // The seed says "missile" 30-odd times; a soft hyphen left in the text hides a word from a search.
    expect(raw.split('missile').length - 1).toBeGreaterThan(25);
    expect(raw).not.toContain('\u00ad');
    // Lines still break inside hyphenated words, the hyphen drawn and kept in the text.
    expect(raw.match(/\p{Ll}\u2010\n\p{Ll}/gu)?.length ?? 0).toBeGreaterThan(5);
    // Read glyph by glyph, a ligature formed across a soft hyphen ("signif|icantly") is not followed by a break.
    const drawn = pdfContentOrderText(file('report.pdf'));
    expect(drawn).toContain('significantly');
    expect(drawn).not.toMatch(/(?:fi|ff|fl)\n\p{Ll}/u);
  });

  it('describes every PDF in XMP metadata too', () => {
    for (const name of ['deck.pdf', 'handout.pdf', 'report.pdf']) {
      const xmp = pdfXmp(file(name));
      expect(xmp, name).toContain('<dc:title><rdf:Alt><rdf:li xml:lang="x-default">A Deep Dive into the Motivations Behind North Korea’s Missile Launches</rdf:li>');
      expect(xmp, name).toMatch(/<xmp:CreateDate>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ<\/xmp:CreateDate>/);
      expect(xmp, name).toContain('<dc:language><rdf:Bag><rdf:li>en</rdf:li></rdf:Bag></dc:language>');
    }
  });

  it('titles both PDFs with the document title', () => {
    const title = 'A Deep Dive into the Motivations Behind North Korea’s Missile Launches';
    expect(pdfInfo(file('report.pdf')).Title).toBe(title);
    expect(pdfInfo(file('deck.pdf')).Title).toBe(title);
  });

  it('prints the report on A4 with a cover and the marking on every page', () => {
    const info = pdfInfo(file('report.pdf'));
    expect(info['Page size']).toContain('A4');
    const pages = pdfPages(file('report.pdf'));
    expect(pages.length).toBeGreaterThanOrEqual(4);
    pages.forEach((page, i) => expect(page, `page ${i + 1}`).toContain('UNCLASSIFIED'));
    expect(pages[pages.length - 1]).toMatch(new RegExp(`Page ${pages.length} of ${pages.length}`));
  });

  it('prints the cover, then the key judgments, then the contents, each on its own page', () => {
    const pages = pdfPages(file('report.pdf'));
    expect(flat(pages[0])).toContain('A Deep Dive into the Motivations Behind North Korea’s Missile Launches');
    expect(pages[0]).toContain('Northeast Asia Policy Office'.toUpperCase());
    expect(textLines(pages[1])[1]).toBe('Key judgments');
    expect(pages[1]).toContain('regime security');
    expect(textLines(pages[2])[1]).toBe('Contents');
  });

  it('lists every section in the contents with the page its heading really starts on', () => {
    const pages = pdfPages(file('report.pdf'));
    const { entries, lastPage } = readContents(pages);
    expect(entries.map((e) => e.title)).toEqual(seedHeadings);
    for (const entry of entries) expect(headingPage(pages, entry, lastPage), entry.title).toBe(entry.page);
  });

  it('marks the classification at the top and the bottom of every page, the cover included', () => {
    for (const [i, page] of pdfPages(file('report.pdf')).entries()) {
      const lines = textLines(page);
      expect(lines[0], `top of page ${i + 1}`).toContain('UNCLASSIFIED');
      expect(lines[lines.length - 1], `foot of page ${i + 1}`).toContain('UNCLASSIFIED');
    }
  });

  it("sets quotes typographically on the slides and the report's cover alike, as the report's text has them", () => {
    // The seed's subtitle is written with a straight apostrophe: "behind Pyongyang's testing".
    for (const name of ['deck.pdf', 'report.pdf']) {
      const first = flat(pdfPages(file(name))[0]);
      expect(first, name).toContain('Pyongyang’s testing');
      expect(first, name).not.toContain("Pyongyang's");
    }
    expect(flat(pdfPages(file('deck.pdf'))[1])).toContain('North Korea’s missile launches');
  });

  it('marks the classification at the top and the bottom of every slide, below the title and slide number', () => {
    const slides = pdfPages(file('deck.pdf'));
    expect(slides.length).toBeGreaterThan(10);
    for (const [i, slide] of slides.entries()) {
      const lines = textLines(slide);
      expect(lines[0], `top of slide ${i + 1}`).toBe('UNCLASSIFIED');
      expect(lines[lines.length - 1], `foot of slide ${i + 1}`).toBe('UNCLASSIFIED');
      expect(lines[lines.length - 2], `footer of slide ${i + 1}`).toMatch(new RegExp(`Missile Launches\\s+${i + 1} / ${slides.length}$`));
    }
  });

  it('gives every page but the cover a running head with the title and current section, and Page X of Y', () => {
    const pages = pdfPages(file('report.pdf'));
    expect(pages[0]).not.toMatch(/Page \d|A Deep Dive into the Motivations Behind North…/);
    const { entries } = readContents(pages);
    pages.slice(1).forEach((page, i) => {
      const lines = textLines(page);
      expect(lines[0]).toContain('A Deep Dive into the Motivations Behind North…');
      expect(lines[lines.length - 1]).toContain(`Page ${i + 2} of ${pages.length}`);
    });
    // The head names the first section starting on the page, else the one still running.
    let running = '';
    for (let page = entries[0].page; page <= pages.length; page += 1) {
      const starting = entries.filter((e) => e.page === page);
      const expected = starting[0] ? `${starting[0].number} ${starting[0].title}` : running;
      if (starting.length > 0) running = `${starting[starting.length - 1].number} ${starting[starting.length - 1].title}`;
      if (page === pages.length && starting.length === 0) break; // the endnotes page, if any, names itself
      expect(flat(textLines(pages[page - 1])[0]), `page ${page}`).toContain(expected.slice(0, 24));
    }
  });

  it('bookmarks the cover, key judgments, contents and every section in order', async () => {
    const outline = await pdfOutlineTree(file('report.pdf'));
    expect(outline.slice(0, 3).map((o) => [o.title, o.page])).toEqual([
      ['A Deep Dive into the Motivations Behind North Korea’s Missile Launches', 1],
      ['Key judgments', 2],
      ['Contents', 3],
    ]);
    const sections = outline.slice(3);
    expect(sections.map((o) => o.title)).toEqual(seedHeadings.map((h, i) => `${i + 1} ${h}`));
    const { entries } = readContents(pdfPages(file('report.pdf')));
    expect(sections.map((o) => o.page)).toEqual(entries.map((e) => e.page));
  });

  it('writes Title, Author, Subject, Keywords, Creator and the language into a tagged PDF', async () => {
    const info = pdfInfo(file('report.pdf'));
    expect(info.Author).toBe('Regional Security Analysis Team');
    expect(info.Subject).toContain('Security, regime politics');
    expect(info.Keywords).toContain('North Korea, DPRK');
    expect(info.Creator).toMatch(/^briefkit /);
    expect(info.Tagged).toBe('yes');
    expect(await pdfLanguage(file('report.pdf'))).toBe('en');
  });

  it('gives the deck PDF one 16:9 page per slide and at least one per section', () => {
    const info = pdfInfo(file('deck.pdf'));
    const pages = Number(info.Pages);
    const [w, h] = /([\d.]+) x ([\d.]+)/.exec(info['Page size'])!.slice(1).map(Number);
    expect(w / h).toBeCloseTo(16 / 9, 2);
    expect(pages).toBeGreaterThanOrEqual(seedHeadings.length + 4);
    const slides = readFileSync(file('deck.html'), 'utf8').match(/<svg data-marpit-svg/g) ?? [];
    expect(pages).toBe(slides.length);
  });

  describe('deck.html in a browser', () => {
    let browser: Browser;
    beforeAll(async () => {
      browser = await launchTestBrowser();
    });
    afterAll(async () => browser?.close());

    it('shows the classification marking and a slide number on every slide', async () => {
      const page = await browser.newPage();
      await page.goto(pathToFileURL(file('deck.html')).href);
      const slides = await page.$$eval('svg[data-marpit-svg] > foreignObject > section', (sections) =>
        sections.map((s) => ({ header: s.querySelector('header')?.textContent ?? '', page: s.getAttribute('data-marpit-pagination') })),
      );
      expect(slides.length).toBeGreaterThan(15);
      slides.forEach((s, i) => {
        expect(s.header).toBe('UNCLASSIFIED');
        expect(s.page).toBe(String(i + 1));
      });
    });

    it('moves between slides with the keyboard, clicks and the URL fragment, offline', async () => {
      const page = await browser.newPage();
      const requests: string[] = [];
      page.on('request', (r) => requests.push(r.url()));
      await page.goto(`${pathToFileURL(file('deck.html')).href}#3`);
      const active = () => page.$$eval('svg[data-marpit-svg]', (all) => all.findIndex((s) => s.classList.contains('bk-active')));
      expect(await active()).toBe(2);
      await page.keyboard.press('ArrowRight');
      expect(await active()).toBe(3);
      expect(page.url()).toMatch(/#4$/);
      await page.keyboard.press('End');
      const total = await page.$$eval('svg[data-marpit-svg]', (all) => all.length);
      expect(await active()).toBe(total - 1);
      await page.keyboard.press('Home');
      await page.mouse.click(900, 300);
      expect(await active()).toBe(1);
      expect(requests.filter((u) => !u.startsWith('file:') && !u.startsWith('data:'))).toEqual([]);
    });
  });
});
