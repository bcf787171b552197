// briefkit's benchmark: builds generated briefings with briefkit, marp-cli and md-to-pdf, alternating the
// tools within one run, and prints medians, peak memory, and every target of issue 6 as met / not met.
//
// Every time is from runs that nothing observes (wall time from spawn to exit, like /usr/bin/time); every peak
// memory figure is from separate runs of the same command whose process tree is sampled (measure.mjs).
//
// Usage: npm run bench [-- --quick] [-- --rounds N] [-- --memory-runs N] [-- --only floor,seed,batch,ideal,incremental,large,serve] [-- --record]
//   full (default): 5 rounds, 2 memory runs per case, 750/1,500 sections twice (timed) and once (memory), 10 saves
//   --quick:        2 rounds, 1 memory run per briefkit case, 750/1,500 sections once (timed only), 5 saves
import { execFileSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { briefing, seed, writeCase } from './generate.mjs';
import { memory, time } from './measure.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..');
const chromium = process.env.CHROME_PATH ?? process.env.PUPPETEER_EXECUTABLE_PATH ?? '/usr/bin/chromium';
const env = { CHROME_PATH: chromium, PUPPETEER_EXECUTABLE_PATH: chromium, PUPPETEER_SKIP_DOWNLOAD: '1' };
const argv = process.argv.slice(2);
const flag = (name) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);
const quick = argv.includes('--quick');
const rounds = Number(flag('--rounds')) || (quick ? 2 : 5);
const memoryRuns = Number(flag('--memory-runs')) || (quick ? 1 : 2);
const largeRounds = quick ? 1 : 2;
const largeMemory = !quick;
const saves = quick ? 5 : 10;
const groups = new Set((flag('--only') ?? 'floor,seed,batch,ideal,incremental,large,serve').split(','));
const node = process.execPath;
const cli = path.join(repo, 'dist/bin/briefkit.js');
const marp = path.join(here, 'node_modules/.bin/marp');
const mdToPdf = path.join(here, 'node_modules/.bin/md-to-pdf');
for (const [what, file] of [['briefkit (npm run compile)', cli], ['marp-cli (cd bench && npm install)', marp], ['md-to-pdf (cd bench && npm install)', mdToPdf]]) {
  if (!existsSync(file)) throw new Error(`Missing ${what}: ${file}`);
}

