import { PDFDocument } from 'pdf-lib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { joinedBytes } from '../../src/pdf/finish-pdf.js';
import { loadOptions, saveOptions } from '../../src/pdf/pdf-lib-pace.js';

/** A PDF of `pages` blank pages (about three objects each), saved without pauses. */
async function blankPdf(pages: number): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  for (let i = 0; i < pages; i += 1) pdf.addPage([200, 100]);
  return pdf.save({ ...saveOptions, objectsPerTick: Infinity });
}

describe('pdf-lib work on a large PDF', () => {
  afterEach(() => vi.restoreAllMocks());

  it('loads, joins and saves thousands of objects with a handful of timer pauses, not one per 50 objects', async () => {
    const parts = [await blankPdf(1500), await blankPdf(1500)];
    const timers = vi.spyOn(globalThis, 'setTimeout');
    const bytes = await joinedBytes(parts);
    expect((await PDFDocument.load(bytes, loadOptions)).getPageCount()).toBe(3000);
    // Stock pdf-lib pauses (setTimeout, at least 1 ms each) every 100 objects parsed and every 50 written: ~400 here.
    expect(timers.mock.calls.length).toBeLessThan(20);
  });
});
