import { afterAll, describe, expect, it } from 'vitest';
import { BrowserService } from '../../src/browser/browser-service.js';
import { guessPages } from '../../src/pdf/guess-pages.js';
import { markHeadingTargets } from '../../src/pdf/mark-heading-targets.js';
import { PdfFile } from '../../src/pdf/pdf-file.js';
import { loadForPrint, printLoadedPage } from '../../src/pdf/print-pdf.js';
import { readNamedDestinations } from '../../src/pdf/read-destinations.js';

const browser = new BrowserService();
afterAll(() => browser.close());

/** A report-like page: a cover that breaks after itself, then sections of paragraphs of varied length, one table. */
function reportPage(pageCss: string): string {
  const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i % 13}`).join(' ');
  const sections = Array.from({ length: 12 }, (_, s) => {
    const paragraphs = Array.from({ length: 2 + (s % 4) }, (_, p) => `<p>${words(40 + ((s * 37 + p * 53) % 160))}</p>`).join('');
    const table = s === 4 ? `<table><thead><tr><th>Row</th><th>Finding</th></tr></thead><tbody>${Array.from({ length: 40 }, (_, r) => `<tr><td>${r}</td><td>${words(8 + (r % 9))}</td></tr>`).join('')}</tbody></table>` : '';
    return `<h2 id="s${s + 1}">Section ${s + 1}</h2>${paragraphs}${table}<h3 id="s${s + 1}-d">Detail</h3><p>${words(60)}</p>`;
  }).join('');
  return `<!doctype html><html lang="en"><head><style>${pageCss} body { font: 11pt/1.5 serif; margin: 0 }
    h2, h3 { break-after: avoid } tr { break-inside: avoid } .cover { height: 200mm; break-after: page }</style></head>
    <body><div class="cover"><h1 id="title">Title</h1></div>${sections}</body></html>`;
}

/** The guess for a page, and the pages its print puts the same elements on. */
async function guessAndPrint(html: string, paper: 'A4' | 'Letter'): Promise<{ guessed?: Map<string, number>; guessedCount?: number; printed: Map<string, number>; printedCount: number; unchanged: boolean }> {
  return browser.withPage(async (page) => {
    await loadForPrint(page, html);
    await markHeadingTargets(page, []);
    const before = await page.evaluate(() => document.documentElement.outerHTML);
    const guess = await guessPages(page);
    const unchanged = before === (await page.evaluate(() => document.documentElement.outerHTML));
    const pdf = PdfFile.parse(await printLoadedPage(page, { preferCSSPageSize: true, format: paper, tagged: false }));
    const printed = new Map([...readNamedDestinations(pdf)].map(([id, d]) => [id, d.page]));
    return { guessed: guess?.pages, guessedCount: guess?.pageCount, printed, printedCount: pdf.pageCount, unchanged };
  });
}

describe('guessing where a page prints, without printing it', () => {
  it('puts every linked heading on the page the print puts it on, on A4 and on Letter in landscape', async () => {
    for (const [css, paper] of [['@page { size: A4; margin: 23mm 20mm 22mm }', 'A4'], ['@page { size: letter landscape; margin: 0.75in }', 'Letter']] as const) {
      const result = await guessAndPrint(reportPage(css), paper);
      expect(result.printedCount).toBeGreaterThan(5);
      expect(result.guessedCount).toBe(result.printedCount);
      expect(result.guessed).toEqual(result.printed);
    }
  });

  it('leaves the page exactly as it was loaded', async () => {
    const result = await guessAndPrint(reportPage('@page { size: A4; margin: 20mm }'), 'A4');
    expect(result.guessed).toBeDefined();
    expect(result.unchanged).toBe(true);
  });

  it('declines pages whose print columns cannot imitate', async () => {
    for (const css of [
      '@page { size: A4; margin: 20mm } @page :first { margin-top: 60mm }',
      '@page { size: A4; margin: 20mm } @page wide { size: A4 landscape } .cover { page: wide }',
      '@page { margin: 20mm }',
      '@page { size: A4; margin: 20mm; padding: 5mm }',
    ]) {
      const result = await guessAndPrint(reportPage(css), 'A4');
      expect(result.guessed, css).toBeUndefined();
      expect(result.unchanged, css).toBe(true);
    }
  });
});
