import { existsSync } from 'node:fs';
import { BrowserError } from '../errors.js';
import { importExternal } from '../import-external.js';

/** Where Chrome or Chromium usually lives, per platform, in the order users expect them to be picked. */
const usualPaths: Record<string, string[]> = {
  linux: ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome-stable', '/usr/bin/google-chrome', '/snap/bin/chromium', '/usr/lib/chromium/chromium'],
  darwin: ['/Applications/Google Chrome.app/Contents/MacOS/Google Chrome', '/Applications/Chromium.app/Contents/MacOS/Chromium'],
  win32: [
    `${process.env.PROGRAMFILES ?? 'C:\\Program Files'}\\Google\\Chrome\\Application\\chrome.exe`,
    `${process.env['PROGRAMFILES(X86)'] ?? 'C:\\Program Files (x86)'}\\Google\\Chrome\\Application\\chrome.exe`,
    `${process.env.LOCALAPPDATA ?? ''}\\Google\\Chrome\\Application\\chrome.exe`,
  ],
};

/** Finds a browser: $PUPPETEER_EXECUTABLE_PATH, $CHROME_PATH, the usual install paths, then puppeteer's own cache. */
export async function findBrowser(env: NodeJS.ProcessEnv = process.env): Promise<string> {
  for (const variable of ['PUPPETEER_EXECUTABLE_PATH', 'CHROME_PATH'] as const) {
    const value = env[variable];
    if (!value) continue;
    if (existsSync(value)) return value;
    throw new BrowserError(`$${variable} points at ${value}, which does not exist.`, { hint: `Fix or unset ${variable}.` });
  }
  for (const candidate of usualPaths[process.platform] ?? []) if (existsSync(candidate)) return candidate;
  try {
    const puppeteer = await importExternal<typeof import('puppeteer')>('puppeteer');
    const cached = puppeteer.default.executablePath();
    if (cached && existsSync(cached)) return cached;
  } catch {
    // puppeteer throws when its own download was skipped; that only means there is no cached browser.
  }
  throw new BrowserError('No Chrome or Chromium found for printing PDFs.', {
    hint: 'Install one (Debian/Ubuntu: `sudo apt-get install chromium`; or `npx puppeteer browsers install chrome`) or set PUPPETEER_EXECUTABLE_PATH.',
  });
}