const work = mkdtempSync(path.join(tmpdir(), 'briefkit-bench-'));
const seedCase = path.join(work, 'seed');
const batchCase = path.join(work, 'batch');
const largeCase = path.join(work, 'large');
const halfCase = path.join(work, 'half');
writeCase(seedCase, [['seed', seed(repo)]]);
writeCase(batchCase, Array.from({ length: 20 }, (_, i) => [`brief-${String(i + 1).padStart(2, '0')}`, briefing(`Generated briefing ${i + 1}`, 8, i + 1)]));
if (groups.has('large')) {
  writeCase(largeCase, [['large', briefing('A very large briefing', 1500, 3)]]);
  writeCase(halfCase, [['half', briefing('A large briefing', 750, 3)]]);
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
/** name → { times: [ms], memory: [{ pss, browser }], failures: [message] } in the order cases were first seen. */
const results = new Map();
const entry = (name) => {
  if (!results.has(name)) results.set(name, { times: [], memory: [], failures: [] });
  return results.get(name);
};
const firstLine = (text) => {
  const lines = text.trim().split('\n');
  return (lines.find((l) => /time(d)? ?out/i.test(l)) ?? lines.find((l) => /error|fail/i.test(l)) ?? lines[0] ?? '').trim().slice(0, 200);
};
/** Notes one run: a tool that fails (exit code ≠ 0) is recorded as a failure, never counted. */
function record(name, kind, result) {
  const e = entry(name);
  const label = `  ${kind === 'time' ? 'time  ' : 'memory'} ${name.padEnd(44)}`;
  if (result.code !== 0) {
    e.failures.push(firstLine(result.stderr) || `exit ${result.code}`);
    process.stderr.write(`${label} FAILED (exit ${result.code}): ${firstLine(result.stderr)}\n`);
  } else if (kind === 'time') {
    e.times.push(result.ms);
    process.stderr.write(`${label} ${(result.ms / 1000).toFixed(2)} s\n`);
  } else {
    e.memory.push({ pss: result.peakPssMiB, uss: result.peakUssMiB, browser: result.browser, foreign: result.foreign });
    process.stderr.write(`${label} ${result.peakPssMiB.toFixed(0)} MiB PSS (${result.peakUssMiB.toFixed(0)} MiB USS, ${result.peakRssMiB.toFixed(0)} MiB RSS; sampler ${(100 * result.samplerShare).toFixed(0)}% of a core; ${result.foreign} other Chromium processes running)${result.browser ? '' : ', no browser'}\n`);
  }
  return result;
}
const fresh = (dir) => {
  rmSync(dir, { recursive: true, force: true });
  return dir;
};
const pdfsIn = (dir) => readdirSync(dir, { recursive: true }).filter((f) => String(f).endsWith('.pdf')).length;

// A case is a command; `how` is time or memory.
const briefkitBuild = (how, src, out, extra = []) => how(node, [cli, 'build', src, '--out', out, '--quiet', '--no-config', ...extra], { cwd: repo, env });
// md-to-pdf as its README shows it: run in the folder, `md-to-pdf *.md`. It writes each PDF beside its source;
// those are removed first so every run starts alike (an earlier harness passed the whole folder, so from the
// second round on md-to-pdf was also asked to convert its own PDFs as Markdown, and those pages timed out).
// --launch-options only names the system Chromium (and --no-sandbox as root, as for every tool here).
const mdToPdfRun = (how, dir) => {
  for (const f of readdirSync(dir)) if (f.endsWith('.pdf')) rmSync(path.join(dir, f));
  const launch = { executablePath: chromium, args: process.getuid?.() === 0 ? ['--no-sandbox'] : [] };
  return how(mdToPdf, ['--launch-options', JSON.stringify(launch), ...readdirSync(dir).filter((f) => f.endsWith('.md')).sort()], { cwd: dir, env });
};
const marpRun = (how, args) => how(marp, ['--pdf', '--no-stdin', '--browser-path', chromium, ...args], { env });
const compared = {
  'cold floor': { group: 'floor', run: (how) => how(node, [path.join(here, 'cold-floor.mjs')], { env }) },
  'seed: briefkit (all formats)': { group: 'seed', run: (how) => briefkitBuild(how, path.join(seedCase, 'briefkit'), fresh(path.join(work, 'out-seed')), ['--no-cache']) },
  'seed: marp-cli (deck PDF)': { group: 'seed', run: (how) => marpRun(how, [path.join(seedCase, 'marp/seed.md'), '-o', path.join(fresh(path.join(work, 'out-marp-seed')), 'seed.pdf')]) },
  'seed: md-to-pdf (report PDF)': { group: 'seed', run: (how) => mdToPdfRun(how, path.join(seedCase, 'essay')) },
  '20: briefkit (all formats)': { group: 'batch', run: (how) => briefkitBuild(how, path.join(batchCase, 'briefkit'), fresh(path.join(work, 'out-20')), ['--no-cache']) },
  '20: marp-cli (20 deck PDFs, one call)': { group: 'batch', run: (how) => marpRun(how, ['--input-dir', path.join(batchCase, 'marp'), '-o', fresh(path.join(work, 'out-marp-20'))]) },
  '20: md-to-pdf (20 report PDFs, one call)': { group: 'batch', run: (how) => mdToPdfRun(how, path.join(batchCase, 'essay')) },
};
const active = Object.entries(compared).filter(([, c]) => groups.has(c.group));

const started = new Date();
const loadAtStart = loadavg().map((x) => x.toFixed(1)).join(' ');
console.error(`briefkit bench (${quick ? 'quick' : 'full'}): ${rounds} timed rounds, ${memoryRuns} memory run(s) per case, in ${work}; load average ${loadAtStart}`);

// 1. The tools side by side, timed, alternating the order each round so none always runs on a warmer cache.
for (let round = 0; round < rounds; round += 1) {
  console.error(`timed round ${round + 1}/${rounds}`);
  const order = round % 2 === 0 ? active : [...active].reverse();
  for (const [name, c] of order) record(name, 'time', await c.run(time));
}
// 2. The same commands again, sampled for memory (these runs are not timed); --quick samples briefkit's only.
for (let run = 0; run < memoryRuns; run += 1) for (const [name, c] of active) if (!quick || name.includes('briefkit')) record(name, 'memory', await c.run(memory));

// 3. The ideal for 20: one launch and one warm print per PDF briefkit made, from briefkit's own HTML.
const out20 = path.join(work, 'out-20');
let pdfs20 = NaN;
if (groups.has('ideal')) {
  if (!existsSync(path.join(out20, 'index.html'))) await briefkitBuild(time, path.join(batchCase, 'briefkit'), fresh(out20), ['--no-cache']);
  const htmlFor20 = readdirSync(out20).flatMap((slug) => {
    const dir = path.join(out20, slug);
    if (!existsSync(path.join(dir, 'deck.html'))) return [];
    // deck.pdf and handout.pdf from the deck page, report.pdf from the report page.
    return [path.join(dir, 'deck.html'), path.join(dir, 'deck.html'), path.join(dir, 'report.html')];
  });
  pdfs20 = pdfsIn(out20);
  const ideal = (how) => how(node, [path.join(here, 'warm-prints.mjs'), ...htmlFor20.slice(0, pdfs20)], { env });
  for (let round = 0; round < rounds; round += 1) record('20: one launch + one warm print per PDF', 'time', await ideal(time));
  for (let run = 0; run < memoryRuns; run += 1) record('20: one launch + one warm print per PDF', 'memory', await ideal(memory));
}

// 4. Incremental: nothing changed, then one of 20 changed.
let rebuilt = [];
if (groups.has('incremental')) {
  const incOut = path.join(work, 'out-inc');
  const src = path.join(batchCase, 'briefkit');
  await briefkitBuild(time, src, fresh(incOut));
  for (let round = 0; round < rounds; round += 1) record('20: rebuild, nothing changed', 'time', await briefkitBuild(time, src, incOut));
  for (let run = 0; run < memoryRuns; run += 1) record('20: rebuild, nothing changed', 'memory', await briefkitBuild(memory, src, incOut));
  const oneChanged = async (how, n) => {
    appendFileSync(path.join(src, 'brief-07.md'), `\nEdit ${how === time ? 't' : 'm'}${n}.\n`);
    // Not --quiet: its summary line says how many documents were rebuilt.
    const result = await how(node, [cli, 'build', src, '--out', incOut, '--no-config'], { cwd: repo, env });
    rebuilt.push(/\((\d+) unchanged, (\d+) rebuilt/.exec(result.stderr)?.slice(1).map(Number) ?? [NaN, NaN]);
    return result;
  };
  for (let round = 0; round < rounds; round += 1) record('20: rebuild, one of 20 changed', 'time', await oneChanged(time, round));
  for (let run = 0; run < memoryRuns; run += 1) record('20: rebuild, one of 20 changed', 'memory', await oneChanged(memory, run));
}

// 5. Large documents: 750 and 1,500 sections, to see that cost grows linearly with pages.
const pagesOf = (file) => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1] ?? 0);
const pages = (dir, slug) => ['deck.pdf', 'report.pdf', 'handout.pdf'].map((f) => path.join(dir, slug, f)).filter(existsSync).reduce((sum, f) => sum + pagesOf(f), 0);
let halfPages = NaN;
let largePages = NaN;
let printTimeouts = 0;
if (groups.has('large')) {
  const large = {
    '750 sections: briefkit (all formats)': (how) => briefkitBuild(how, path.join(halfCase, 'briefkit'), fresh(path.join(work, 'out-half')), ['--no-cache']),
    '1,500 sections: briefkit (all formats)': (how) => briefkitBuild(how, path.join(largeCase, 'briefkit'), fresh(path.join(work, 'out-large')), ['--no-cache']),
  };
  const runs = [...Array(largeRounds).fill(time), ...(largeMemory ? [memory] : [])];
  for (const how of runs) {
    for (const [name, run] of Object.entries(large)) {
      const result = record(name, how === time ? 'time' : 'memory', await run(how));
      if (/time(d)? ?out/i.test(result.stderr)) printTimeouts += 1;
    }
  }
  halfPages = pages(path.join(work, 'out-half'), 'half');
  largePages = pages(path.join(work, 'out-large'), 'large');
}

