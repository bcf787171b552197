// Runs a command in one of two ways, never both at once:
// - time(): wall time only, with nothing sampling the process (the number every ratio is built from);
// - memory(): a separate run whose whole process tree (node and every Chromium process it starts) is sampled
//   from /proc for its peak PSS. Reading smaps_rollup of ~25 processes every few tens of milliseconds costs
//   about half a core, which on a 2-core machine slowed every case it watched; so its run is never timed.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

function children(pid) {
  const out = [];
  let tasks = [];
  try {
    tasks = readdirSync(`/proc/${pid}/task`);
  } catch {
    return out;
  }
  for (const task of tasks) {
    try {
      for (const child of readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').split(' ').filter(Boolean)) out.push(Number(child));
    } catch {
      // the task ended
    }
  }
  return out;
}

/** The pids of `root` and all its descendants. */
function tree(root) {
  const all = [root];
  for (let i = 0; i < all.length; i += 1) all.push(...children(all[i]));
  return all;
}

/**
 * Proportional set size (shared pages split between the processes sharing them), RSS, and USS (pages private to
 * the process), in KiB. PSS also splits pages shared with processes outside the tree (another Chromium on the
 * machine), so it reads lower on a busy machine; USS does not depend on other processes.
 */
function memoryOf(pid) {
  try {
    const text = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
    const field = (name) => Number(new RegExp(`^${name}:\\s+(\\d+)`, 'm').exec(text)?.[1] ?? 0);
    return { pss: field('Pss'), rss: field('Rss'), uss: field('Private_Clean') + field('Private_Dirty') };
  } catch {
    return { pss: 0, rss: 0, uss: 0 };
  }
}

/** Whether a process has exited and awaits reaping (a zombie holds no memory). */
function isZombie(pid) {
  try {
    return / Z /.test(readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\)/s, ''));
  } catch {
    return true;
  }
}

/**
 * How many Chromium processes run on the machine outside the tree of `root` (they lower its PSS). Zombies are not
 * counted: a killed browser's children wait for PID 1 to reap them, which on some VMs takes seconds.
 */
function foreignChromiums(root) {
  const mine = new Set(tree(root));
  let count = 0;
  for (const name of readdirSync('/proc')) if (/^\d+$/.test(name) && !mine.has(Number(name)) && /chrom/i.test(nameOf(name)) && !isZombie(name)) count += 1;
  return count;
}

/** The command name of a process (`chromium`, `node`), or '' once it has gone. */
function nameOf(pid) {
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
  } catch {
    return '';
  }
}

function run(command, args, { cwd, env } = {}, onStart = () => undefined) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const stop = onStart(child.pid);
    child.on('error', reject);
    let ms = 0;
    let code = null;
    // Timed to the exit of the process itself (as /usr/bin/time does); output is read to its end.
    child.on('exit', (exitCode) => {
      ms = performance.now() - started;
      code = exitCode;
    });
    child.on('close', () => resolve({ ms, code, stdout, stderr, ...stop?.() }));
  });
}

/** Runs `command args` unobserved; resolves with { ms, code, stdout, stderr } (wall time, spawn to exit). */
export function time(command, args, options = {}) {
  return run(command, args, options);
}

/**
 * Runs `command args` while sampling the PSS of its whole process tree every `everyMs` or more; resolves with
 * { ms, code, stdout, stderr, peakPssMiB, peakRssMiB, peakUssMiB, browser, samplerShare } where `browser` says
 * whether any Chromium process was seen, `samplerShare` what fraction of a core the sampling took, and `foreign`
 * how many Chromium processes outside the tree were running when it started. Its `ms` is inflated by the
 * sampling and is not reported.
 */
export function memory(command, args, options = {}, everyMs = 100) {
  return run(command, args, options, (pid) => {
    let peakPss = 0;
    let peakRss = 0;
    let peakUss = 0;
    let browser = false;
    const sample = () => {
      let pss = 0;
      let rss = 0;
      let uss = 0;
      for (const p of tree(pid)) {
        const m = memoryOf(p);
        pss += m.pss;
        rss += m.rss;
        uss += m.uss;
        if (!browser && /chrom/i.test(nameOf(p))) browser = true;
      }
      peakPss = Math.max(peakPss, pss);
      peakRss = Math.max(peakRss, rss);
      peakUss = Math.max(peakUss, uss);
    };
    // Reading smaps_rollup walks every mapping of every process (~25 with Chromium's renderers): a few ms each.
    // The next sample waits at least five times as long as the last one took, so sampling stays under ~1/6 of
    // a core (at 20 ms flat it took half a core and made md-to-pdf's 20 tabs miss its 30 s timeout).
    let timer;
    let stopped = false;
    let spent = 0;
    const first = performance.now();
    const tick = () => {
      const began = performance.now();
      sample();
      const took = performance.now() - began;
      spent += took;
      if (!stopped) timer = setTimeout(tick, Math.max(everyMs, 5 * took));
    };
    tick();
    const foreign = foreignChromiums(pid);
    return () => {
      stopped = true;
      clearTimeout(timer);
      // samplerShare: the fraction of one core the sampling itself used.
      return { peakPssMiB: peakPss / 1024, peakRssMiB: peakRss / 1024, peakUssMiB: peakUss / 1024, browser, samplerShare: spent / (performance.now() - first), foreign };
    };
  });
}
