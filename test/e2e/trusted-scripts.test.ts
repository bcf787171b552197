import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BrowserService } from '../../src/browser/browser-service.js';
import { runCli } from '../helpers/cli.js';
import { tempDir, writeFiles } from '../helpers/fixtures.js';
import { flat, pdfPages } from '../helpers/pdf.js';

describe('trusted HTML that draws with scripts', () => {
  it('is printed after what its scripts drew in requestAnimationFrame', { timeout: 120_000 }, () => {
    const dir = tempDir();
    writeFiles(dir, {
      'brief.md':
        '---\ntitle: Scripted\n---\n## Chart\n\n<p id="plot">not drawn</p>\n\n' +
        '<script>requestAnimationFrame(() => { document.getElementById("plot").textContent = "Drawn in a frame"; });</script>\n',
    });
    const run = runCli(['build', path.join(dir, 'brief.md'), '--out', path.join(dir, 'out'), '--formats', 'report-pdf', '--trust-html']);
    expect(run.code, run.stderr).toBe(0);
    const text = flat(pdfPages(path.join(dir, 'out/brief/report.pdf')).join(' '));
    expect(text).toContain('Drawn in a frame');
    expect(text).not.toContain('not drawn');
  });

  it("never runs one document's scripts in the next document printed in the same tab", { timeout: 120_000 }, () => {
    const dir = tempDir();
    const plain = (n: number) =>
      `---\ntitle: Plain ${n}\n---\n## Section\n\nNothing scripted here.\n\n<p id="name">x</p>\n\n<script>document.getElementById('name').textContent = 'window name [' + window.name + ']';</script>\n`;
    writeFiles(dir, {
      'a.md':
        '---\ntitle: Scripted\n---\n## Chart\n\nA timer.\n\n' +
        "<script>window.name = 'LEAKED NAME'; addEventListener('beforeunload', (event) => event.preventDefault()); " +
        "setInterval(() => { if (!document.querySelector('.leaked')) document.body.insertAdjacentHTML('afterbegin', '<p class=\"leaked\">LEAKED FROM A</p>'); }, 10);</script>\n",
      'b.md': plain(2),
      'c.md': plain(3),
      'd.md': plain(4),
      'e.md': plain(5),
    });
    const run = runCli(['build', dir, '--out', path.join(dir, 'out'), '--formats', 'report-pdf', '--trust-html']);
    expect(run.code, run.stderr).toBe(0);
    expect(flat(pdfPages(path.join(dir, 'out/a/report.pdf')).join(' '))).toContain('LEAKED FROM A');
    for (const name of ['b', 'c', 'd', 'e']) {
      const text = flat(pdfPages(path.join(dir, `out/${name}/report.pdf`)).join(' '));
      expect(text, name).not.toContain('LEAKED');
      expect(text, name).toContain('window name []');
    }
  });

  it('keeps its tab for the next document when a page asks to stay with a beforeunload prompt', async () => {
    const service = new BrowserService({ maxTabs: 1, drawFrames: true });
    try {
      const first = await service.withPage(async (page) => {
        await page.setContent('<p>Stay</p><script>addEventListener("beforeunload", (event) => { event.preventDefault(); event.returnValue = ""; });</script>');
        // Evaluating gives the page the user activation a beforeunload prompt needs.
        await page.evaluate(() => document.body.click());
        return page;
      });
      const second = await service.withPage(async (page) => {
        expect(await page.evaluate(() => document.body?.textContent ?? '')).toBe('');
        expect(await page.evaluate(() => matchMedia('print').matches)).toBe(true);
        return page;
      });
      expect(second).toBe(first);
    } finally {
      await service.close();
    }
  });
});
