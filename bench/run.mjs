// briefkit's benchmark: builds generated briefings with briefkit, marp-cli and md-to-pdf, alternating the
// tools within one run, and prints medians, ratios against the targets and peak memory.
// Usage: npm run bench [-- --rounds N] [-- --quick]
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync, appendFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { briefing, seed, writeCase } from './generate.mjs';
import { measure } from './measure.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..');
const chromium = process.env.CHROME_PATH ?? process.env.PUPPETEER_EXECUTABLE_PATH ?? '/usr/bin/chromium';
const env = { CHROME_PATH: chromium, PUPPETEER_EXECUTABLE_PATH: chromium, PUPPETEER_SKIP_DOWNLOAD: '1' };
const argv = process.argv.slice(2);
const rounds = Number(argv[argv.indexOf('--rounds') + 1]) || (argv.includes('--quick') ? 2 : 5);
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
writeCase(largeCase, [['large', briefing('A very large briefing', 1500, 3)]]);
writeCase(halfCase, [['half', briefing('A large briefing', 750, 3)]]);

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const samples = new Map();
const failed = [];
function record(name, result) {
  if (result.code !== 0) {
    // A tool that fails (md-to-pdf's own 30 s navigation timeout on a loaded machine) is noted, not counted.
    process.stderr.write(`  ${name.padEnd(34)} FAILED (exit ${result.code}): ${result.stderr.trim().split('\n')[0].slice(0, 160)}\n`);
    failed.push(name);
    return;
  }
  if (!samples.has(name)) samples.set(name, []);
  samples.get(name).push(result);
  process.stderr.write(`  ${name.padEnd(34)} ${(result.ms / 1000).toFixed(2)} s  ${result.peakPssMiB.toFixed(0)} MiB\n`);
}
const fresh = (dir) => {
  rmSync(dir, { recursive: true, force: true });
  return dir;
};
const pdfsIn = (dir) => readdirSync(dir, { recursive: true }).filter((f) => String(f).endsWith('.pdf')).length;

const briefkitBuild = (src, out, extra = []) => measure(node, [cli, 'build', src, '--out', out, '--quiet', '--no-config', ...extra], { cwd: repo, env });
const tools = {
  'cold floor': () => measure(node, [path.join(here, 'cold-floor.mjs')], { env }),
  'seed: briefkit (all formats)': () => briefkitBuild(path.join(seedCase, 'briefkit'), fresh(path.join(work, 'out-seed')), ['--no-cache']),
  'seed: marp-cli (deck PDF)': () => measure(marp, ['--pdf', '--no-stdin', '--browser-path', chromium, path.join(seedCase, 'marp/seed.md'), '-o', path.join(fresh(path.join(work, 'out-marp-seed')), 'seed.pdf')], { env }),
  'seed: md-to-pdf (report PDF)': () => measure(mdToPdf, ['--launch-options', JSON.stringify({ executablePath: chromium, args: ['--no-sandbox'] }), path.join(seedCase, 'essay/seed.md')], { env }),
  '20: briefkit (all formats)': () => briefkitBuild(path.join(batchCase, 'briefkit'), fresh(path.join(work, 'out-20')), ['--no-cache']),
  '20: marp-cli (20 deck PDFs)': () => measure(marp, ['--pdf', '--no-stdin', '--browser-path', chromium, '--input-dir', path.join(batchCase, 'marp'), '-o', fresh(path.join(work, 'out-marp-20'))], { env }),
  '20: md-to-pdf (20 report PDFs)': () => measure(mdToPdf, ['--launch-options', JSON.stringify({ executablePath: chromium, args: ['--no-sandbox'] }), ...readdirSync(path.join(batchCase, 'essay')).map((f) => path.join(batchCase, 'essay', f))], { env }),
};

console.error(`briefkit bench: ${rounds} rounds in ${work}`);
for (let round = 0; round < rounds; round += 1) {
  console.error(`round ${round + 1}/${rounds}`);
  // Alternate the order each round so no tool always runs on a warmer page cache.
  const names = Object.keys(tools);
  const order = round % 2 === 0 ? names : [...names].reverse();
  for (const name of order) record(name, await tools[name]());
}

// The ideal for 20: one launch and one warm print per PDF briefkit made, from briefkit's own HTML.
const out20 = path.join(work, 'out-20');
const htmlFor20 = readdirSync(out20).flatMap((slug) => {
  const dir = path.join(out20, slug);
  if (!existsSync(path.join(dir, 'deck.html'))) return [];
  // deck.pdf and handout.pdf from the deck page, report.pdf from the report page.
  return [path.join(dir, 'deck.html'), path.join(dir, 'deck.html'), path.join(dir, 'report.html')];
});
const pdfs20 = pdfsIn(out20);
for (let round = 0; round < rounds; round += 1) record('20: one launch + one warm print per PDF', await measure(node, [path.join(here, 'warm-prints.mjs'), ...htmlFor20.slice(0, pdfs20)], { env }));

