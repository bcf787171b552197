/** Chromium switches for quiet, offline, reproducible printing. */
export function launchArgs(isRoot: boolean): string[] {
  const args = [
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-default-apps',
    '--disable-extensions',
    '--disable-domain-reliability',
    '--disable-features=Translate,MediaRouter,OptimizationHints',
    '--font-render-hinting=none',
    '--hide-scrollbars',
    '--mute-audio',
  ];
  // Chromium refuses to start its sandbox as root (containers, CI): https://pptr.dev/troubleshooting#running-puppeteer-on-docker
  // Pages only ever load our own HTML with every non-data request blocked, which limits what the sandbox guards against.
  if (isRoot) args.push('--no-sandbox');
  return args;
}
