import { afterAll, describe, expect, it } from 'vitest';
import { BrowserService } from '../../src/browser/browser-service.js';
import { loadForPrint } from '../../src/pdf/print-pdf.js';

const service = new BrowserService({ maxTabs: 1 });
afterAll(() => service.close());

/** A page of about 6,000 DOM nodes. */
const bigPage = `<!doctype html><html><body>${'<p>Some <b>bold</b> text.</p>'.repeat(2000)}</body></html>`;

describe('a tab reused for many jobs', () => {
  it('does not keep the documents of earlier jobs alive', { timeout: 60_000 }, async () => {
    for (let job = 0; job < 12; job += 1) await service.withPage((page) => loadForPrint(page, bigPage));
    const nodes = await service.withPage(async (page) => {
      const session = await page.createCDPSession();
      const counters = (await session.send('Memory.getDOMCounters')) as { nodes: number };
      await session.detach();
      return counters.nodes;
    });
    // Twelve loads made some 72,000 nodes; without collections most are still held.
    expect(nodes).toBeLessThan(30_000);
  });
});
