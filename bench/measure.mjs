// Runs a command and measures its wall time and the peak memory of its whole process tree (node and every
// Chromium process it starts), sampled from /proc every 20 ms.
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

function tree(root) {
  const all = [root];
  for (let i = 0; i < all.length; i += 1) all.push(...children(all[i]));
  return all;
}

/** Proportional set size (shared pages split between the processes sharing them) and RSS, in KiB. */
function memoryOf(pid) {
  try {
    const text = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
    return { pss: Number(/^Pss:\s+(\d+)/m.exec(text)?.[1] ?? 0), rss: Number(/^Rss:\s+(\d+)/m.exec(text)?.[1] ?? 0) };
  } catch {
    return { pss: 0, rss: 0 };
  }
}

/** Runs `command args` in `cwd`; resolves with { ms, peakPssMiB, peakRssMiB, code, stdout, stderr }. */
export function measure(command, args, { cwd, env } = {}) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    let peakPss = 0;
    let peakRss = 0;
    const sample = () => {
      let pss = 0;
      let rss = 0;
      for (const pid of tree(child.pid)) {
        const m = memoryOf(pid);
        pss += m.pss;
        rss += m.rss;
      }
      peakPss = Math.max(peakPss, pss);
      peakRss = Math.max(peakRss, rss);
    };
    const timer = setInterval(sample, 20);
    child.on('error', reject);
    child.on('exit', (code) => {
      const ms = performance.now() - started;
      clearInterval(timer);
      resolve({ ms, code, stdout, stderr, peakPssMiB: peakPss / 1024, peakRssMiB: peakRss / 1024 });
    });
  });
}
