import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { lockFileName } from '../../src/output/output-lock.js';
import { tempDir } from '../helpers/fixtures.js';

const lockModule = pathToFileURL(path.resolve('dist/output/output-lock.js')).href;

/** One process that takes the lock, logs `in` and `out` around a short stay, and releases it. */
function holdOnce(outDir: string, log: string): Promise<number | null> {
  const script = `
    import { appendFileSync } from 'node:fs';
    const { acquireOutputLock } = await import(${JSON.stringify(lockModule)});
    const release = await acquireOutputLock(${JSON.stringify(outDir)}, { timeoutMs: 20000 });
    appendFileSync(${JSON.stringify(log)}, 'in ' + process.pid + '\\n');
    await new Promise((resolve) => setTimeout(resolve, 40));
    appendFileSync(${JSON.stringify(log)}, 'out ' + process.pid + '\\n');
    await release();`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: 'inherit' });
  return new Promise((resolve) => child.on('exit', (code) => resolve(code)));
}

/** A process id that is not running (far above any real pid_max). */
const deadPid = 2 ** 22 + 12345;

describe('the output folder lock, taken by several processes at once', () => {
  it.each([
    ['free', false],
    ['left by a killed build', true],
  ])('is held by one process at a time when it was %s', { timeout: 120_000 }, async (_, stale) => {
    for (let round = 0; round < 4; round += 1) {
      const out = tempDir();
      if (stale) writeFileSync(path.join(out, lockFileName), JSON.stringify({ pid: deadPid, host: hostname(), since: '2026-01-01T00:00:00Z' }));
      const log = path.join(tempDir(), 'log');
      expect(await Promise.all([0, 1, 2, 3].map(() => holdOnce(out, log)))).toEqual([0, 0, 0, 0]);
      const lines = readFileSync(log, 'utf8').trim().split('\n');
      expect(lines).toHaveLength(8);
      for (let i = 0; i < lines.length; i += 2) {
        expect(lines[i], `round ${round}: ${lines.join(', ')}`).toMatch(/^in /);
        expect(lines[i + 1]).toBe(lines[i]!.replace('in', 'out'));
      }
    }
  });
});
