import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPreview, type PreviewSession } from '../../src/serve/preview-session.js';
import { launchReaderBrowser } from '../helpers/browser.js';
import { tempDir, writeFiles } from '../helpers/fixtures.js';
import { pdfPages } from '../helpers/pdf.js';
import { withoutSoftHyphens } from '../helpers/text.js';
import { childProcesses } from '../helpers/processes.js';

/** GETs a raw request target (not normalised, so `..` reaches the server as written). */
function get(base: string, target: string): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    http
      .get({ hostname, port, path: target }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      })
      .on('error', reject);
  });
}

/** Listens to the live-reload stream and resolves with the pages (`slug/file`) named by the next `reload` event. */
function nextReload(base: string): Promise<{ slugs: string[]; close: () => void }> {
  return new Promise((resolve, reject) => {
    const request = http.get(new URL('/__briefkit/events', base), (res) => {
      let buffer = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffer += chunk;
        const match = /event: reload\ndata: (.*)\n\n/.exec(buffer);
        if (match) resolve({ slugs: JSON.parse(match[1]) as string[], close: () => request.destroy() });
      });
    });
    request.on('error', reject);
  });
}

/** Starts listening, makes a change, and resolves with the pages named by the reload that follows it. */
async function pagesReloadedBy(base: string, change: () => void): Promise<string[]> {
  const reload = nextReload(base);
  await new Promise((r) => setTimeout(r, 100));
  change();
  const { slugs, close } = await reload;
  close();
  return slugs;
}

/** The deck viewer's API on a page's window. */
type DeckWindow = { briefkitDeck: { index: number; total: number; go(i: number): void } };

const memo = (line: string): string => `---\ntitle: Preview memo\n---\nIntro.\n\n## Findings\n\n${line}\n`;

