// Live-reload latency of `briefkit serve`: starts the preview on a generated briefing, opens its deck and
// report HTML in Chromium, then saves a change to the source several times and measures, for each save, the
// time from the write to each page's refresh having finished with the new text in it: its load event after a
// reload, or the `briefkit:refreshed` event the live-reload script dispatches after refreshing in place.
// Between saves it waits for the background PDF rebuild to finish, so every save starts from an idle preview.
// Then it stops the preview, starts it again on the now up-to-date output and measures one more save.
// Usage: node bench/serve-latency.mjs <work dir> [saves] [more serve flags]; prints one JSON line:
// { saves, deck: [ms...], report: [ms...], built: [ms...], afterRestart: { deck, report, built } } where
// `built` is the time from the write to the preview's "html" line on stderr (change noticed, HTML rebuilt,
// reload sent), the rest being the reload itself.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { briefing } from './generate.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..');
const require = createRequire(path.join(repo, 'package.json'));
const { default: puppeteer } = await import(require.resolve('puppeteer'));
const chromium = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const work = process.argv[2];
const saves = Number(process.argv[3] ?? 5);
if (!work) throw new Error('Usage: node bench/serve-latency.mjs <work dir> [saves]');

const content = path.join(work, 'content');
const source = path.join(content, 'latency.md');
mkdirSync(content, { recursive: true });
// A generated briefing of 8 sections with a first section whose prose and slide carry a revision marker.
const base = briefing('Serve latency', 8, 4);
const withMarker = (n) => base.replace(/\n## /, `\n## Section 0: revision\n\nThis paragraph carries revision rev${n}x of the text.\n\n::: deck\n- Revision rev${n}x\n:::\n\n## `);
writeFileSync(source, withMarker(0));

const extra = process.argv.slice(4);
const pdfs = !extra.some((a) => a.startsWith('--formats')) || extra.some((a) => /pdf|handout/.test(a));

/** Starts `briefkit serve` and resolves once its first pass (HTML, then PDFs) is done. */
async function startServe() {
  const serve = spawn(process.execPath, [path.join(repo, 'dist/bin/briefkit.js'), 'serve', content, '--out', path.join(work, 'output'), '--no-config', '--port', '0', ...extra], {
    cwd: work,
    env: { ...process.env, CHROME_PATH: chromium, PUPPETEER_EXECUTABLE_PATH: chromium },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  const waiters = [];
  const lines = (text, stream) => {
    for (const line of text.split('\n').filter(Boolean)) for (const w of [...waiters]) if (w.stream === stream && w.test.test(line)) {
      waiters.splice(waiters.indexOf(w), 1);
      w.resolve(Date.now());
    }
  };
  serve.stdout.on('data', (d) => {
    stdout += d;
    lines(String(d), 'stdout');
  });
  serve.stderr.on('data', (d) => {
    stderr += d;
    if (process.env.BENCH_DEBUG) process.stderr.write(`${Date.now()} ${d}`);
    lines(String(d), 'stderr');
  });
  /** Resolves with the wall clock time at which the next line on `stream` matching `test` arrives. */
  const nextLine = (stream, test, ms = 120_000) =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`No ${stream} line matching ${test} within ${ms} ms. stderr:\n${stderr}`)), ms);
      waiters.push({ stream, test, resolve: (t) => (clearTimeout(timer), resolve(t)) });
    });
  serve.on('exit', (code) => {
    for (const w of waiters) w.resolve(NaN);
    if (code) process.stderr.write(`serve exited with ${code}:\n${stderr}\n`);
  });
  const stop = async () => {
    serve.kill('SIGTERM');
    await new Promise((r) => (serve.exitCode === null ? serve.once('exit', r) : r()));
  };
  try {
    const first = nextLine('stderr', pdfs ? /^pdf / : /^html /);
    await nextLine('stdout', /preview at/);
    await first;
  } catch (error) {
    await stop();
    throw error;
  }
  return { url: /preview at (\S+)/.exec(stdout)[1], nextLine, stop };
}

/** Opens the deck and report pages of a running preview. */
async function openPages(url) {
  const pages = {};
  for (const name of ['deck', 'report']) {
    const page = await browser.newPage();
    // The wall clock (shared with this process) whenever the page finished loading or refreshing in place.
    await page.evaluateOnNewDocument(() => {
      for (const event of ['load', 'briefkit:refreshed']) addEventListener(event, () => (globalThis.__loadedAt = Date.now()));
    });
    await page.goto(new URL(`latency/${name}.html`, url).href, { waitUntil: 'load' });
    pages[name] = page;
  }
  // Let both pages open their live-reload streams.
  await new Promise((r) => setTimeout(r, 500));
  return pages;
}

/** Saves revision `n` and resolves with { deck, report, built } in ms from the write, once PDFs are rebuilt too. */
async function save(serve, pages, n) {
  const marker = `rev${n}x`;
  const built = serve.nextLine('stderr', /^html /);
  const pdf = pdfs ? serve.nextLine('stderr', /^pdf /) : built;
  // Wait until each page has finished a reload or an in-place refresh (the preview's live-reload script does either)
  // that shows the new text; the time is the page's own, taken when that reload or refresh ended.
  const wrote = Date.now();
  const reloaded = Object.entries(pages).map(async ([name, page]) => {
    const handle = await page.waitForFunction(
      (m, since) => (globalThis.__loadedAt ?? 0) >= since && document.documentElement.textContent.replaceAll('\u00ad', '').includes(m) && globalThis.__loadedAt,
      { timeout: 60_000, polling: 10 },
      marker,
      wrote,
    );
    return [name, await handle.jsonValue()];
  });
  writeFileSync(source, withMarker(n));
  const result = { built: NaN };
  for (const [name, at] of await Promise.all(reloaded)) result[name] = at - wrote;
  result.built = (await built) - wrote;
  await pdf;
  await new Promise((r) => setTimeout(r, 300));
  for (const page of Object.values(pages)) await page.close();
  return result;
}

let browser;
let serve;
try {
  browser = await puppeteer.launch({ executablePath: chromium, args: process.getuid?.() === 0 ? ['--no-sandbox'] : [] });
  serve = await startServe();
  const result = { saves, deck: [], report: [], built: [] };
  for (let n = 1; n <= saves; n += 1) {
    const one = await save(serve, await openPages(serve.url), n);
    for (const key of ['deck', 'report', 'built']) result[key].push(one[key]);
  }
  // A preview started again on up-to-date output builds nothing at first: its first save is measured apart.
  await serve.stop();
  serve = await startServe();
  result.afterRestart = await save(serve, await openPages(serve.url), saves + 1);
  console.log(JSON.stringify(result));
} finally {
  await browser?.close();
  await serve?.stop();
}