// 6. Live reload: from saving a source to the open deck and report pages having reloaded with the change.
let serve;
if (groups.has('serve')) {
  console.error(`serve latency: ${saves} saves`);
  const result = await time(node, [path.join(here, 'serve-latency.mjs'), path.join(work, 'serve'), String(saves)], { cwd: repo, env });
  if (result.code === 0) {
    serve = JSON.parse(result.stdout.trim().split('\n').pop());
    process.stderr.write(`  deck ${serve.deck.join(' ')} ms; report ${serve.report.join(' ')} ms; html rebuilt ${serve.built.join(' ')} ms; after a restart ${JSON.stringify(serve.afterRestart)}\n`);
  } else {
    entry('serve: save → deck and report pages reloaded').failures.push(firstLine(result.stderr));
    process.stderr.write(`  serve latency FAILED (exit ${result.code}): ${firstLine(result.stderr)}\n`);
  }
}

// Report.
const has = (name) => results.has(name) && results.get(name).times.length > 0;
const m = (name) => (has(name) ? median(results.get(name).times) : NaN);
const peak = (name, key = 'pss') => (results.get(name)?.memory.length ? Math.max(...results.get(name).memory.map((r) => r[key])) : NaN);
const secs = (ms) => (Number.isFinite(ms) ? `${(ms / 1000).toFixed(2)} s` : 'n/a');
const mib = (x) => (Number.isFinite(x) ? `${x.toFixed(0)} MiB` : 'n/a');
const x = (r) => (Number.isFinite(r) ? `${r.toFixed(2)}x` : 'n/a');
const rows = [...results.entries()].map(([name, e]) => {
  const range = e.times.length > 1 ? ` (${(Math.min(...e.times) / 1000).toFixed(2)}–${(Math.max(...e.times) / 1000).toFixed(2)})` : '';
  const mem = e.memory.length ? `${mib(peak(name))} (${mib(peak(name, 'uss'))})${e.memory.some((r) => r.browser) ? '' : ', no browser'}` : quick ? 'not sampled (--quick)' : 'n/a';
  const failures = e.failures.length ? ` ${e.failures.length} failed: ${e.failures[0]}` : '';
  return `| ${name} | ${secs(m(name))}${range} | ${e.times.length} | ${mem} | ${e.memory.length} |${failures} |`;
});
if (serve) {
  const both = serve.deck.map((d, i) => Math.max(d, serve.report[i]));
  rows.push(`| serve: save → report page reloaded | ${median(serve.report).toFixed(0)} ms (${Math.min(...serve.report)}–${Math.max(...serve.report)}) | ${saves} | | | HTML rebuilt and reload sent after ${median(serve.built).toFixed(0)} ms (median) |`);
  rows.push(`| serve: save → deck page reloaded | ${median(serve.deck).toFixed(0)} ms (${Math.min(...serve.deck)}–${Math.max(...serve.deck)}) | ${saves} | | | |`);
  const r = serve.afterRestart;
  if (r) rows.push(`| serve: first save after restarting on up-to-date output → report / deck reloaded | ${r.report} / ${r.deck} ms | 1 | | | HTML rebuilt and reload sent after ${r.built} ms |`);
  serve.both = median(both);
}