// Incremental: nothing changed, then one of 20 changed.
const incOut = path.join(work, 'out-inc');
await briefkitBuild(path.join(batchCase, 'briefkit'), fresh(incOut));
for (let round = 0; round < rounds; round += 1) record('20: rebuild, nothing changed', await briefkitBuild(path.join(batchCase, 'briefkit'), incOut));
let rebuiltOne = '';
for (let round = 0; round < rounds; round += 1) {
  appendFileSync(path.join(batchCase, 'briefkit/brief-07.md'), `\nEdit ${round}.\n`);
  const result = await measure(node, [cli, 'build', path.join(batchCase, 'briefkit'), '--out', incOut, '--no-config'], { cwd: repo, env });
  rebuiltOne = /\((\d+) unchanged, (\d+) rebuilt/.exec(result.stderr)?.slice(1).join(' unchanged, ') ?? result.stderr;
  record('20: rebuild, one of 20 changed', result);
}

// Large documents: 750 and 1,500 sections, to see that cost grows linearly.
const largeRounds = Math.max(1, Math.min(2, rounds));
for (let round = 0; round < largeRounds; round += 1) {
  record('750 sections: briefkit (all formats)', await briefkitBuild(path.join(halfCase, 'briefkit'), fresh(path.join(work, 'out-half')), ['--no-cache']));
  record('1,500 sections: briefkit (all formats)', await briefkitBuild(path.join(largeCase, 'briefkit'), fresh(path.join(work, 'out-large')), ['--no-cache']));
}
const pagesOf = (file) => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1] ?? 0);
const pages = (dir, slug) => ['deck.pdf', 'report.pdf', 'handout.pdf'].map((f) => path.join(dir, slug, f)).filter(existsSync).reduce((sum, f) => sum + pagesOf(f), 0);
const halfPages = pages(path.join(work, 'out-half'), 'half');
const largePages = pages(path.join(work, 'out-large'), 'large');

// Report.
const m = (name) => (samples.has(name) ? median(samples.get(name).map((r) => r.ms)) : NaN);
const peak = (name) => (samples.has(name) ? Math.max(...samples.get(name).map((r) => r.peakPssMiB)) : NaN);
const secs = (ms) => `${(ms / 1000).toFixed(2)} s`;
const rows = [...samples.keys()].map((name) => `| ${name} | ${secs(m(name))} | ${peak(name).toFixed(0)} MiB | ${samples.get(name).length} |`);
const floor = m('cold floor');
const seedRatio = m('seed: briefkit (all formats)') / floor;
const others20 = m('20: marp-cli (20 deck PDFs)') + m('20: md-to-pdf (20 report PDFs)');
const ratio20 = m('20: briefkit (all formats)') / others20;
const ideal20 = m('20: briefkit (all formats)') / m('20: one launch + one warm print per PDF');
const nothing = m('20: rebuild, nothing changed');
const perPageHalf = m('750 sections: briefkit (all formats)') / halfPages;
const perPageLarge = m('1,500 sections: briefkit (all formats)') / largePages;
const check = (ok) => (ok ? 'yes' : '**no**');
const targets = [
  `| seed, cold, all formats ÷ cold floor | ${seedRatio.toFixed(2)}x | ≤ 1.3x | ${check(seedRatio <= 1.3)} |`,
  `| seed: marp-cli ÷ cold floor; md-to-pdf ÷ cold floor | ${(m('seed: marp-cli (deck PDF)') / floor).toFixed(2)}x; ${(m('seed: md-to-pdf (report PDF)') / floor).toFixed(2)}x | (reference) | |`,
  `| 20 briefings ÷ (marp-cli 20 + md-to-pdf 20) | ${ratio20.toFixed(2)} | ≤ 0.25 | ${check(ratio20 <= 0.25)} |`,
  `| 20 briefings ÷ (one launch + one warm print per PDF, ${pdfs20} PDFs) | ${ideal20.toFixed(2)}x | ≤ 1.3x | ${check(ideal20 <= 1.3)} |`,
  `| rebuild of 20, nothing changed | ${secs(nothing)} | < 0.3 s | ${check(nothing < 300)} |`,
  `| rebuild of 20, one changed | ${rebuiltOne} rebuilt | 1 rebuilt | ${check(/19 unchanged, 1/.test(rebuiltOne))} |`,
  `| peak memory, 20 briefings, node + Chromium (PSS) | ${peak('20: briefkit (all formats)').toFixed(0)} MiB | < 600 MiB | ${check(peak('20: briefkit (all formats)') < 600)} |`,
  `| 1,500 sections (${largePages} PDF pages) | ${secs(m('1,500 sections: briefkit (all formats)'))} | < 30 s | ${check(m('1,500 sections: briefkit (all formats)') < 30_000)} |`,
  `| cost per PDF page, 1,500 ÷ 750 sections (${perPageLarge.toFixed(1)} vs ${perPageHalf.toFixed(1)} ms/page) | ${(perPageLarge / perPageHalf).toFixed(2)}x | ≈ 1 (linear) | ${check(perPageLarge / perPageHalf < 1.25)} |`,
];
const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${execFileSync(chromium, ['--version'], { encoding: 'utf8' }).trim().split('\n').pop()}`;
const load = (await import('node:os')).loadavg().map((x) => x.toFixed(1)).join(' ');
const report = `Run ${new Date().toISOString()} on ${machine}; load average at the end ${load}; ${rounds} rounds, medians.${failed.length ? ` Failed runs (not counted): ${failed.join(', ')}.` : ''}

| case | median | peak memory (PSS, whole tree) | runs |
| --- | --- | --- | --- |
${rows.join('\n')}

| target | measured | goal | met |
| --- | --- | --- | --- |
${targets.join('\n')}
`;
console.log(report);
if (argv.includes('--record')) writeFileSync(path.join(here, 'last-run.md'), report);
rmSync(work, { recursive: true, force: true });
