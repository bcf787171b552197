import puppeteer, { type Browser } from 'puppeteer';
import { findBrowser } from '../../src/browser/find-browser.js';
import { launchArgs } from '../../src/browser/launch-args.js';

/** Launches the same Chromium briefkit prints with, for tests that drive HTML outputs. */
export async function launchTestBrowser(): Promise<Browser> {
  return puppeteer.launch({ executablePath: await findBrowser(), headless: true, args: launchArgs(process.getuid?.() === 0) });
}

/** Launches Chromium as a reader's browser: it may reach loopback (briefkit's own switches send all traffic to a dead proxy). */
export async function launchReaderBrowser(): Promise<Browser> {
  return puppeteer.launch({ executablePath: await findBrowser(), headless: true, args: launchArgs(process.getuid?.() === 0).filter((arg) => !arg.startsWith('--proxy')) });
}