describe('briefkit serve', () => {
  const root = tempDir('briefkit-serve-');
  const out = path.join(root, 'output');
  let session: PreviewSession;

  beforeAll(async () => {
    writeFiles(root, { 'content/memo.md': memo('First draft sentence.'), 'content/other.md': memo('Another document.').replace('Preview memo', 'Other') });
    session = await startPreview({ root, paths: ['content'], outDir: out, formats: 'deck-html,report-html,report-pdf', port: 0 });
    await session.idle();
  });
  afterAll(async () => {
    await session?.close();
  });

  it('listens on the loopback address only', () => {
    const address = session.server.server.address() as AddressInfo;
    expect(address.address).toBe('127.0.0.1');
    expect(session.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  it('serves the built pages with the live-reload script added', async () => {
    const page = await get(session.url, '/memo/report.html');
    expect(page.status).toBe(200);
    expect(withoutSoftHyphens(page.body)).toContain('First draft sentence.');
    expect(page.body).toContain('/__briefkit/events');
    expect((await get(session.url, '/')).body).toContain('Preview memo');
  });

  it('answers for a page not built yet with a page that says so, which turns into it once a build writes it', async () => {
    const missing = await get(session.url, '/later/report.html');
    expect(missing.status).toBe(404);
    expect(missing.body).toContain('later/report.html is not built');
    expect(missing.body).toContain('data-briefkit-live-reload');
    const browser = await launchReaderBrowser();
    try {
      const page = await browser.newPage();
      await page.goto(new URL('later/report.html', session.url).href);
      await new Promise((r) => setTimeout(r, 300));
      writeFileSync(path.join(root, 'content/later.md'), memo('A document written after the page was opened.'));
      await page.waitForFunction(() => document.body.innerText.replaceAll('\u00ad', '').includes('A document written after the page was opened.'), { timeout: 30_000 });
      expect((await get(session.url, '/later/report.html')).status).toBe(200);
    } finally {
      await browser.close();
      rmSync(path.join(root, 'content/later.md'));
      // The removal is seen after a moment: wait until the index has dropped it, so its reload cannot reach the next test.
      await expect.poll(() => readFileSync(path.join(out, 'index.html'), 'utf8').includes('later/'), { timeout: 30_000 }).toBe(false);
      await session.idle();
    }
  });

  it('refuses paths that climb out of the output folder, and hides the cache', async () => {
    for (const target of ['/../package.json', '/memo/../../content/memo.md', '/%2e%2e/content/memo.md', '/memo/%2E%2E%2F..%2Fcontent/memo.md', '/..%5c..%5ccontent']) {
      expect((await get(session.url, target)).status, target).toBe(403);
    }
    expect((await get(session.url, '/.cache/manifest.json')).status).toBe(404);
  });

  it('rebuilds and signals a reload of just the changed document when its source is saved, its report before its deck', async () => {
    const slugs = await pagesReloadedBy(session.url, () => writeFileSync(path.join(root, 'content/memo.md'), memo('Second draft sentence.')));
    // The report's HTML needs no browser, so its page reloads without waiting for the deck to be fitted.
    expect(slugs).toEqual(['memo/report.html']);
    const page = await get(session.url, '/memo/report.html');
    expect(withoutSoftHyphens(page.body)).toContain('Second draft sentence.');
    expect(withoutSoftHyphens(page.body)).not.toContain('First draft sentence.');
  });

  it('rebuilds the PDF in the background after the HTML', async () => {
    await session.idle();
    expect(pdfPages(path.join(out, 'memo/report.pdf')).join(' ')).toContain('Second draft sentence.');
    expect(readFileSync(path.join(out, 'index.html'), 'utf8')).toContain('memo/report.pdf');
  });

  it('refreshes the open deck and report pages in place when the source is saved, the deck on the slide it showed', async () => {
    const browser = await launchReaderBrowser();
    // The pages' own Content-Security-Policy must let the live-reload script and its event stream through.
    let streams = 0;
    const countStreams = (request: http.IncomingMessage): void => void (request.url === '/__briefkit/events' && (streams += 1));
    session.server.server.on('request', countStreams);
    try {
      const pages = await Promise.all(['deck', 'report'].map(async (name) => {
        const page = await browser.newPage();
        const refused: string[] = [];
        page.on('console', (message) => refused.push(message.text()));
        await page.goto(new URL(`memo/${name}.html`, session.url).href);
        return { page, refused };
      }));
      await expect.poll(() => streams, { timeout: 10_000 }).toBe(2);
      const [deck] = pages;
      // The deck shows its next-to-last slide; the refresh must keep it there and leave one working viewer.
      const total = await deck.page.evaluate(() => (window as unknown as DeckWindow).briefkitDeck.total);
      expect(total).toBeGreaterThanOrEqual(2);
      await deck.page.evaluate((i) => (window as unknown as DeckWindow).briefkitDeck.go(i), total - 2);
      let navigations = 0;
      for (const { page } of pages) page.on('framenavigated', (frame) => void (frame === page.mainFrame() && (navigations += 1)));
      const refreshed = pages.map(({ page }) => page.evaluate(() => new Promise<void>((resolve) => addEventListener('briefkit:refreshed', () => resolve(), { once: true }))));
      writeFileSync(path.join(root, 'content/memo.md'), memo('Third draft sentence.'));
      await Promise.all(refreshed);
      for (const { page, refused } of pages) {
        expect(withoutSoftHyphens(await page.evaluate(() => document.documentElement.textContent ?? ''))).toContain('Third draft sentence.');
        expect(refused.filter((text) => /Content Security Policy/i.test(text))).toEqual([]);
      }
      // Refreshed in place: no navigation, and one event stream still open for each page.
      expect(navigations).toBe(0);
      expect(streams).toBe(2);
      expect(await deck.page.evaluate(() => [(window as unknown as DeckWindow).briefkitDeck.index, document.querySelectorAll('svg.bk-active').length])).toEqual([total - 2, 1]);
      // One keypress moves one slide: the stopped viewer left no listener behind.
      await deck.page.keyboard.press('ArrowRight');
      expect(await deck.page.evaluate(() => (window as unknown as DeckWindow).briefkitDeck.index)).toBe(total - 1);
    } finally {
      session.server.server.off('request', countStreams);
      await browser.close();
    }
  });

  it('puts the error of a save that did not build over the open page, and takes it away with the next good save', async () => {
    const browser = await launchReaderBrowser();
    try {
      const page = await browser.newPage();
      await page.goto(new URL('memo/report.html', session.url).href);
      await new Promise((r) => setTimeout(r, 300));
      writeFileSync(path.join(root, 'content/memo.md'), '---\ntitle: [unclosed\n---\n## Findings\n\nText.\n');
      const banner = await page.waitForSelector('#briefkit-preview-error[role="alert"]', { timeout: 30_000 });
      const text = await banner?.evaluate((el) => el.textContent ?? '');
      expect(text).toContain('did not build');
      expect(text).toMatch(/content\/memo\.md:\d+/);
      expect(text).not.toContain(root);
      writeFileSync(path.join(root, 'content/memo.md'), memo('A sentence after the fix.'));
      await page.waitForFunction(() => document.body.innerText.replaceAll('\u00ad', '').includes('A sentence after the fix.'), { timeout: 30_000 });
      expect(await page.$('#briefkit-preview-error')).toBeNull();
    } finally {
      await browser.close();
      await session.idle();
    }
  });

  it('keeps rebuilding on save after a file that no document uses changed', async () => {
    writeFileSync(path.join(root, 'content/scratch.txt'), 'an editor backup, a log: not a source');
    await new Promise((r) => setTimeout(r, 200));
    const slugs = await pagesReloadedBy(session.url, () => writeFileSync(path.join(root, 'content/memo.md'), memo('Fourth draft sentence.')));
    expect(slugs).toEqual(['memo/report.html']);
    expect(withoutSoftHyphens((await get(session.url, '/memo/report.html')).body)).toContain('Fourth draft sentence.');
    await session.idle();
  });

  it('reloads every document when a theme changes', async () => {
    const slugs = await pagesReloadedBy(session.url, () => writeFiles(root, { 'templates/themes/custom.css': '/* @theme custom */\nsection { background: #fff; }\n' }));
    expect(slugs.sort()).toEqual(['memo/report.html', 'other/report.html']);
  });

  it('fits decks with the theme as it is now after the theme is edited, though it keeps its engines between saves', async () => {
    const deck = (): string => readFileSync(path.join(out, 'memo/deck.html'), 'utf8');
    writeFileSync(path.join(root, 'content/memo.md'), memo('Themed draft sentence.').replace('title: Preview memo', 'title: Preview memo\ntheme: custom'));
    await expect.poll(() => deck().includes('Themed draft sentence.'), { timeout: 30_000 }).toBe(true);
    expect(deck()).toContain('background: #fff');
    // The Marp engine made for the first version of the theme must not outlive it.
    writeFiles(root, { 'templates/themes/custom.css': '/* @theme custom */\nsection { background: #fffff0; }\n' });
    await expect.poll(() => deck().includes('#fffff0'), { timeout: 30_000 }).toBe(true);
    await session.idle();
  });

  it('restarted on up-to-date output, rebuilds nothing it shows, leaves no trace of its warm-up, and reloads the deck on save', async () => {
    await session.close();
    const written = (file: string): number => statSync(path.join(out, file)).mtimeMs;
    const before = ['memo/deck.html', 'memo/report.html', '.cache/manifest.json'].map(written);
    session = await startPreview({ root, paths: ['content'], outDir: out, formats: 'deck-html,report-html,report-pdf', port: 0 });
    await session.idle();
    expect(['memo/deck.html', 'memo/report.html', '.cache/manifest.json'].map(written)).toEqual(before);
    expect(readdirSync(path.join(out, '.cache')).filter((name) => name.startsWith('rehearsal'))).toEqual([]);
    const reloads: string[][] = [];
    const deckReloaded = new Promise<void>((resolve, reject) => {
      const request = http.get(new URL('/__briefkit/events', session.url), (res) => {
        let buffer = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          buffer += chunk;
          for (const match of buffer.matchAll(/event: reload\ndata: (.*)\n\n/g)) reloads.push(JSON.parse(match[1]) as string[]);
          buffer = buffer.slice(buffer.lastIndexOf('\n\n') + 2);
          if (reloads.flat().includes('memo/deck.html')) {
            request.destroy();
            resolve();
          }
        });
      });
      request.on('error', reject);
    });
    await new Promise((r) => setTimeout(r, 100));
    writeFileSync(path.join(root, 'content/memo.md'), memo('Fifth draft sentence.'));
    await deckReloaded;
    // The report's pages reload first, then the deck's.
    expect(reloads).toEqual([['memo/report.html'], ['memo/deck.html']]);
    expect(withoutSoftHyphens(readFileSync(path.join(out, 'memo/deck.html'), 'utf8'))).toContain('Fifth draft sentence.');
  });
});

describe('briefkit serve with trusted HTML', () => {
  const root = tempDir('briefkit-serve-trusted-');
  const scripted = (line: string): string =>
    `---\ntitle: Scripted\n---\nIntro.\n\n<noscript><p>Scripting is off.</p></noscript>\n\n## Findings\n\n${line}\n\n::: deck\n- ${line}\n\n<p id="drawn">not drawn</p><script>const runs = 1; document.getElementById('drawn').textContent = 'drawn ' + runs;</script>\n:::\n`;
  let session: PreviewSession;

  beforeAll(async () => {
    writeFiles(root, { 'content/scripted.md': scripted('First line.') });
    session = await startPreview({ root, paths: ['content'], outDir: path.join(root, 'output'), formats: 'deck-html,report-html', trustHtml: true, port: 0 });
    await session.idle();
  });
  afterAll(async () => {
    await session?.close();
  });

  it('reloads pages whose own scripts or <noscript> content a swap in place would get wrong', async () => {
    const browser = await launchReaderBrowser();
    try {
      const pages = await Promise.all(['deck', 'report'].map(async (name) => {
        const page = await browser.newPage();
        await page.goto(new URL(`scripted/${name}.html`, session.url).href);
        return page;
      }));
      await new Promise((r) => setTimeout(r, 500));
      const reloads = pages.map((page) => page.waitForNavigation({ waitUntil: 'load' }));
      writeFileSync(path.join(root, 'content/scripted.md'), scripted('Second line.'));
      await Promise.all(reloads);
      const [deck, report] = pages;
      expect(withoutSoftHyphens(await deck.evaluate(() => document.documentElement.textContent ?? ''))).toContain('Second line.');
      expect(await deck.evaluate(() => document.getElementById('drawn')?.textContent)).toBe('drawn 1');
      expect(await report.evaluate(() => document.body.innerText)).not.toContain('Scripting is off.');
    } finally {
      await browser.close();
    }
  });
});

describe('briefkit serve stopped during its first build', () => {
  it('stops without building the PDFs it had not started, and leaves no browser running', async () => {
    const root = tempDir('briefkit-serve-stop-');
    writeFiles(root, Object.fromEntries(['a', 'b', 'c', 'd'].map((name) => [`content/${name}.md`, memo(`Document ${name}.`)])));
    const out = path.join(root, 'output');
    const session = await startPreview({ root, paths: ['content'], outDir: out, formats: 'deck-html,report-html,report-pdf', port: 0 });
    const started = performance.now();
    await session.close();
    expect(performance.now() - started).toBeLessThan(15_000);
    expect(readdirSync(out, { recursive: true }).filter((name) => String(name).endsWith('.pdf'))).toEqual([]);
    expect(childProcesses(/chrom/i)).toEqual([]);
  });
});
