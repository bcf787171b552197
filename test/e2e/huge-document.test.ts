import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/index.js';
import { tempDir, writeFiles } from '../helpers/fixtures.js';
import { pdfInfo } from '../helpers/pdf.js';

describe('a huge document', () => {
  // Before, a report this long hit puppeteer's 120 s limit on Page.printToPDF on a busy machine and failed twice.
  it('with 1,500 sections prints its report without a timeout', { timeout: 20 * 60_000 }, async () => {
    const src = tempDir();
    const out = tempDir();
    const sections = Array.from({ length: 1500 }, (_, i) => `## Section ${i + 1}\n\nParagraph ${i + 1} of a very long briefing. It has a second sentence.\n`);
    writeFiles(src, { 'huge.md': `---\ntitle: Huge\n---\nIntro.\n\n${sections.join('\n')}` });
    const result = await build({ root: src, paths: [src], outDir: out, formats: ['report-pdf'] });
    expect(result.failures.map((f) => String(f.error))).toEqual([]);
    expect(Number(pdfInfo(path.join(out, 'huge/report.pdf')).Pages)).toBeGreaterThan(100);
  });
});