const floor = m('cold floor');
const seedRatio = m('seed: briefkit (all formats)') / floor;
const others20 = m('20: marp-cli (20 deck PDFs, one call)') + m('20: md-to-pdf (20 report PDFs, one call)');
const ratio20 = m('20: briefkit (all formats)') / others20;
const ideal20 = m('20: briefkit (all formats)') / m('20: one launch + one warm print per PDF');
const nothing = m('20: rebuild, nothing changed');
const nothingBrowser = results.get('20: rebuild, nothing changed')?.memory.some((r) => r.browser);
const nothingMemoryRuns = results.get('20: rebuild, nothing changed')?.memory.length ?? 0;
const perPageHalf = m('750 sections: briefkit (all formats)') / halfPages;
const perPageLarge = m('1,500 sections: briefkit (all formats)') / largePages;
const large = m('1,500 sections: briefkit (all formats)');
const largeFailed = results.get('1,500 sections: briefkit (all formats)')?.failures.length ?? 0;
const peak20 = peak('20: briefkit (all formats)');
const verdict = (value, ok) => (Number.isFinite(value) ? (ok ? 'met' : '**not met**') : 'not measured');
const oneRebuilt = rebuilt.length > 0 && rebuilt.every(([unchanged, n]) => unchanged === 19 && n === 1);
const targets = [
  `| seed, cold, all formats ÷ cold floor | ${x(seedRatio)} (${secs(m('seed: briefkit (all formats)'))} ÷ ${secs(floor)}) | ≤ 1.3x | ${verdict(seedRatio, seedRatio <= 1.3)} |`,
  `| (reference) seed: marp-cli ÷ cold floor; md-to-pdf ÷ cold floor, one PDF each | ${x(m('seed: marp-cli (deck PDF)') / floor)}; ${x(m('seed: md-to-pdf (report PDF)') / floor)} | | |`,
  `| 20 briefings ÷ (marp-cli 20 + md-to-pdf 20) | ${Number.isFinite(ratio20) ? ratio20.toFixed(2) : 'n/a'} (${secs(m('20: briefkit (all formats)'))} ÷ ${secs(others20)}) | ≤ 0.25 | ${verdict(ratio20, ratio20 <= 0.25)} |`,
  `| 20 briefings ÷ ideal (one launch + one warm print per PDF, ${pdfs20} PDFs) | ${x(ideal20)} | ≤ 1.3x | ${verdict(ideal20, ideal20 <= 1.3)} |`,
  `| rebuild of 20, nothing changed | ${secs(nothing)}, ${nothingMemoryRuns ? (nothingBrowser ? 'a browser was started' : 'no browser started') : 'browser not checked'} | < 0.3 s, no browser | ${verdict(nothing, nothing < 300 && nothingMemoryRuns > 0 && !nothingBrowser)} |`,
  `| rebuild of 20, one changed | ${rebuilt.length ? rebuilt.map(([u, n]) => `${n} rebuilt, ${u} unchanged`).filter((v, i, a) => a.indexOf(v) === i).join('; ') : 'n/a'} | that one only | ${rebuilt.length ? (oneRebuilt ? 'met' : '**not met**') : 'not measured'} |`,
  `| peak memory, 20 briefings, node + Chromium (PSS) | ${mib(peak20)} | < 600 MiB | ${verdict(peak20, peak20 < 600)} |`,
  `| 1,500 sections (${largePages} PDF pages), all formats | ${secs(large)}${largeFailed ? `, ${largeFailed} run(s) failed` : ''}${printTimeouts ? `, ${printTimeouts} print timeout(s)` : ''} | < 30 s, no print timeout | ${verdict(large, large < 30_000 && largeFailed === 0 && printTimeouts === 0)} |`,
  `| cost per PDF page, 1,500 ÷ 750 sections (${Number.isFinite(perPageLarge) ? perPageLarge.toFixed(1) : 'n/a'} vs ${Number.isFinite(perPageHalf) ? perPageHalf.toFixed(1) : 'n/a'} ms/page) | ${x(perPageLarge / perPageHalf)} | ≤ 1.25x (linear) | ${verdict(perPageLarge / perPageHalf, perPageLarge / perPageHalf <= 1.25)} |`,
  `| serve: save → changed deck and report pages reloaded (median of the later of the two) | ${serve ? `${serve.both.toFixed(0)} ms` : 'n/a'} | ≤ 300 ms | ${verdict(serve?.both ?? NaN, serve?.both <= 300)} |`,
];
const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${execFileSync(chromium, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim().split('\n').pop()}`;
const foreign = Math.max(0, ...[...results.values()].flatMap((e) => e.memory.map((r) => r.foreign)));
const foreignNote = foreign > 0 ? ` **${foreign} Chromium processes of other programs were running during memory runs, so PSS reads low; compare USS, or re-run on a quiet machine.**` : '';
const report = `Run ${started.toISOString()} (${quick ? '--quick' : 'full'}, ${((Date.now() - started.getTime()) / 60000).toFixed(1)} min) on ${machine}; load average ${loadAtStart} at the start, ${loadavg().map((v) => v.toFixed(1)).join(' ')} at the end.
Times are medians of runs nothing observed (wall time, spawn to exit). Peak memory is the largest sum over the whole process tree (node + every Chromium process) in separate runs sampled every 100 ms or more (see measure.mjs), which are not timed: PSS (shared pages split between the processes sharing them; it reads lower while other Chromiums run on the machine) and USS (private pages only, a lower bound).${foreignNote}

| case | time: median (min–max) | timed runs | peak memory, whole tree: PSS (USS) | memory runs | notes |
| --- | --- | --- | --- | --- | --- |
${rows.join('\n')}

| target (issue 6) | measured | goal | |
| --- | --- | --- | --- |
${targets.join('\n')}
`;
console.log(report);
if (argv.includes('--record')) writeFileSync(path.join(here, 'last-run.md'), report);
rmSync(work, { recursive: true, force: true });
