import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, runCli } from '../helpers/cli.js';
import { tempDir, writeFiles } from '../helpers/fixtures.js';
import { pdfInfo } from '../helpers/pdf.js';
import { childProcesses } from '../helpers/processes.js';

const outputs = ['deck.html', 'deck.pdf', 'report.html', 'report.pdf'];

function docs(prefix: string, count: number, version: string): Record<string, string> {
  const body = Array.from({ length: 2 }, (_, i) => `## Part ${i + 1}\n\n${'Filler text for a page. '.repeat(30)}\n`).join('\n');
  return Object.fromEntries(Array.from({ length: count }, (_, i) => [`${prefix}${i + 1}.md`, `---\ntitle: ${prefix} ${i + 1} ${version}\n---\n${body}`]));
}

/** Every file under a folder, recursively. */
function allFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? allFiles(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

/** Fails unless every PDF under `dir` is whole: poppler reads it and pdf-lib parses every page. */
async function expectEveryPdfWhole(dir: string): Promise<number> {
  const pdfs = allFiles(dir).filter((f) => f.endsWith('.pdf'));
  for (const file of pdfs) {
    expect(Number(pdfInfo(file).Pages), file).toBeGreaterThan(0);
    const pdf = await PDFDocument.load(readFileSync(file));
    expect(pdf.getPageCount(), file).toBeGreaterThan(0);
  }
  return pdfs.length;
}

/** Starts the CLI; resolves with its exit code and stderr. `onLine` sees stderr as it arrives. */
function startCli(args: string[], onLine?: (text: string, pid: number) => void, env?: NodeJS.ProcessEnv) {
  const child = spawn(process.execPath, [path.join(repoRoot, 'dist/bin/briefkit.js'), ...args], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'], env: env ?? process.env });
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (text: string) => {
    stderr += text;
    onLine?.(text, child.pid ?? 0);
  });
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stderr })));
  return { child, done };
}

describe('a build killed with SIGKILL half-way', () => {
  const src = tempDir();
  const out = tempDir();
  let killed: { code: number | null; signal: NodeJS.Signals | null; stderr: string };
  let before: Map<string, number>;

  beforeAll(async () => {
    writeFiles(src, docs('doc', 3, 'v1'));
    expect(runCli(['build', src, '--out', out]).code).toBe(0);
    before = new Map(allFiles(out).map((f) => [f, statSync(f).size]));
    writeFiles(src, docs('doc', 3, 'v2'));
    const run = startCli(['build', src, '--out', out], (text, pid) => {
      if (!/^built /m.test(text)) return;
      // Kill the build at once after its first document, while the others are printing and being written.
      const browsers = childProcesses(/chrom/i, pid);
      process.kill(pid, 'SIGKILL');
      for (const b of browsers) {
        try {
          process.kill(b, 'SIGKILL');
        } catch {
          // Gone already: a print's compositor process lives only as long as its print.
        }
      }
    });
    killed = await run.done;
  }, 400_000);

  it('was really killed in the middle', () => {
    expect(killed.signal).toBe('SIGKILL');
    expect(killed.stderr).toMatch(/^built /m);
    expect(killed.stderr).not.toMatch(/documents built/);
  });

  it('leaves every PDF in the output folder whole and every earlier output in place', async () => {
    const pdfsBefore = [...before.keys()].filter((f) => f.endsWith('.pdf')).length;
    expect(pdfsBefore).toBeGreaterThanOrEqual(8);
    expect(await expectEveryPdfWhole(out)).toBe(pdfsBefore);
    for (const file of before.keys()) expect(existsSync(file), file).toBe(true);
    for (let n = 1; n <= 3; n += 1) for (const name of outputs) expect(existsSync(path.join(out, `doc${n}`, name))).toBe(true);
    expect(readFileSync(path.join(out, 'index.html'), 'utf8')).toMatch(/<\/html>\s*$/);
  });

  it('lets the next build take over the dead build\'s lock and clean up its temporary files', { timeout: 240_000 }, async () => {
    const next = runCli(['build', src, '--out', out]);
    expect(next.code).toBe(0);
    expect(allFiles(out).filter((f) => /\.tmp$|\.briefkit\.lock$/.test(f))).toEqual([]);
    expect(readFileSync(path.join(out, 'doc3/report.html'), 'utf8')).toContain('doc 3 v2');
    await expectEveryPdfWhole(out);
  });
});

describe('two builds into the same output folder at once', () => {
  it('run one after the other, and both leave whole outputs', { timeout: 240_000 }, async () => {
    const a = tempDir();
    const b = tempDir();
    const out = tempDir();
    writeFiles(a, docs('alpha', 1, 'a'));
    writeFiles(b, docs('beta', 1, 'b'));
    const args = ['--out', out, '--formats', 'report-pdf,deck-html'];
    const [first, second] = await Promise.all([startCli(['build', a, ...args]).done, startCli(['build', b, ...args]).done]);
    expect([first.code, second.code]).toEqual([0, 0]);
    expect(first.stderr + second.stderr).toMatch(/Another build \(process \d+\) is writing to .*; waiting for it to finish\./);
    expect(await expectEveryPdfWhole(out)).toBe(2);
    for (const slug of ['alpha1', 'beta1']) for (const name of ['report.pdf', 'deck.html']) expect(existsSync(path.join(out, slug, name)), `${slug}/${name}`).toBe(true);
    expect(readFileSync(path.join(out, 'index.html'), 'utf8')).toMatch(/<\/html>\s*$/);
    expect(existsSync(path.join(out, '.briefkit.lock'))).toBe(false);
  });
});

describe('a build stopped with Ctrl-C', () => {
  it('exits 130 at once, with no browser left running and no browser profile left in the temporary folder', async () => {
    const src = tempDir();
    const temp = tempDir();
    writeFiles(src, docs('doc', 4, 'v1'));
    let browsers: number[] = [];
    const run = startCli(['build', src, '--out', tempDir(), '--no-cache'], (text, pid) => {
      if (!/^built /m.test(text) || browsers.length > 0) return;
      browsers = childProcesses(/chrom/i, pid);
      process.kill(pid, 'SIGINT');
    }, { ...process.env, TMPDIR: temp });
    const stopped = await run.done;
    expect(stopped.code).toBe(130);
    expect(stopped.stderr).toMatch(/^stopped: /m);
    expect(browsers.length).toBeGreaterThan(0);
    // Ended: gone, or a zombie left for whoever reaps the orphans.
    const running = (pid: number): boolean => existsSync(`/proc/${pid}`) && !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
    await expect.poll(() => browsers.filter(running), { timeout: 5_000 }).toEqual([]);
    expect(readdirSync(temp).filter((name) => name.startsWith('briefkit-chromium-'))).toEqual([]);
  }, 120_000);
});
