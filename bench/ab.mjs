// A/B of briefkit builds: cold builds of one source with two or more compiled copies of briefkit, alternated, with
// the median wall time and, where a cgroup can be made (root on Linux), the CPU time of the whole process tree
// (node and every Chromium process, which the build's own rusage misses once Chromium's helpers are re-parented).
//
// Usage: node bench/ab.mjs [--runs N] <source> <dist-folder> <dist-folder> ...
//   e.g. git stash; npm run compile; cp -r dist /tmp/dist-a; git stash pop; npm run compile
//        node bench/ab.mjs --runs 8 content /tmp/dist-a dist
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, rmdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const argv = process.argv.slice(2);
const runsAt = argv.indexOf('--runs');
const runs = runsAt >= 0 ? Number(argv.splice(runsAt, 2)[1]) : 8;
const [source, ...dists] = argv;
if (!source || dists.length < 2) {
  console.error('Usage: node bench/ab.mjs [--runs N] <source> <dist-folder> <dist-folder> ...');
  process.exit(2);
}

/** A cgroup v1 cpuacct or v2 group that counts a command's whole tree, or undefined when none can be made. */
function cpuGroup() {
  for (const [root, file, scale] of [['/sys/fs/cgroup/cpuacct', 'cpuacct.usage', 1e-6], ['/sys/fs/cgroup', 'cpu.stat', 1e-3]]) {
    const dir = path.join(root, `briefkit-ab-${process.pid}`);
    try {
      mkdirSync(dir);
      if (!existsSync(path.join(dir, file))) {
        rmdirSync(dir);
        continue;
      }
      const read = () => {
        const text = readFileSync(path.join(dir, file), 'utf8');
        return Number(file === 'cpu.stat' ? /usage_usec (\d+)/.exec(text)?.[1] : text) * scale;
      };
      return { dir, read, remove: () => rmdirSync(dir) };
    } catch {
      // Not root, or no such hierarchy.
    }
  }
  return undefined;
}

const group = cpuGroup();
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
const results = new Map(dists.map((d) => [d, { wall: [], cpu: [] }]));
const out = mkdtempSync(path.join(tmpdir(), 'briefkit-ab-'));
for (let run = 0; run < runs; run += 1) {
  for (const dist of run % 2 === 0 ? dists : [...dists].reverse()) {
    rmSync(out, { recursive: true, force: true });
    const cli = path.join(dist, 'bin/briefkit.js');
    // The shell joins the group first, so node and Chromium start inside it.
    const join = group ? `echo $$ > ${path.join(group.dir, 'cgroup.procs')}; ` : '';
    const before = group?.read() ?? 0;
    const started = performance.now();
    const result = spawnSync('sh', ['-c', `${join}exec "${process.execPath}" "${cli}" build "${source}" --out "${out}" --no-cache --quiet`], { stdio: ['ignore', 'ignore', 'pipe'] });
    const wall = performance.now() - started;
    // Chromium's last helpers may still be exiting: give their CPU a moment to be counted.
    await new Promise((resolve) => setTimeout(resolve, 300));
    if (result.status !== 0) throw new Error(`${cli} failed: ${result.stderr}`);
    results.get(dist).wall.push(wall);
    if (group) results.get(dist).cpu.push(group.read() - before);
  }
}
group?.remove();
rmSync(out, { recursive: true, force: true });
const [first] = dists;
const base = results.get(first);
const lines = dists.map((dist) => {
  const r = results.get(dist);
  const ratio = (xs, ys) => (median(xs) / median(ys)).toFixed(3);
  return `${dist}: wall ${median(r.wall).toFixed(0)} ms (${ratio(r.wall, base.wall)}x)${group ? `, CPU ${median(r.cpu).toFixed(0)} ms (${ratio(r.cpu, base.cpu)}x)` : ''}`;
});
console.log(`${runs} alternating cold builds of ${source}, medians, ratios to ${first}${group ? '' : ' (no cgroup: wall time only)'}:\n${lines.join('\n')}`);
