import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { BrowserService } from '../../src/browser/browser-service.js';
import { build, type BuildResult } from '../../src/index.js';
import { runCli } from '../helpers/cli.js';
import { tempDir, writeFiles } from '../helpers/fixtures.js';
import { pdfInfo } from '../helpers/pdf.js';
import { childProcesses } from '../helpers/processes.js';

function doc(n: number): string {
  const sections = Array.from({ length: 8 }, (_, i) => `## Part ${i + 1}\n\n${'Sentence of filler text for the page. '.repeat(40)}\n`).join('\n');
  return `---\ntitle: Document ${n}\n---\n${sections}`;
}

describe('a browser that dies in the middle of a batch', () => {
  let out: string;
  let result: BuildResult;
  const killed: number[] = [];

  beforeAll(async () => {
    const src = tempDir();
    out = tempDir();
    writeFiles(src, Object.fromEntries(Array.from({ length: 5 }, (_, i) => [`doc${i + 1}.md`, doc(i + 1)])));
    // Kill Chromium (SIGKILL, like a crash or the OOM killer) as the second tab job starts, while the first is printing
    // (documents printed together finish together, so none finishes before the others).
    const withPage = BrowserService.prototype.withPage;
    let started = 0;
    const jobs = vi.spyOn(BrowserService.prototype, 'withPage').mockImplementation(function (this: BrowserService, fn, options) {
      return withPage.call(this, (page) => {
        started += 1;
        if (started === 2 && killed.length === 0) {
          for (const pid of childProcesses(/chrom/i)) {
            process.kill(pid, 'SIGKILL');
            killed.push(pid);
          }
        }
        return fn(page);
      }, options) as ReturnType<typeof withPage>;
    });
    afterAll(() => jobs.mockRestore());
    result = await build({
      root: src,
      paths: [src],
      outDir: out,
      formats: ['report-pdf', 'deck-pdf'],
    });
  });

  it('restarts the browser and builds every document, retrying the ones that were printing', () => {
    expect(killed.length).toBeGreaterThan(0);
    expect(result.failures.map((f) => String(f.error))).toEqual([]);
    expect(result.documents).toHaveLength(5);
    for (let n = 1; n <= 5; n += 1) {
      for (const name of ['report.pdf', 'deck.pdf']) {
        const file = path.join(out, `doc${n}`, name);
        expect(existsSync(file), file).toBe(true);
        expect(Number(pdfInfo(file).Pages)).toBeGreaterThan(1);
      }
    }
    const retried = result.documents.filter((d) => d.warnings.some((w) => /browser died or stopped responding .* second try/.test(w.message)));
    expect(retried.length).toBeGreaterThan(0);
  });
});

describe('a tab that hangs', () => {
  it('is given up after the DevTools timeout, retried once, reported, and the rest of the batch is built', { timeout: 300_000 }, () => {
    const src = tempDir();
    const out = tempDir();
    writeFiles(src, {
      'good.md': '---\ntitle: Good\n---\n## A\n\nFine.\n',
      // A script that never ends (only possible with --trust-html) hangs its tab.
      'hang.md': '---\ntitle: Hangs\n---\n## A\n\n<script>while (true) {}</script>\n',
    });
    const run = runCli(['build', src, '--out', out, '--formats', 'report-pdf', '--trust-html'], { env: { BRIEFKIT_PROTOCOL_TIMEOUT_MS: '8000' } });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/hang\.md: The browser died or stopped responding while printing this document, and again on the retry: .*timed out.*\n {2}It was retried once in a fresh tab/);
    expect(Number(pdfInfo(path.join(out, 'good/report.pdf')).Pages)).toBeGreaterThan(0);
    expect(existsSync(path.join(out, 'hang'))).toBe(false);
  });
});
