import type { Browser, Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FrontMatter } from '../../src/content/types.js';
import { handoutPage } from '../../src/deck/handout-page.js';
import type { RenderedDeck } from '../../src/deck/render-deck.js';
import { launchTestBrowser } from '../helpers/browser.js';
import { tempDir } from '../helpers/fixtures.js';
import { pdfFonts, pdfPages } from '../helpers/pdf.js';
import { readFileSync, writeFileSync } from 'node:fs';
import { repoRoot } from '../helpers/cli.js';
import path from 'node:path';

const slide = (text: string): string =>
  `<svg data-marpit-svg="" viewBox="0 0 1280 720"><foreignObject width="1280" height="720"><section><h2>${text}</h2></section></foreignObject></svg>`;
const deck: RenderedDeck = {
  html: `<div class="marpit">${slide('First slide')}${slide('二枚目のスライド')}</div>`,
  css: '',
  slides: [
    { kind: 'title', title: 'First slide', notesHtml: '<p>Notes of the first slide.</p>', continued: false },
    { kind: 'section', title: '二枚目', notesHtml: '<p lang="ja">二枚目のノートです。</p>', continued: false },
  ],
  width: 1280,
  height: 720,
};
const meta: FrontMatter = { title: 'Handout', summary: [], keywords: [], lang: 'en', numbered: true, extra: {} };

let browser: Browser;
let page: Page;
beforeAll(async () => {
  browser = await launchTestBrowser();
  page = await browser.newPage();
  await page.setContent(handoutPage(deck, meta, { css: readFileSync(path.join(repoRoot, 'templates/deck/handout.css'), 'utf8'), paper: 'A4' }), { waitUntil: 'load' });
}, 60_000);
afterAll(() => browser?.close());

describe('the handout page', () => {
  it('prints every slide’s page with its notes, in real fonts, Japanese included', async () => {
    const file = path.join(tempDir(), 'handout.pdf');
    writeFileSync(file, await page.pdf({ preferCSSPageSize: true, format: 'A4', tagged: true }));
    const pages = pdfPages(file);
    expect(pages).toHaveLength(2);
    expect(pages[0]).toContain('Notes of the first slide.');
    expect(pages[1]).toContain('二枚目のノートです。');
    expect(pdfFonts(file).some((font) => /IPA|CJK|Nanum|WenQuanYi/.test(font))).toBe(true);
  });
});
