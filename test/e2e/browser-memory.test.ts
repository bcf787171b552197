import { afterAll, describe, expect, it } from 'vitest';
import { BrowserService, jobsBetweenCollections } from '../../src/browser/browser-service.js';
import { loadForPrint } from '../../src/pdf/print-pdf.js';

const service = new BrowserService({ maxTabs: 1 });
afterAll(() => service.close());

/** A page of about 6,000 DOM nodes. */
const bigPage = `<!doctype html><html><body>${'<p>Some <b>bold</b> text.</p>'.repeat(2000)}</body></html>`;

/** The DOM nodes the tab's renderer holds, of every document it has not collected yet. */
function domNodes(): Promise<number> {
  return service.withPage(async (page) => {
    const session = await page.createCDPSession();
    const counters = (await session.send('Memory.getDOMCounters')) as { nodes: number };
    await session.detach();
    return counters.nodes;
  });
}

describe('a tab reused for many jobs', () => {
  it('does not keep the documents of earlier jobs alive', { timeout: 60_000 }, async () => {
    const jobs = jobsBetweenCollections;
    for (let job = 0; job < jobs; job += 1) await service.withPage((page) => loadForPrint(page, bigPage));
    const nodes = await domNodes();
    // The loads made some 6,000 nodes each; the collection after the last of them leaves almost none, where without it
    // most are still held (checked with collections turned off: the test then fails).
    expect(nodes).toBeLessThan(2 * 6_000);
  });

  it('counts a job of several documents as that many towards the next collection', { timeout: 60_000 }, async () => {
    // A fresh count: jobs up to the next collection, then one job standing for all of them.
    for (let job = 0; job < jobsBetweenCollections; job += 1) await service.withPage(async () => undefined);
    await service.withPage((page) => loadForPrint(page, bigPage), { documents: () => jobsBetweenCollections });
    const nodes = await domNodes();
    // As in the test above: the collection after the big job leaves one page's nodes standing, where without it two
    // (counted as one job, the big one brings no collection: checked, the test then fails).
    expect(nodes).toBeLessThan(2 * 6_000);
  });
});
