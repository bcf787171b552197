// briefkit never lets puppeteer download its own Chromium: it finds an installed Chrome/Chromium
// (see src/browser/find-browser.ts). https://pptr.dev/guides/configuration
module.exports = { skipDownload: true };
