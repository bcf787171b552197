import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BrowserService } from '../../src/browser/browser-service.js';
import { printPdf } from '../../src/pdf/print-pdf.js';
import { tempDir } from '../helpers/fixtures.js';
import { inkShare } from '../helpers/pdf.js';

const browser = new BrowserService({ maxTabs: 1 });
afterAll(() => browser.close());

/** Prints a page whose big black block fades in with `animation`, and returns the share of the page it inks. */
async function inkWith(animation: string): Promise<number> {
  const html = `<!doctype html><style>@page { size: A4; margin: 0 } @keyframes fade { from { opacity: 0 } to { opacity: 1 } }
    div { width: 100%; height: 50vh; background: black; animation: ${animation} }</style><div></div>`;
  const file = path.join(tempDir(), 'animated.pdf');
  writeFileSync(file, await printPdf(browser, html, { pdf: { preferCSSPageSize: true, printBackground: true } }));
  return inkShare(file);
}

describe('a page with CSS animations', () => {
  it('prints as the animations end, not as they start', async () => {
    expect(await inkWith('fade 5s')).toBeGreaterThan(0.3);
  });

  it('prints an endless animation as the page looks without it', async () => {
    expect(await inkWith('fade 1s infinite')).toBeGreaterThan(0.3);
  });

  it('prints a page without animations as it is', async () => {
    expect(await inkWith('none')).toBeGreaterThan(0.3);
  });
});
