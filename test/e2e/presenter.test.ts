import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/index.js';
import { launchTestBrowser } from '../helpers/browser.js';
import { tempDir, writeFiles } from '../helpers/fixtures.js';

const doc = `---
title: Presenter test
classification: unclassified
---
## Alpha

Prose of alpha.

::: deck
- Alpha bullet, and [Charlie’s part](#charlie)
:::

::: notes
Say the alpha notes.
:::

## Bravo

Bravo notes come from the prose.

::: deck
- Bravo bullet
:::

## Charlie

Charlie notes.
`;

type DeckWindow = { briefkitDeck: { index: number; total: number; go(i: number): void } };

describe('presenting deck.html from disk', () => {
  let browser: Browser;
  let url: string;

  beforeAll(async () => {
    const src = tempDir();
    const out = tempDir();
    writeFiles(src, { 'talk.md': doc });
    const [result, launched] = await Promise.all([build({ root: src, paths: ['.'], outDir: out, formats: ['deck-html'] }), launchTestBrowser()]);
    expect(result.failures).toEqual([]);
    browser = launched;
    url = pathToFileURL(path.join(out, 'talk', 'deck.html')).href;
  });
  afterAll(async () => browser?.close());

  const index = (page: Page) => page.evaluate(() => (window as unknown as DeckWindow).briefkitDeck.index);
  const waitIndex = (page: Page, i: number) => page.waitForFunction((want) => (window as unknown as DeckWindow).briefkitDeck.index === want, { timeout: 5000 }, i);

  it('opens a presenter window with s that shows the current slide, the next one, the notes, a timer and a clock, and both windows move together', async () => {
    const audience = await browser.newPage();
    await audience.goto(`${url}#3`);
    const popup = new Promise<Page>((resolve) => browser.once('targetcreated', (t) => void t.page().then((p) => p && resolve(p))));
    await audience.keyboard.press('s');
    const presenter = await popup;
    await presenter.setViewport({ width: 1280, height: 800 });
    await presenter.waitForSelector('.bk-pv-notes');
    expect(presenter.url()).toMatch(/deck\.html\?view=presenter#3$/);
    const view = () =>
      presenter.evaluate(() => ({
        label: document.querySelector('.bk-pv-label')?.textContent ?? '',
        current: document.querySelector('.bk-pv-current section')?.textContent ?? '',
        next: document.querySelector('.bk-pv-next section')?.textContent ?? '',
        notes: document.querySelector('.bk-pv-notes')?.textContent ?? '',
        notesSize: parseFloat(getComputedStyle(document.querySelector('.bk-pv-notes')!).fontSize),
        elapsed: document.querySelector('.bk-pv-elapsed')?.textContent ?? '',
        clock: document.querySelector('.bk-pv-clock')?.textContent ?? '',
      }));
    const first = await view();
    expect(first.label).toContain('Slide 3 / 6');
    expect(first.current).toContain('Alpha bullet');
    expect(first.next).toContain('Bravo bullet');
    expect(first.notes).toContain('Say the alpha notes.');
    expect(first.notesSize).toBeGreaterThanOrEqual(20);
    expect(first.elapsed).toMatch(/^\d\d:\d\d:\d\d$/);
    expect(first.clock).toMatch(/^\d\d:\d\d$/);

    await presenter.keyboard.press('ArrowRight');
    await waitIndex(audience, 3);
    expect((await view()).notes).toContain('Bravo notes come from the prose.');

    await audience.keyboard.press('ArrowRight');
    await waitIndex(presenter, 4);
    const third = await view();
    expect(third.current).toContain('Charlie');
    expect(third.notes).toContain('Charlie notes.');
    expect(third.next).toContain('Questions');
    await presenter.close();
    await audience.close();
  });

  it('keeps a presenter opened by URL in step with the audience window through the shared channel', async () => {
    const audience = await browser.newPage();
    await audience.goto(`${url}#2`);
    const presenter = await browser.newPage();
    await presenter.goto(`${url}?view=presenter#5`);
    // The presenter asks where the deck is; the audience answers.
    await waitIndex(presenter, 1);
    await audience.keyboard.press('End');
    await waitIndex(presenter, 5);
    await presenter.keyboard.press('Home');
    await waitIndex(audience, 0);
    expect(await index(audience)).toBe(0);
    await presenter.close();
    await audience.close();
  });

  it('opens the slide of the section a link or the address names by its id', async () => {
    const page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 720 });
    await page.goto(`${url}#bravo`);
    expect(await index(page)).toBe(3);
    await page.goto(`${url}#3`);
    await page.click('svg.bk-active a[href="#charlie"]');
    await waitIndex(page, 4);
    await page.close();
  });

  it('shows every slide in an overview grid with o, and a click there opens that slide', async () => {
    const page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 720 });
    await page.goto(`${url}#1`);
    await page.keyboard.press('o');
    const visible = await page.$$eval('svg[data-marpit-svg]', (all) => all.map((s) => s.getBoundingClientRect()).filter((r) => r.width > 100 && r.height > 50).length);
    expect(visible).toBe(6);
    const thumbs = await page.$$('svg[data-marpit-svg]');
    await thumbs[3].click();
    expect(await index(page)).toBe(3);
    expect(await page.evaluate(() => document.body.classList.contains('bk-overview'))).toBe(false);
    expect(page.url()).toMatch(/#4$/);
    await page.keyboard.press('o');
    await page.keyboard.press('Escape');
    expect(await page.evaluate(() => document.body.classList.contains('bk-overview'))).toBe(false);
    await page.close();
  });
  it('in the overview, moves the outline with the keys, keeps it in view, and opens the outlined slide with Enter', async () => {
    const page = await browser.newPage();
    await page.setViewport({ width: 400, height: 240 });
    await page.goto(`${url}#1`);
    await page.keyboard.press('o');
    await page.keyboard.press('End');
    const box = await page.$eval('svg.bk-active', (svg) => svg.getBoundingClientRect().toJSON() as DOMRect);
    expect(box.top).toBeGreaterThanOrEqual(0);
    expect(box.bottom).toBeLessThanOrEqual(240);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.body.classList.contains('bk-overview'))).toBe(false);
    expect(await index(page)).toBe(5);
    await page.keyboard.down('Shift');
    await page.keyboard.press('Space');
    await page.keyboard.up('Shift');
    expect(await index(page)).toBe(4);
    await page.close();
  });

  it('closes the overview on the room’s screen when the presenter moves, and a clicked presenter button leaves Space to the slides', async () => {
    const audience = await browser.newPage();
    await audience.goto(`${url}#2`);
    const presenter = await browser.newPage();
    await presenter.setViewport({ width: 800, height: 600 });
    await presenter.goto(`${url}?view=presenter#2`);
    await presenter.waitForSelector('.bk-pv-larger');
    await audience.keyboard.press('o');
    await presenter.keyboard.press('ArrowRight');
    await waitIndex(audience, 2);
    expect(await audience.evaluate(() => document.body.classList.contains('bk-overview'))).toBe(false);
    await presenter.click('.bk-pv-larger');
    await presenter.keyboard.press('Space');
    await waitIndex(presenter, 3);
    await waitIndex(audience, 3);
    // The timer and the clock stay inside a small presenter window.
    const right = await presenter.$$eval('.bk-pv-elapsed, .bk-pv-clock', (all) => Math.max(...all.map((el) => el.getBoundingClientRect().right)));
    expect(right).toBeLessThanOrEqual(800);
    await presenter.close();
    await audience.close();
  });
  it('names each slide for screen readers and announces the slide it moves to', async () => {
    const page = await browser.newPage();
    await page.goto(`${url}#3`);
    const current = () => page.$eval('svg.bk-active', (svg) => [svg.getAttribute('role'), svg.getAttribute('aria-roledescription'), svg.getAttribute('aria-label')]);
    expect(await current()).toEqual(['group', 'slide', expect.stringMatching(/^3 of 6: .*Alpha/)]);
    expect(await page.$eval('[role="status"]', (el) => el.textContent)).toBe('');
    await page.keyboard.press('ArrowRight');
    expect(await page.$eval('[role="status"]', (el) => el.textContent)).toMatch(/^Slide 4 of 6: .*Bravo/);
    const tree = await page.accessibility.snapshot();
    expect(JSON.stringify(tree)).toMatch(/4 of 6: [^"]*Bravo/);
    expect(JSON.stringify(tree)).not.toContain('Alpha bullet');
    await page.close();
  });
  it('speaks the document’s language in the presenter view and to screen readers', async () => {
    const src = tempDir();
    const out = tempDir();
    writeFiles(src, { 'ko.md': '---\ntitle: 발표 시험\nlang: ko\n---\n## 첫째\n\n본문.\n' });
    const result = await build({ root: src, paths: ['.'], outDir: out, formats: ['deck-html'] });
    expect(result.failures).toEqual([]);
    const page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 800 });
    await page.goto(`${pathToFileURL(path.join(out, 'ko', 'deck.html')).href}?view=presenter#1`);
    await page.waitForSelector('.bk-pv-notes');
    const text = await page.evaluate(() => ({
      label: document.querySelector('.bk-pv-label')?.textContent,
      buttons: Array.from(document.querySelectorAll('.bk-pv-bar button'), (b) => b.textContent),
      notes: document.querySelector('.bk-pv-notes')?.textContent,
      slide: document.querySelector('svg[data-marpit-svg]')?.getAttribute('aria-roledescription'),
      deck: document.querySelector('main')?.getAttribute('aria-roledescription'),
    }));
    expect(text.label).toMatch(/^슬라이드 1 \/ \d+ · 발표 시험/);
    expect(text.buttons.slice(0, 2)).toEqual(['◀ 이전', '다음 ▶']);
    expect(text.slide).toBe('슬라이드');
    expect(text.deck).toBe('슬라이드 자료');
    await page.close();
  });
});
