import type { Page, PDFOptions } from 'puppeteer-core';
import { protocolTimeoutMs, type BrowserService } from '../browser/browser-service.js';
import { BrowserError } from '../errors.js';

/** How to print a page: paper, and whether to ask Chromium for an outline and tags. */
export interface PrintOptions {
  /** CSS viewport for layout before printing (decks set it to the slide size). */
  viewport?: { width: number; height: number };
  /** Passed to page.pdf; `preferCSSPageSize` lets @page decide the paper. */
  pdf: PDFOptions;
}

/**
 * Loads HTML into a tab of the shared browser (which lays pages out for print media) and waits until fonts and
 * images are ready to paint. The viewport is set only when it changes.
 */
export async function loadForPrint(page: Page, html: string, viewport?: PrintOptions['viewport']): Promise<void> {
  const current = page.viewport();
  if (viewport && (current?.width !== viewport.width || current.height !== viewport.height)) await page.setViewport(viewport);
  await page.setContent(html, { waitUntil: 'load', timeout: protocolTimeoutMs });
  await untilPaintable(page);
}

/**
 * Waits until the fonts and images the loaded page uses are loaded and decoded, and in a shown page (trusted HTML,
 * see BrowserServiceOptions.drawFrames) until two frames have been drawn, so what scripts drew in
 * requestAnimationFrame during the load is on the page when it prints. CSS animations and transitions are then
 * finished (endless ones cancelled): a print taken a few milliseconds after the load would otherwise catch, say, a
 * fade-in at its start and print the faded text invisible.
 */
export async function untilPaintable(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await document.fonts.ready;
    await Promise.all(Array.from(document.images, (img) => (img.complete ? undefined : img.decode().catch(() => undefined))));
    // Capped: a page that stops being shown (a window opened in front of it) would never get its frames.
    if (document.visibilityState === 'visible') {
      await Promise.race([new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))), new Promise((resolve) => setTimeout(resolve, 250))]);
    }
    for (const animation of document.getAnimations()) {
      try {
        animation.finish();
      } catch {
        animation.cancel();
      }
    }
  });
}

/** Prints self-contained HTML to PDF bytes in a tab of the shared browser. */
export async function printPdf(service: BrowserService, html: string, options: PrintOptions): Promise<Uint8Array> {
  return service.withPage(async (page) => {
    await loadForPrint(page, html, options.viewport);
    return printLoadedPage(page, options.pdf);
  });
}

/** Prints the page already loaded in a tab (e.g. the deck that was just measured) to PDF bytes. */
export async function printLoadedPage(page: Page, pdf: PDFOptions): Promise<Uint8Array> {
  try {
    return await page.pdf({ printBackground: true, timeout: 0, ...pdf });
  } catch (error) {
    throw new BrowserError(`Printing the PDF failed: ${(error as Error).message}`, { cause: error });
  }
}
