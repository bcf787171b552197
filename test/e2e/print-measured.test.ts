import { PDFDocument, PDFName } from 'pdf-lib';
import { afterAll, describe, expect, it } from 'vitest';
import { BrowserService } from '../../src/browser/browser-service.js';
import { printMeasured } from '../../src/pdf/print-measured.js';
import type { PageLabels } from '../../src/report/page-labels.js';

const browser = new BrowserService();
afterAll(() => browser.close());

const page = (contents: string): string =>
  `<!doctype html><html lang="en"><head><style>@page { size: A4; margin: 20mm } h2 { break-before: page }</style></head><body>` +
  `<nav>${contents}</nav><h2 id="one">One</h2><p>First.</p><h2 id="two">Two</h2><p>Second.</p></body></html>`;

async function isTagged(pdf: PDFDocument): Promise<boolean> {
  return pdf.catalog.has(PDFName.of('StructTreeRoot'));
}

/** Whether every page draws text (the measuring print hides everything; a final print must not). */
function everyPageHasText(pdf: PDFDocument): boolean {
  return pdf.getPages().every((p) => p.node.Resources()?.get(PDFName.of('Font')) !== undefined);
}

describe('printing a report whose contents need page numbers', () => {
  it('fills in the measured page numbers and returns a tagged final print', async () => {
    const render = (labels: PageLabels): string => page(`One ${labels.pages.one ?? ''} Two ${labels.pages.two ?? ''}`);
    const printed = await printMeasured(browser, render, { ids: ['one', 'two'], pdf: { format: 'A4', tagged: true } });
    expect(printed.passes).toBe(2);
    expect(printed.html).toMatch(/One\s*2\s*Two\s*3/u);
    expect(everyPageHasText(printed.pdf)).toBe(true);
    expect(printed.headings.map((h) => [h.id, h.page])).toEqual([['one', 2], ['two', 3]]);
    expect(await isTagged(printed.pdf)).toBe(true);
  });

  it('prints a template that shows no page labels in full after its untagged first print', async () => {
    const printed = await printMeasured(browser, () => page('No numbers here'), { ids: ['one', 'two'], pdf: { format: 'A4', tagged: true } });
    expect(printed.passes).toBe(2);
    expect(everyPageHasText(printed.pdf)).toBe(true);
    expect(printed.headings.map((h) => [h.id, h.page])).toEqual([['one', 2], ['two', 3]]);
    expect(await isTagged(printed.pdf)).toBe(true);
  });
});
