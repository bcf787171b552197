import { chmodSync, existsSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterEach, describe, expect, it } from 'vitest';
import { BrowserService } from '../../src/browser/browser-service.js';
import { untilPaintable } from '../../src/pdf/print-pdf.js';
import { runCli } from '../helpers/cli.js';
import { tempDir, writeFiles } from '../helpers/fixtures.js';

let service: BrowserService | undefined;
afterEach(async () => {
  await service?.close();
  service = undefined;
});

/** Every target of the browser, browser UI included (puppeteer's own list leaves those out). */
async function allTargets(page: Page): Promise<{ type: string; url: string }[]> {
  const session = await page.browser().target().createCDPSession();
  const { targetInfos } = await session.send('Target.getTargets', { filter: [{}] });
  await session.detach();
  return targetInfos;
}

/** The browser's processes by type, as Chromium itself lists them. */
async function processTypes(page: Page): Promise<string[]> {
  const session = await page.browser().target().createCDPSession();
  const { processInfo } = await session.send('SystemInfo.getProcessInfo');
  await session.detach();
  return processInfo.map((p) => p.type);
}

/** Builds one short report PDF with the CLI under `env`, and checks it succeeded. */
function buildOneReport(env: NodeJS.ProcessEnv): void {
  const dir = tempDir();
  writeFiles(dir, { 'brief.md': '---\ntitle: Tidy\n---\n## One\n\nText.\n' });
  const run = runCli(['build', path.join(dir, 'brief.md'), '--out', path.join(dir, 'out'), '--formats', 'report-pdf'], { env });
  expect(run.code, run.stderr).toBe(0);
}

