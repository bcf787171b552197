// The cold floor: node starts, loads puppeteer, launches Chromium and prints one tiny page to PDF.
import { createRequire } from 'node:module';
const require = createRequire(new URL('../package.json', import.meta.url));
const { default: puppeteer } = await import(require.resolve('puppeteer'));
const browser = await puppeteer.launch({ executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', args: process.getuid?.() === 0 ? ['--no-sandbox'] : [] });
const page = await browser.newPage();
await page.setContent('<p>Hello</p>');
await page.pdf();
await browser.close();
