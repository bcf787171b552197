import { afterAll, describe, expect, it } from 'vitest';
import { BrowserService } from '../../src/browser/browser-service.js';
import { contentSecurityPolicy, withContentSecurityPolicy } from '../../src/html/content-security-policy.js';

const service = new BrowserService({ maxTabs: 1 });
afterAll(() => service.close());

const styled = '<!doctype html><html><head><style>p { color: rgb(200, 0, 0) }</style></head><body><p>x</p></body></html>';

/** Loads `html` in the service's only tab and reads the paragraph's colour, whether print media apply, and the tab. */
async function load(html: string): Promise<{ color: string; print: boolean; tab: unknown }> {
  return service.withPage(async (page) => {
    await page.setContent(html);
    const [color, print] = await page.evaluate(() => [getComputedStyle(document.querySelector('p')!).color, matchMedia('print').matches] as const);
    return { color, print, tab: page };
  });
}

describe('a tab reused for the next document', () => {
  it("is not governed by a policy an earlier page brought of its own, and still lays pages out for print", async () => {
    const strict = styled.replace('<head>', `<head><meta http-equiv="Content-Security-Policy" content="style-src 'nonce-n1'">`);
    expect((await load(strict)).color).toBe('rgb(0, 0, 0)');
    const next = await load(styled);
    expect(next.color).toBe('rgb(200, 0, 0)');
    expect(next.print).toBe(true);
  });

  it("keeps the page it printed when the page carried only briefkit's own policy", async () => {
    const own = withContentSecurityPolicy(styled, contentSecurityPolicy({ inlineScripts: false }));
    const first = await load(own);
    const second = await load(own);
    expect(second.color).toBe('rgb(200, 0, 0)');
    expect(second.tab).toBe(first.tab);
  });
});

describe('jobs waiting for a tab', () => {
  it('run in the order they asked, those asking to go first before the others', async () => {
    let release = (): void => undefined;
    let started = (): void => undefined;
    const running = new Promise<void>((resolve) => (started = resolve));
    const busy = service.withPage(() => new Promise<void>((resolve) => ((release = resolve), started())));
    await running;
    const order: string[] = [];
    const jobs = [
      service.withPage(async () => void order.push('report 1')),
      service.withPage(async () => void order.push('report 2')),
      service.withPage(async () => void order.push('deck'), { first: true }),
      service.withPage(async () => void order.push('handout'), { first: true }),
    ];
    release();
    await Promise.all([busy, ...jobs]);
    expect(order).toEqual(['deck', 'handout', 'report 1', 'report 2']);
  });
});