describe('the shared browser', () => {
  it('starts no browser for a job that comes after it was closed, which nothing would end', async () => {
    service = new BrowserService({ maxTabs: 1 });
    await service.close();
    service.warmUp();
    await expect(service.withPage(async () => 'printed')).rejects.toThrow(/already closed/);
    expect(service.started).toBe(false);
  });

  it('loads no browser UI pages and keeps no renderer beyond its tabs', async () => {
    service = new BrowserService({ maxTabs: 2 });
    service.warmUp(2);
    await Promise.all([0, 1].map(() => service!.withPage(async (page) => {
      await page.setContent('<p>Hello</p>');
      await new Promise((resolve) => setTimeout(resolve, 300));
    })));
    // Asked afterwards, one after the other: two sessions on the browser target at once can lose it in puppeteer.
    const { targets, processes } = await service.withPage(async (page) => ({ targets: await allTargets(page), processes: await processTypes(page) }));
    expect(targets.filter((t) => t.type === 'browser_ui')).toEqual([]);
    // Two jobs at once use two tabs: the blank tab Chromium opens with is one of them, not a third.
    expect(targets.filter((t) => t.type === 'page')).toHaveLength(2);
    // One renderer per tab: no omnibox popup WebUI renderer, no spare renderer kept for a next tab.
    expect(processes.filter((type) => type === 'renderer')).toHaveLength(2);
    // No GPU process, and the network service runs inside the browser process: one utility (storage) is left.
    expect(processes.filter((type) => !['browser', 'renderer'].includes(type))).toEqual(['storage.mojom.StorageService']);
  });

  it('keeps every tab hidden, so no frames are drawn for a screen no one sees, while timers still run on time', async () => {
    service = new BrowserService({ maxTabs: 3 });
    const seen = await Promise.all([0, 1, 2].map(() => service!.withPage(async (page) => {
      await page.setContent('<p>Hello</p>');
      await new Promise((resolve) => setTimeout(resolve, 200));
      // A hidden page's timers are normally held to one wake-up a second; the switches in spawn-chromium.ts keep them.
      const timer = await page.evaluate(() => new Promise<number>((resolve) => {
        const start = performance.now();
        setTimeout(() => setTimeout(() => resolve(performance.now() - start), 10), 10);
      }));
      return { visibility: await page.evaluate(() => document.visibilityState), timer };
    })));
    expect(seen.map((s) => s.visibility)).toEqual(['hidden', 'hidden', 'hidden']);
    for (const { timer } of seen) expect(timer).toBeLessThan(500);
  });

  it('does not wait long for frames that never come to a shown page', { timeout: 20_000 }, async () => {
    // A tab caught shown for the moment its shared window is restored (see hide()), or a trusted script that replaces
    // requestAnimationFrame, must not hold the print until the protocol times out.
    service = new BrowserService({ maxTabs: 1, drawFrames: true });
    const waited = await service.withPage(async (page) => {
      await page.setContent('<p>Hello</p><script>window.requestAnimationFrame = () => 0;</script>');
      const started = Date.now();
      await untilPaintable(page);
      return Date.now() - started;
    });
    expect(waited).toBeLessThan(2_000);
  });

  it('closes a window a trusted page opened, so the next job in that tab is shown and drawn', async () => {
    service = new BrowserService({ maxTabs: 1, drawFrames: true });
    await service.withPage(async (page) => {
      await page.setContent('<p>Opener</p>');
      await page.evaluate(() => void window.open('about:blank'));
      await new Promise((resolve) => setTimeout(resolve, 200));
    });
    const next = await service.withPage(async (page) => ({
      pages: (await page.browser().pages()).length,
      visibility: await page.evaluate(() => document.visibilityState),
    }));
    expect(next).toEqual({ pages: 1, visibility: 'visible' });
  });

  it('shows every tab in a window of its own when pages need frames (trusted HTML), so requestAnimationFrame runs', async () => {
    service = new BrowserService({ maxTabs: 2, drawFrames: true });
    const seen = await Promise.all([0, 1].map(() => service!.withPage(async (page) => {
      await page.setContent('<p>Hello</p>');
      await new Promise((resolve) => setTimeout(resolve, 200));
      const frame = await page.evaluate(() => Promise.race([
        new Promise<string>((resolve) => requestAnimationFrame(() => resolve('drawn'))),
        new Promise<string>((resolve) => setTimeout(() => resolve('no frame'), 1000)),
      ]));
      return { visibility: await page.evaluate(() => document.visibilityState), frame };
    })));
    expect(seen).toEqual([{ visibility: 'visible', frame: 'drawn' }, { visibility: 'visible', frame: 'drawn' }]);
  });

  it('runs a job in the blank tab Chromium opens with when one tab is enough', async () => {
    service = new BrowserService({ maxTabs: 2 });
    service.warmUp(1);
    const targets = await service.withPage(async (page) => {
      await page.setContent('<p>Hello</p>');
      return allTargets(page);
    });
    expect(targets.filter((t) => t.type === 'page')).toHaveLength(1);
  });

  it('hands the next job an emptied tab at the default size and laid out for print, not the document of the job before', async () => {
    service = new BrowserService({ maxTabs: 1 });
    await service.withPage(async (page) => {
      await page.setViewport({ width: 1280, height: 720 });
      await page.setContent(`<main>${'<p>Slide</p>'.repeat(500)}</main>`);
    });
    const next = await service.withPage((page) => page.evaluate(() => ({ elements: document.getElementsByTagName('*').length, width: innerWidth, height: innerHeight, print: matchMedia('print').matches })));
    expect(next).toEqual({ elements: 1, width: 800, height: 600, print: true });
  });

  it('starts no crash reporter, which would keep a crash database in the home folder', () => {
    const home = tempDir();
    buildOneReport({ HOME: home });
    expect(existsSync(path.join(home, '.config/chromium'))).toBe(false);
  });

  it('leaves nothing in the temporary folder but its compile cache', () => {
    const tmp = tempDir();
    buildOneReport({ TMPDIR: tmp });
    expect(readdirSync(tmp)).toEqual([`briefkit-compile-cache-${process.getuid?.() ?? 0}`]);
  });

  it('gives up with a clear error when the browser starts but never answers', () => {
    const dir = tempDir();
    const silent = path.join(dir, 'silent-browser');
    writeFileSync(silent, '#!/bin/sh\nexec sleep 60\n');
    chmodSync(silent, 0o755);
    writeFiles(dir, { 'brief.md': '---\ntitle: Stuck\n---\n## One\n\nText.\n' });
    const started = performance.now();
    const run = runCli(['build', path.join(dir, 'brief.md'), '--out', path.join(dir, 'out'), '--formats', 'report-pdf'], {
      env: { PUPPETEER_EXECUTABLE_PATH: silent, CHROME_PATH: silent, BRIEFKIT_LAUNCH_TIMEOUT_MS: '1500' },
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/did not answer within 2 s/u);
    expect(performance.now() - started).toBeLessThan(30_000);
  });
});

