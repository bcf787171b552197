import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, type BuildResult } from '../../src/index.js';
import puppeteer from 'puppeteer';
import { findBrowser } from '../../src/browser/find-browser.js';
import { tempDir, writeFiles } from '../helpers/fixtures.js';

/** A loopback listener that records every request (HTTP or WebSocket upgrade) that reaches it. */
function startListener(): Promise<{ server: Server; base: string; hits: string[] }> {
  const hits: string[] = [];
  const server = createServer((req, res) => {
    hits.push(req.url ?? '');
    res.end('x');
  });
  server.on('upgrade', (req, socket) => {
    hits.push(`upgrade ${req.url ?? ''}`);
    socket.destroy();
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, hits })));
}

/** Markdown that reaches for the listener in every way a page can. */
function hostileMarkdown(base: string): string {
  const ws = base.replace('http', 'ws');
  return `---
title: Reaching out
---
Intro ![md image](${base}/md-image.png) <img src="${base}/raw-img.png" srcset="${base}/srcset.png 2x">

## Links and embeds

[a link](${base}/link) <a href="${base}/raw-link">raw link</a>

<div style="background-image: url('${base}/inline-css.png')">styled</div>

<style>@import url("${base}/import.css"); body { background: url(${base}/style-bg.png); }</style>

<iframe src="${base}/iframe"></iframe>
<video src="${base}/video.mp4" poster="${base}/poster.png" autoplay></video>
<audio src="${base}/audio.mp3" autoplay></audio>
<object data="${base}/object"></object>
<embed src="${base}/embed">
<link rel="stylesheet" href="${base}/link.css">
<link rel="prefetch" href="${base}/prefetch">
<script src="${base}/script.js"></script>
<script>fetch('${base}/fetch'); new Image().src = '${base}/js-image'; try { new WebSocket('${ws}/ws'); } catch (e) {} window.open('${base}/popup'); navigator.sendBeacon && navigator.sendBeacon('${base}/beacon');</script>
<meta http-equiv="refresh" content="0;url=${base}/refresh">
<form action="${base}/form"><input type="image" src="${base}/input-image.png"></form>

::: deck
![bg](${base}/marp-bg.png)

Slide with <img src="${base}/deck-img.png" onerror="fetch('${base}/onerror')">
:::
`;
}

describe('rendering never reaches the network', () => {
  let listener: Awaited<ReturnType<typeof startListener>>;
  let out: string;
  let trustedOut: string;
  let result: BuildResult;
  let trusted: BuildResult;

  beforeAll(async () => {
    listener = await startListener();
    const src = tempDir();
    writeFiles(src, { 'reach.md': hostileMarkdown(listener.base) });
    out = tempDir();
    trustedOut = tempDir();
    result = await build({ root: src, paths: [src], outDir: out });
    // --trust-html keeps the scripts and embeds: printing must still be sealed.
    trusted = await build({ root: src, paths: [src], outDir: trustedOut, trustHtml: true });
  });

  afterAll(() => {
    listener.server.close();
  });

  it('builds every format with remote references in images, links, CSS, iframes, media and scripts', () => {
    expect(result.failures).toEqual([]);
    expect(trusted.failures).toEqual([]);
    expect(result.documents[0].outputs.map((o) => o.format)).toEqual(expect.arrayContaining(['deck-html', 'deck-pdf', 'report-html', 'report-pdf']));
  });

  it('receives no request from printing deck and report, sanitised or with --trust-html', () => {
    expect(listener.hits).toEqual([]);
  });

  it('warns about remote resources, and reports the requests the print refused', () => {
    const warnings = result.documents[0].warnings.map((w) => `${w.line ?? ''} ${w.message}`);
    expect(warnings).toContainEqual(expect.stringMatching(/^4 Remote image http:\/\/127\.0\.0\.1:\d+\/md-image\.png is not fetched/));
    expect(warnings).toContainEqual(expect.stringMatching(/^14 <iframe http:\/\/127\.0\.0\.1:\d+\/iframe> is a remote resource and is not loaded/));
    const blocked = trusted.documents[0].warnings.map((w) => w.message).filter((m) => /request was blocked/.test(m));
    // The Content-Security-Policy stops sub-resources before they become requests; the meta refresh navigation reaches
    // request interception, which refuses it and reports it.
    expect(blocked).toContainEqual(expect.stringMatching(/^A page asked for http:\/\/127\.0\.0\.1:\d+\/refresh; the request was blocked/));
  });

  it('receives no request when deck.html and report.html are opened in a browser', async () => {
    // Marp turns `![bg](url)` into an inline CSS background: only the page's Content-Security-Policy stops it.
    expect(readFileSync(path.join(out, 'reach', 'deck.html'), 'utf8')).toContain(`${listener.base}/marp-bg.png`);
    // A plain browser, as a reader has: none of briefkit's launch switches (no dead proxy), no interception.
    const browser = await puppeteer.launch({ executablePath: await findBrowser(), headless: true, args: process.getuid?.() === 0 ? ['--no-sandbox'] : [] });
    try {
      for (const name of ['deck.html', 'report.html']) {
        const page = await browser.newPage();
        await page.goto(pathToFileURL(path.join(out, 'reach', name)).href, { waitUntil: 'load' });
        await new Promise((resolve) => setTimeout(resolve, 300));
        await page.close();
      }
    } finally {
      await browser.close();
    }
    expect(listener.hits).toEqual([]);
    for (const name of ['deck.html', 'report.html']) {
      expect(readFileSync(path.join(out, 'reach', name), 'utf8')).toMatch(/<head>\n<meta http-equiv="Content-Security-Policy" content="default-src 'none';/);
    }
  });
});
