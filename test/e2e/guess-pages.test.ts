import { afterAll, describe, expect, it } from 'vitest';
import { BrowserService } from '../../src/browser/browser-service.js';
import { guessPages, type GuessOutcome } from '../../src/pdf/guess-pages.js';
import { markHeadingTargets } from '../../src/pdf/mark-heading-targets.js';
import { PdfFile } from '../../src/pdf/pdf-file.js';
import { printMeasured } from '../../src/pdf/print-measured.js';
import { loadForPrint, printLoadedPage } from '../../src/pdf/print-pdf.js';
import { readNamedDestinations } from '../../src/pdf/read-destinations.js';
import type { PageLabels } from '../../src/report/page-labels.js';

const browser = new BrowserService();
afterAll(() => browser.close());

/** A report-like page: a cover that breaks after itself, then sections of paragraphs of varied length, one table. */
function reportPage(pageCss: string, contents = ''): string {
  const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i % 13}`).join(' ');
  const sections = Array.from({ length: 12 }, (_, s) => {
    const paragraphs = Array.from({ length: 2 + (s % 4) }, (_, p) => `<p>${words(40 + ((s * 37 + p * 53) % 160))}</p>`).join('');
    const table = s === 4 ? `<table><thead><tr><th>Row</th><th>Finding</th></tr></thead><tbody>${Array.from({ length: 40 }, (_, r) => `<tr><td>${r}</td><td>${words(8 + (r % 9))}</td></tr>`).join('')}</tbody></table>` : '';
    return `<h2 id="s${s + 1}">Section ${s + 1}</h2>${paragraphs}${table}<h3 id="s${s + 1}-d">Detail</h3><p>${words(60)}</p>`;
  }).join('');
  return `<!doctype html><html lang="en"><head><style>${pageCss} body { font: 11pt/1.5 serif; margin: 0 }
    h2, h3 { break-after: avoid } tr { break-inside: avoid } .cover { height: 200mm; break-after: page }</style></head>
    <body><div class="cover" style="color: rgb(1, 2, 3)"><h1 id="title">Title</h1>${contents}</div>${sections}</body></html>`;
}

/** The guess for a page, and the pages its print puts the same elements on. */
async function guessAndPrint(html: string, paper = 'A4'): Promise<{ outcome: GuessOutcome; guessed?: Map<string, number>; guessedCount?: number; printed: Map<string, number>; printedCount: number; unchanged: boolean }> {
  return browser.withPage(async (page) => {
    await loadForPrint(page, html);
    await markHeadingTargets(page, []);
    const before = await page.evaluate(() => document.documentElement.outerHTML);
    const outcome = await guessPages(page);
    const guess = 'pages' in outcome ? outcome : undefined;
    const unchanged = before === (await page.evaluate(() => document.documentElement.outerHTML));
    const pdf = PdfFile.parse(await printLoadedPage(page, { preferCSSPageSize: true, format: paper, tagged: false }));
    const printed = new Map([...readNamedDestinations(pdf)].map(([id, d]) => [id, d.page]));
    return { outcome, guessed: guess?.pages, guessedCount: guess?.pageCount, printed, printedCount: pdf.pageCount, unchanged };
  });
}

describe('guessing where a page prints, without printing it', () => {
  it('puts every linked heading on the page the print puts it on, whatever the paper and margins', async () => {
    // The page area is rounded up to whole CSS pixels when printed: A4 with 20 mm margins missed a heading without it.
    const papers = ['A4; margin: 20mm', 'A4; margin: 17mm', 'A4 landscape; margin: 20mm', 'letter; margin: 19mm', 'letter; margin: 23mm 20mm 22mm',
      'A5; margin: 15mm', 'legal; margin: 1in', 'letter landscape; margin: 0.75in', '170mm 240mm; margin: 12mm 14mm', '8in; margin: 0.5in'];
    for (const paper of papers) {
      const result = await guessAndPrint(reportPage(`@page { size: ${paper} }`));
      expect(result.printedCount, paper).toBeGreaterThan(5);
      expect(result.guessedCount, paper).toBe(result.printedCount);
      expect(result.guessed, paper).toEqual(result.printed);
    }
  });

  it('leaves the page exactly as it was loaded, style attributes included', async () => {
    const result = await guessAndPrint(reportPage('@page { size: A4; margin: 20mm }'));
    expect(result.guessed).toBeDefined();
    expect(result.unchanged).toBe(true);
  });

  it("keeps every page break under a template's own strict Content-Security-Policy", async () => {
    // Style attributes and <style> without the nonce are refused by this policy; the guess must neither need them
    // nor leave anything of itself behind.
    const strict = reportPage('@page { size: A4; margin: 20mm }')
      .replace('<head>', `<head><meta http-equiv="Content-Security-Policy" content="style-src 'nonce-n1'">`)
      .replace('<style>', '<style nonce="n1">');
    const [guessed, plain] = await Promise.all([
      guessAndPrint(strict),
      browser.withPage(async (page) => {
        await loadForPrint(page, strict);
        await markHeadingTargets(page, []);
        return PdfFile.parse(await printLoadedPage(page, { preferCSSPageSize: true, format: 'A4', tagged: false })).pageCount;
      }),
    ]);
    expect(guessed.guessed).toBeDefined();
    expect(guessed.unchanged).toBe(true);
    expect(guessed.printedCount).toBe(plain);
    expect(guessed.guessed).toEqual(guessed.printed);
  });

  it('declines pages whose print columns cannot imitate, and says why', async () => {
    const declined: [string, RegExp][] = [
      ['@page { size: A4; margin: 20mm } @page :first { margin-top: 60mm }', /@page :first/],
      ['@page { size: A4; margin: 20mm } @page wide { @top-center { content: "Wide" } } .cover { page: wide }', /named pages/],
      ['@page { margin: 20mm }', /page size/],
      ['@page { size: A4; margin: 20mm; padding: 5mm }', /padding or border/],
      ['@page { size: A4; margin: 5% }', /absolute units/],
      ['@page { size: A4; margin: 20mm } @media print { @page :left { margin-left: 30mm } }', /@page :left/],
      ['@page { size: A4; margin: 20mm } body { direction: rtl }', /right-to-left/],
      ['@page { size: A4; margin: 20mm } h3 { break-before: column }', /column breaks/],
    ];
    for (const [css, why] of declined) {
      const result = await guessAndPrint(reportPage(css));
      expect(result.outcome, css).toEqual({ skipped: expect.stringMatching(why) });
      expect(result.unchanged, css).toBe(true);
    }
    // Padding set to nothing is no padding.
    expect((await guessAndPrint(reportPage('@page { size: A4; margin: 20mm; padding: 0 }'))).guessed).toBeDefined();
  });

  it('gives a report the same contents and pages as measuring it by printing, in one print instead of two', async () => {
    const render = (labels: PageLabels): string =>
      reportPage('@page { size: A4; margin: 20mm }', `<ol>${Array.from({ length: 12 }, (_, s) => `<li>Section ${s + 1} ${labels.pages[`s${s + 1}`] ?? ''}</li>`).join('')}</ol>`);
    const ids = Array.from({ length: 12 }, (_, s) => `s${s + 1}`);
    const [guessed, measured] = await Promise.all([true, false].map((guess) => printMeasured(browser, render, { ids, pdf: { format: 'A4', tagged: true }, guess })));
    expect(guessed.passes).toBe(1);
    expect(measured.passes).toBe(2);
    expect(guessed.html).toBe(measured.html);
    expect(guessed.html).toMatch(/Section 12\s+1\d</u);
    expect(guessed.headings.map((h) => [h.id, h.page])).toEqual(measured.headings.map((h) => [h.id, h.page]));
    expect(guessed.pdf.pageCount).toBe(measured.pdf.pageCount);
  });
});
