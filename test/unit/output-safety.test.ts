import { existsSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { launchArgs } from '../../src/browser/launch-args.js';
import { acquireOutputLock, lockFileName } from '../../src/output/output-lock.js';
import { removeStaleTempFiles } from '../../src/output/remove-stale-temp-files.js';
import { tempDir, writeFiles } from '../helpers/fixtures.js';

/** A process id that is not running (far above any real pid_max). */
const deadPid = 2 ** 22 + 12345;

describe('the output folder lock', () => {
  it('is taken, held against a second taker, and released', async () => {
    const out = tempDir();
    const release = await acquireOutputLock(out);
    expect(JSON.parse(readFileSync(path.join(out, lockFileName), 'utf8')).pid).toBe(process.pid);
    const waits: number[] = [];
    await expect(acquireOutputLock(out, { timeoutMs: 300, onWait: (o) => waits.push(o.pid) })).rejects.toThrow(/Another build \(process \d+ on .*\) is still writing to/);
    expect(waits).toEqual([process.pid]);
    await release();
    expect(existsSync(path.join(out, lockFileName))).toBe(false);
  });

  it('waits for a lock it cannot read yet instead of taking it for a dead build\'s', async () => {
    const out = tempDir();
    writeFileSync(path.join(out, lockFileName), '');
    await expect(acquireOutputLock(out, { timeoutMs: 300 })).rejects.toThrow(/Another build is still writing to/);
    const old = new Date(Date.now() - 60_000);
    utimesSync(path.join(out, lockFileName), old, old);
    const release = await acquireOutputLock(out, { timeoutMs: 300 });
    await release();
  });

  it('takes over a lock left by a build that was killed', async () => {
    const out = tempDir();
    writeFileSync(path.join(out, lockFileName), JSON.stringify({ pid: deadPid, host: hostname(), since: '2026-01-01T00:00:00Z' }));
    const release = await acquireOutputLock(out, { timeoutMs: 1000 });
    expect(JSON.parse(readFileSync(path.join(out, lockFileName), 'utf8')).pid).toBe(process.pid);
    await release();
  });
});

describe('temporary files of killed builds', () => {
  it('are removed, while those of running builds and real outputs stay', async () => {
    const out = tempDir();
    writeFiles(out, {
      [`doc/.report.pdf.${deadPid}.0a1b2c3d.tmp`]: 'half a pdf',
      [`.index.html.${deadPid}.ffffffff.tmp`]: 'half',
      [`doc/.deck.pdf.${process.pid}.0a1b2c3d.tmp`]: 'being written',
      'doc/report.pdf': 'whole',
    });
    const removed = await removeStaleTempFiles(out);
    expect(removed.map((f) => path.relative(out, f)).sort()).toEqual([`.index.html.${deadPid}.ffffffff.tmp`, `doc/.report.pdf.${deadPid}.0a1b2c3d.tmp`]);
    expect(existsSync(path.join(out, `doc/.deck.pdf.${process.pid}.0a1b2c3d.tmp`))).toBe(true);
    expect(existsSync(path.join(out, 'doc/report.pdf'))).toBe(true);
  });
});

describe('Chromium launch switches', () => {
  it('keep the sandbox unless running as root, and send all traffic to a dead proxy', () => {
    expect(launchArgs(false)).not.toContain('--no-sandbox');
    expect(launchArgs(true)).toContain('--no-sandbox');
    expect(launchArgs(false)).toEqual(expect.arrayContaining(['--proxy-server=http://127.0.0.1:9', '--proxy-bypass-list=<-loopback>']));
  });
});
