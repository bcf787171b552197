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
    // Chromium 156's headless mode is the full browser: at start it loads the omnibox popups' WebUI pages
    // (chrome://omnibox-popup.top-chrome/) in a renderer of their own, and keeps a spare renderer ready for the next
    // tab. A print service needs neither; without them a cold seed build used 30% less CPU (8.6 s → 5.9 s, cgroup
    // accounting, four alternating runs). Feature names: https://source.chromium.org/chromium/chromium/src/+/main:chrome/browser/ui/ui_features.cc
    // and https://source.chromium.org/chromium/chromium/src/+/main:content/public/common/content_features.cc
    '--disable-features=Translate,MediaRouter,OptimizationHints,WebUIOmniboxPopup,WebUIOmniboxAimPopup,SpareRendererForSitePerProcess',
    // The network service runs as a thread of the browser process instead of a process of its own: pages load only
    // data: URLs, and the process cost a cold build ~50 ms of CPU to start. With --disable-gpu below, a cold seed
    // build took 10% less time and CPU (8 alternating runs); the PDFs are byte-identical.
    // https://source.chromium.org/chromium/chromium/src/+/main:services/network/public/cpp/features.cc
    '--enable-features=NetworkServiceInProcess2',
    '--font-render-hinting=none',
    '--hide-scrollbars',
    '--mute-audio',
    // Printing needs no GPU: PDFs are vector, and no GL or SwiftShader is set up. What compositing remains runs in
    // the browser process, one process fewer to start.
    '--disable-gpu',
    '--in-process-gpu',
    // Second wall behind request interception: a tab we did not open (window.open() in HTML kept with
    // --trust-html) has no interception, so every http(s)/ws request of the whole browser goes to a proxy
    // that does not exist, loopback included (`<-loopback>` removes the implicit bypass). Both switches are
    // described in https://chromium.googlesource.com/chromium/src/+/HEAD/net/docs/proxy.md
    '--proxy-server=http://127.0.0.1:9',
    '--proxy-bypass-list=<-loopback>',
  ];
  // Chromium refuses to start its sandbox as root (containers, CI): https://pptr.dev/troubleshooting#running-puppeteer-on-docker
  // Pages only ever load our own HTML with every non-data request blocked, which limits what the sandbox guards against.
  if (isRoot) args.push('--no-sandbox');
  return args;
}
