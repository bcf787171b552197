import puppeteer, { type Browser } from 'puppeteer';
import { findBrowser } from '../../src/browser/find-browser.js';
import { launchArgs } from '../../src/browser/launch-args.js';

/** Launches the same Chromium briefkit prints with, for tests that drive HTML outputs. */
export async function launchTestBrowser(): Promise<Browser> {
  return puppeteer.launch({ executablePath: await findBrowser(), headless: true, args: launchArgs(process.getuid?.() === 0) });
}
