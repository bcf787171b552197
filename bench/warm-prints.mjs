// The ideal for a batch: one browser launch, then one print per PDF in a warm, reused tab. Prints each HTML
// file given on the command line (deck pages at the slide size, others as A4).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
const require = createRequire(new URL('../package.json', import.meta.url));
const { default: puppeteer } = await import(require.resolve('puppeteer'));
const browser = await puppeteer.launch({ executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', args: process.getuid?.() === 0 ? ['--no-sandbox'] : [] });
const page = await browser.newPage();
for (const file of process.argv.slice(2)) {
  const deck = file.endsWith('deck.html');
  if (deck) await page.setViewport({ width: 1280, height: 720 });
  await page.setContent(readFileSync(file, 'utf8'), { waitUntil: 'load' });
  await page.pdf(deck ? { width: '1280px', height: '720px', printBackground: true } : { format: 'A4', printBackground: true });
}
await browser.close();
