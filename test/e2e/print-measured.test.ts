import { PDFArray, PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import { afterAll, describe, expect, it } from 'vitest';
import { BrowserService } from '../../src/browser/browser-service.js';
import type { PdfFile } from '../../src/pdf/pdf-file.js';
import { patchInPlace } from '../../src/pdf/patch-in-place.js';
import { loadForPrint } from '../../src/pdf/print-pdf.js';
import { finishReportPdf } from '../../src/pdf/finish-report-pdf.js';
import { markHeadingTargets } from '../../src/pdf/mark-heading-targets.js';
import { printMeasured } from '../../src/pdf/print-measured.js';
import type { PageLabels } from '../../src/report/page-labels.js';

const browser = new BrowserService();
afterAll(() => browser.close());

const page = (contents: string, css = 'h2 { break-before: page }', before = ''): string =>
  `<!doctype html><html lang="en"><head><style>@page { size: A4; margin: 20mm } ${css}</style></head><body>` +
  `<nav>${contents}</nav>${before}<h2 id="one">One</h2><p>First.</p><h2 id="two">Two</h2><p>Second.</p></body></html>`;

/** Contents that show the page numbers of headings one and two. */
const numbered = (labels: PageLabels): string => `One ${labels.pages.one ?? ''} Two ${labels.pages.two ?? ''}`;

async function isTagged(printed: PdfFile): Promise<boolean> {
  return (await PDFDocument.load(printed.bytes)).catalog.has(PDFName.of('StructTreeRoot'));
}

/** Whether every page draws text (the measuring print hides everything; a final print must not). */
async function everyPageHasText(printed: PdfFile): Promise<boolean> {
  return (await PDFDocument.load(printed.bytes)).getPages().every((p) => p.node.Resources()?.get(PDFName.of('Font')) !== undefined);
}

describe('printing a report whose contents need page numbers', () => {
  it('prints once when the guessed pages are borne out by the print, and returns it tagged', async () => {
    const printed = await printMeasured(browser, (labels) => page(numbered(labels)), { ids: ['one', 'two'], pdf: { format: 'A4', tagged: true } });
    expect(printed.passes).toBe(1);
    expect(printed.loads).toBe(1);
    expect(printed.html).toMatch(/One\s*2\s*Two\s*3/u);
    expect(await everyPageHasText(printed.pdf)).toBe(true);
    expect(printed.headings.map((h) => [h.id, h.page])).toEqual([['one', 2], ['two', 3]]);
    expect(await isTagged(printed.pdf)).toBe(true);
  });

  it('prints again with the measured numbers when the print does not bear the guess out', async () => {
    // Viewport units: the print measures them against the page, the guess against the tab, so the guess is wrong.
    const render = (labels: PageLabels): string => page(numbered(labels), '', '<div style="height: 95vh"></div>');
    const printed = await printMeasured(browser, render, { ids: ['one', 'two'], pdf: { format: 'A4', tagged: true } });
    expect(printed.passes).toBe(2);
    expect(printed.headings.map((h) => [h.id, h.page])).toEqual([['one', 2], ['two', 2]]);
    expect(printed.html).toMatch(/One\s*2\s*Two\s*2/u);
    expect(await everyPageHasText(printed.pdf)).toBe(true);
    expect(await isTagged(printed.pdf)).toBe(true);
  });

  it('measures with an untagged first print, then prints in full, where pages cannot be guessed', async () => {
    // A first page with margins of its own cannot be imitated with columns of one size.
    const css = '@page :first { margin: 40mm } h2 { break-before: page }';
    const printed = await printMeasured(browser, (labels) => page(numbered(labels), css), { ids: ['one', 'two'], pdf: { format: 'A4', tagged: true } });
    expect(printed.passes).toBe(2);
    expect(printed.loads).toBe(1);
    expect(printed.html).toMatch(/One\s*2\s*Two\s*3/u);
    expect(await everyPageHasText(printed.pdf)).toBe(true);
    expect(await isTagged(printed.pdf)).toBe(true);
  });

  it('finds headings hung into the page margin, which Chromium gives no destination of their own', async () => {
    const css = 'h2 { break-before: page; margin-left: -15mm }';
    // A grid heading whose first column (the number) hangs in the margin, with a row gap that an extra row would show.
    const grid = 'h2 { break-before: page; display: grid; grid-template-columns: 15mm 1fr; gap: 3mm 0; margin-left: -15mm }';
    const numberedGrid = (labels: PageLabels): string => page(numbered(labels), grid).replace(/<h2 id="(\w+)">/g, '<h2 id="$1"><span>§</span>');
    const printed = await printMeasured(browser, numberedGrid, { ids: ['one', 'two'], pdf: { format: 'A4', tagged: true } });
    expect(printed.headings.map((h) => [h.id, h.page])).toEqual([['one', 2], ['two', 3]]);
    expect(printed.html).toMatch(/One\s*2\s*Two\s*3/u);
    // A positioned grid heading (its own containing block already) is found as well.
    const positioned = (labels: PageLabels): string => numberedGrid(labels).replace('h2 { break-before: page;', 'h2 { position: relative; break-before: page;');
    const placed = await printMeasured(browser, positioned, { ids: ['one', 'two'], pdf: { format: 'A4', tagged: true } });
    expect(placed.headings.map((h) => [h.id, h.page])).toEqual([['one', 2], ['two', 3]]);
    const heights = await browser.withPage(async (tab) => {
      await loadForPrint(tab, printed.html);
      const before = await tab.evaluate(() => document.querySelector('h2')!.getBoundingClientRect().height);
      await markHeadingTargets(tab, ['one', 'two']);
      return [before, await tab.evaluate(() => document.querySelector('h2')!.getBoundingClientRect().height)];
    });
    expect(heights[1]).toBe(heights[0]);
    for (const guess of [true, false]) {
      const printed = await printMeasured(browser, (labels) => page(numbered(labels), css), { ids: ['one', 'two'], pdf: { format: 'A4', tagged: true }, guess });
      expect(printed.html, `guess: ${guess}`).toMatch(/One\s*2\s*Two\s*3/u);
      expect(printed.headings.map((h) => [h.id, h.page]), `guess: ${guess}`).toEqual([['one', 2], ['two', 3]]);
      expect(printed.passes, `guess: ${guess}`).toBe(guess ? 1 : 2);
    }
  });

  it('names the destination of a heading hung into the margin after the heading, so links to it lead there', async () => {
    const css = 'h2 { break-before: page; margin-left: -15mm }';
    const linked = (labels: PageLabels): string => `<a href="#one">One ${labels.pages.one ?? ''}</a> <a href="#two">Two ${labels.pages.two ?? ''}</a>`;
    const printed = await printMeasured(browser, (labels) => page(linked(labels), css), { ids: ['one', 'two'], pdf: { format: 'A4', tagged: true } });
    const pdf = await PDFDocument.load(finishReportPdf(printed, { title: 'Hung', creator: 'test' }), { updateMetadata: false });
    const dests = pdf.catalog.lookup(PDFName.of('Dests'), PDFDict);
    const names = dests.keys().map((key) => key.decodeText());
    expect(names).toEqual(expect.arrayContaining(['one', 'two']));
    expect(names.filter((name) => name.startsWith('briefkit-anchor'))).toEqual([]);
    const linkTargets = pdf.getPages().flatMap((p) => {
      const annots = p.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
      return (annots?.asArray() ?? []).flatMap((ref) => {
        const dest = pdf.context.lookup(ref, PDFDict).get(PDFName.of('Dest'));
        return dest instanceof PDFName ? [dest.decodeText()] : [];
      });
    });
    expect(linkTargets.sort()).toEqual(['one', 'two']);
    expect(linkTargets.every((target) => names.includes(target))).toBe(true);
  });

  it('never gives a heading without an id one that another element already has', async () => {
    const html = '<!doctype html><html><body><h1>Cover</h1><h2 id="briefkit-heading-1">Briefkit heading 1</h2><h2>Untitled</h2></body></html>';
    const ids = await browser.withPage(async (tab) => {
      await loadForPrint(tab, html);
      await markHeadingTargets(tab, []);
      return tab.evaluate(() => Array.from(document.querySelectorAll('h1, h2'), (h) => h.id));
    });
    expect(ids[1]).toBe('briefkit-heading-1');
    expect(new Set(ids).size).toBe(3);
  });

  it('prints a template that shows no page labels once', async () => {
    const printed = await printMeasured(browser, () => page('No numbers here'), { ids: ['one', 'two'], pdf: { format: 'A4', tagged: true } });
    expect(printed.passes).toBe(1);
    expect(await everyPageHasText(printed.pdf)).toBe(true);
    expect(printed.headings.map((h) => [h.id, h.page])).toEqual([['one', 2], ['two', 3]]);
    expect(await isTagged(printed.pdf)).toBe(true);
  });
});

describe('a page patched in place', () => {
  const before = page('<p title="a">One <b>0</b></p><style>p { color: red }</style>');
  const after = page('<p title="b" lang="en">One <b>2</b></p><style>p { color: blue }</style>');

  it('holds the same document as a fresh load of the new HTML', async () => {
    const [patched, fresh] = await Promise.all([
      browser.withPage(async (tab) => {
        await loadForPrint(tab, before);
        expect(await patchInPlace(tab, before, after)).toBe(true);
        return tab.evaluate(() => [document.documentElement.outerHTML, getComputedStyle(document.querySelector('p')!).color]);
      }),
      browser.withPage(async (tab) => {
        await loadForPrint(tab, after);
        return tab.evaluate(() => [document.documentElement.outerHTML, getComputedStyle(document.querySelector('p')!).color]);
      }),
    ]);
    expect(patched).toEqual(fresh);
    expect(patched[1]).toBe('rgb(0, 0, 255)');
  });

  it('is refused, page untouched, when the structure or an address changes, or the page has scripts', async () => {
    await browser.withPage(async (tab) => {
      await loadForPrint(tab, before);
      expect(await patchInPlace(tab, before, page('<p title="a">One <b>0</b><i>more</i></p><style>p { color: red }</style>'))).toBe(false);
      const withImage = before.replace('</body>', '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt=""></body>');
      expect(await patchInPlace(tab, withImage, withImage.replace('R0lGODlhAQABAAAAACw=', 'R0lGODlhAQABAIAAAP///wAAACw='))).toBe(false);
      const withScript = before.replace('</body>', '<script>document.title = "x"</script></body>');
      expect(await patchInPlace(tab, withScript, withScript.replace('<b>0</b>', '<b>2</b>'))).toBe(false);
      expect(await tab.evaluate(() => document.querySelector('b')!.textContent)).toBe('0');
    });
  });

  it('is loaded afresh by the measured print when the labels change its structure', async () => {
    const render = (labels: PageLabels): string => page(labels.runningHeads.length > 0 ? `<ol><li>One ${labels.pages.one}</li><li>Two ${labels.pages.two}</li></ol>` : 'No numbers yet');
    const printed = await printMeasured(browser, render, { ids: ['one', 'two'], pdf: { format: 'A4', tagged: true } });
    expect(printed.loads).toBe(2);
    expect(printed.html).toMatch(/One\s*2<\/li><li>Two\s*3/u);
  });
});
