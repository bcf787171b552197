import type { Browser, CDPSession, HTTPRequest, Page } from 'puppeteer-core';
import { BrowserError } from '../errors.js';
import { contentSecurityPolicy } from '../html/content-security-policy.js';
import { bindPageToCurrentJob, noteBlockedRequest, type BlockedRequest } from './blocked-requests.js';
import { findBrowser } from './find-browser.js';
import { PipeTransport } from './pipe-transport.js';
import { spawnChromium, type ChromiumProcess } from './spawn-chromium.js';

/** Options for the shared browser. */
export interface BrowserServiceOptions {
  /** How many tabs may print at once (defaults to 2, the best throughput measured on 2 cores). */
  maxTabs?: number;
  executablePath?: string;
  /**
   * Whether pages need frames drawn: requestAnimationFrame callbacks and CSS animations run only in a shown page.
   * Set for HTML that may run scripts (`--trust-html`): each tab then gets a window of its own, shown. Otherwise
   * every tab is hidden, which spares the renderer compositing frames no one sees (see hide()).
   */
  drawFrames?: boolean;
}

export type { BlockedRequest } from './blocked-requests.js';

/**
 * How long one DevTools call may take. puppeteer sends Page.printToPDF under this limit whatever page.pdf's own
 * `timeout` says, so it must allow a 1,500-section report on a slow, busy machine; a tab that hangs longer is
 * treated as dead (the build retries the document once in a fresh tab, see src/build/retry-on-crash.ts).
 * BRIEFKIT_PROTOCOL_TIMEOUT_MS overrides it (tests use a few seconds to exercise a hung tab).
 */
export const protocolTimeoutMs = Number(process.env.BRIEFKIT_PROTOCOL_TIMEOUT_MS) || 15 * 60_000;

/**
 * How long a started browser may take to answer on the DevTools pipe. Chromium answers in about a second, even on a
 * busy 2-core machine; one that has not answered in a minute is stuck (seen once with a Chromium process left in a
 * tracing stop), and waiting for the protocol timeout would hang the build for 15 minutes. BRIEFKIT_LAUNCH_TIMEOUT_MS
 * overrides it (tests use a fraction of a second).
 */
export const launchTimeoutMs = Number(process.env.BRIEFKIT_LAUNCH_TIMEOUT_MS) || 60_000;

/**
 * Jobs a tab runs between full garbage collections. A renderer frees the documents of earlier jobs only when it
 * collects garbage, which a print service leaves it little reason to do: without collections the 20-document build
 * peaked at 596–613 MiB (PSS, whole tree), over the 600 MiB it must stay under. A collection costs the tab about
 * 10 ms; with hidden tabs, every 8th job kept the peak at 492–500 MiB against 479–480 for every 4th, and the build
 * took 2.4 % less time (6 alternating runs each). A shared print (see SharedPrints) counts once per document it
 * holds: counted once, prints of 8 decks at a time took the renderers' peak from 122 to 190-217 MiB (134-154 MiB so).
 */
export const jobsBetweenCollections = 8;

/** The policies briefkit's own pages carry (with and without inline scripts): any other one sticks to the tab. */
const ownPolicies = [true, false].map((inlineScripts) => contentSecurityPolicy({ inlineScripts }));

/** The viewport a tab gets back after a job that changed it (puppeteer's default). */
const defaultViewport = { width: 800, height: 600 };

/**
 * One lazily started headless Chromium for a whole build. Jobs borrow a tab through `withPage`; at most
 * `maxTabs` run at once, and a tab is reused by the next job unless its job failed (then it is closed).
 * Pages may load only data:, about: and blob: URLs.
 */
export class BrowserService {
  private browser?: Promise<Browser>;
  private chromium?: ChromiumProcess;
  private active = 0;
  private readonly waiting: (() => void)[] = [];
  /** Jobs that asked to go before the others waiting (see withPage). */
  private readonly waitingFirst: (() => void)[] = [];
  private idleTabs: Page[] = [];
  private readonly maxTabs: number;
  private everStarted = false;
  /** Set by close(): no browser is launched after it. */
  private closed = false;
  private readonly jobsSinceCollection = new WeakMap<Page, number>();
  private readonly sessions = new WeakMap<Page, CDPSession>();
  /** The last tab's hiding, which the next one waits for (see hide()). */
  private hiding: Promise<void> = Promise.resolve();
  /** Every tab this service opened (or took over from Chromium's start), so that pages scripts opened can be told apart. */
  private readonly ownTabs = new WeakSet<Page>();
  readonly blocked: BlockedRequest[] = [];

  constructor(private readonly options: BrowserServiceOptions = {}) {
    this.maxTabs = Math.max(1, options.maxTabs ?? 2);
  }

  /** Whether a browser was ever started by this service. */
  get started(): boolean {
    return this.everStarted;
  }

  /**
   * Starts the browser now (without waiting), so it boots while Markdown is being rendered, and readies up to
   * `tabs` tabs (never more than the pool allows): a tab's renderer process then starts while node is still busy.
   */
  warmUp(tabs = 1): void {
    const launched = this.getBrowser();
    void launched
      .then(async (browser) => {
        const wanted = Math.min(tabs, this.maxTabs) - this.idleTabs.length - this.active;
        for (let i = 0; i < wanted; i += 1) {
          const tab = await this.openSealedTab(browser);
          // A job may have taken the browser down meanwhile; a tab of a gone browser is no use to the next one.
          if (this.browser === launched && this.idleTabs.length + this.active < this.maxTabs) this.idleTabs.push(tab);
          else await tab.close().catch(() => undefined);
        }
      })
      .catch(() => undefined);
  }

  private getBrowser(): Promise<Browser> {
    // A job still running when its build closed the service must not start a browser nobody will close.
    if (this.closed) return Promise.reject(new BrowserError('The browser was already closed for this build.', { hint: 'This is a bug in briefkit: a print outlived its build.' }));
    if (!this.browser) {
      const launched: Promise<Browser> = this.launch().then((browser) => {
        this.forgetWhenGone(browser, launched);
        return browser;
      });
      this.browser = launched;
      this.everStarted = true;
    }
    return this.browser;
  }

  private async launch(): Promise<Browser> {
    const executablePath = this.options.executablePath ?? (await findBrowser());
    // Chromium is spawned before puppeteer is even imported, so its start overlaps node loading modules. It
    // speaks the DevTools protocol over a pipe: no debugging port is opened.
    const chromium = spawnChromium(executablePath);
    this.chromium = chromium;
    try {
      const { default: puppeteer } = await import('puppeteer-core');
      const transport = new PipeTransport(chromium.input, chromium.output);
      let timer: NodeJS.Timeout | undefined;
      const stuck = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new BrowserError(`The browser at ${executablePath} started but did not answer within ${Math.round(launchTimeoutMs / 1000)} s.`, {
          hint: 'Check that `chromium --headless --dump-dom about:blank` prints a page; a busy machine may need BRIEFKIT_LAUNCH_TIMEOUT_MS raised.',
        })), launchTimeoutMs);
      });
      const browser = await Promise.race([puppeteer.connect({ transport, protocolTimeout: protocolTimeoutMs, defaultViewport }), chromium.failed, stuck]).finally(() => clearTimeout(timer));
      // Chromium opens with one blank tab, whose renderer is already running: it becomes the first tab of the pool
      // instead of lingering beside it (each renderer process costs CPU to start and memory to keep).
      const [initial] = await browser.pages();
      if (initial) this.idleTabs.push(await this.seal(initial));
      return browser;
    } catch (error) {
      await chromium.kill();
      if (error instanceof BrowserError) throw error;
      throw new BrowserError(`Could not start the browser at ${executablePath}: ${(error as Error).message.split('\n')[0]}`, {
        hint: 'Check the browser runs (`chromium --version`), or point PUPPETEER_EXECUTABLE_PATH at another one.',
        cause: error,
      });
    }
  }

  /**
   * When the browser crashes or is killed, forget it and its tabs, so the next job launches a fresh one instead
   * of failing on a dead connection (the job that was printing is retried by the build; see
   * src/build/retry-on-crash.ts).
   */
  private forgetWhenGone(browser: Browser, launched: Promise<Browser>): void {
    const chromium = this.chromium;
    browser.once('disconnected', () => {
      if (this.browser !== launched) return;
      this.browser = undefined;
      this.idleTabs = [];
      if (this.chromium === chromium) this.chromium = undefined;
      void chromium?.kill();
    });
  }

  private async acquire(first: boolean): Promise<void> {
    if (this.active < this.maxTabs) {
      this.active += 1;
      return;
    }
    await new Promise<void>((resolve) => (first ? this.waitingFirst : this.waiting).push(resolve));
  }

  private release(): void {
    const next = this.waitingFirst.shift() ?? this.waiting.shift();
    if (next) next();
    else this.active -= 1;
  }

  /** Opens a tab sealed from the network, whose refused requests are noted against the job using it. */
  private async openSealedTab(browser: Browser): Promise<Page> {
    return this.seal(await browser.newPage(this.options.drawFrames ? { type: 'window' } : undefined));
  }

  /**
   * Seals a tab from the network (only data:, about: and blob: URLs load; refused requests are noted) and lays its
   * pages out for print media, which the tab keeps for every later job.
   */
  private async seal(page: Page): Promise<Page> {
    this.ownTabs.add(page);
    // alert()/confirm() in HTML kept with --trust-html would stop the page until someone answers.
    // A beforeunload prompt is accepted instead: dismissed, it would keep the page and fail the move to about:blank.
    page.on('dialog', (dialog) => void (dialog.type() === 'beforeunload' ? dialog.accept() : dialog.dismiss()).catch(() => undefined));
    // A browser that refuses the Browser.* window commands (only Chromium 156's headless mode was checked; another
    // build, such as chrome-headless-shell, may have no windows to minimise) prints from shown tabs: slower, not wrong.
    const hidden = this.options.drawFrames ? undefined : this.hide(page).catch(() => undefined);
    await Promise.all([page.setRequestInterception(true), page.emulateMediaType('print'), hidden]);
    page.on('request', (request: HTTPRequest) => {
      const url = request.url();
      if (/^(data|about|blob):/i.test(url)) void request.continue();
      else {
        this.blocked.push({ url });
        noteBlockedRequest(page, { url });
        // A refused navigation (meta refresh, `location =` in trusted HTML) must not commit an error page in
        // place of ours: ERR_ABORTED cancels it and leaves the document being printed where it was.
        void request.abort(request.isNavigationRequest() ? 'aborted' : 'blockedbyclient');
      }
    });
    return page;
  }

  /**
   * Runs `fn` with a network-sealed tab laid out for print; the tab is kept for the next job unless `fn` failed. Jobs
   * wait for a tab in the order they asked, those asking to go `first` before the others. A job that prints several
   * `documents` at once (a count, or a function giving it when the job ends) counts as that many towards the tab's
   * next garbage collection.
   */
  async withPage<T>(fn: (page: Page) => Promise<T>, { first = false, documents = 1 }: { first?: boolean; documents?: number | (() => number) } = {}): Promise<T> {
    await this.acquire(first);
    let page: Page | undefined;
    let healthy = false;
    let launched: Promise<Browser> | undefined;
    try {
      launched = this.getBrowser();
      const browser = await launched;
      page = this.idleTabs.pop() ?? (await this.openSealedTab(browser));
      bindPageToCurrentJob(page);
      const result = await fn(page);
      healthy = true;
      return result;
    } finally {
      const tab = page;
      if (tab && healthy && this.browser === launched && !tab.isClosed()) {
        // The finished job's page is emptied first: resizing the viewport would otherwise lay it out again (seconds
        // for a 1,500-slide deck), and an idle tab should not hold a large document in memory. setContent() keeps the
        // window and the document, so where pages may run scripts, whose timers and globals would live on into the
        // next document printed in the tab, the tab leaves the page for a new one instead; so it does after a page
        // that brought a Content-Security-Policy of its own (a template's), which would govern every later page too.
        await (this.options.drawFrames ? this.leavePage(tab) : this.emptyPage(tab))
          .then(() => this.collectGarbageNowAndThen(tab, typeof documents === 'number' ? documents : documents()))
          .then(() => {
            const size = tab.viewport();
            return size?.width === defaultViewport.width && size.height === defaultViewport.height ? undefined : tab.setViewport(defaultViewport);
          })
          .then(
            // The browser may have gone, or the service been closed, while the tab was being emptied: a tab of a
            // browser that is no longer this service's would fail the next job.
            async () => {
              if (this.browser === launched && !tab.isClosed()) this.idleTabs.push(tab);
              else await tab.close().catch(() => undefined);
            },
            () => tab.close().catch(() => undefined),
          );
      } else if (tab) await tab.close().catch(() => undefined);
      if (this.options.drawFrames && launched) await this.closeStrayPages(launched);
      this.release();
    }
  }

  /** Empties the tab's page, or leaves it for a new one when the page set a policy briefkit's pages do not use. */
  private async emptyPage(tab: Page): Promise<void> {
    const foreignPolicy = await tab.evaluate((own) => {
      const policies = Array.from(document.querySelectorAll<HTMLMetaElement>('meta[http-equiv]'))
        .filter((meta) => meta.httpEquiv.toLowerCase() === 'content-security-policy')
        .map((meta) => meta.content);
      document.documentElement.replaceChildren();
      return policies.some((policy) => !own.includes(policy));
    }, ownPolicies);
    if (foreignPolicy) await this.leavePage(tab);
  }

  /**
   * Moves a tab whose page may have run scripts to a new, empty page, with a new window: no timer or global of the
   * page lives on, and no policy the page set. `window.name` alone survives a navigation, so it is cleared too. An
   * unload handler that keeps the page busy gets 10 s, then the tab is closed as unhealthy.
   */
  private async leavePage(tab: Page): Promise<void> {
    await tab.goto('about:blank', { timeout: 10_000 });
    // The new page is not laid out for print media any more (seen with Chromium 156), and puppeteer sends the same
    // emulation only once, so the protocol is asked directly, as seal() asked through puppeteer.
    await (await this.session(tab)).send('Emulation.setEmulatedMedia', { media: 'print' });
    await tab.evaluate(() => {
      window.name = '';
    });
  }

  /**
   * Closes pages the service did not open: windows a trusted page opened with window.open() (popups are not blocked,
   * and the network seal keeps them from loading anything). Left open, one would sit in front of its opener's tab
   * and hide it for every later job. Only scripts open pages, so only builds that allow them look.
   */
  private async closeStrayPages(launched: Promise<Browser>): Promise<void> {
    const browser = await launched.catch(() => undefined);
    if (!browser || this.browser !== launched) return;
    for (const page of await browser.pages()) if (!this.ownTabs.has(page)) await page.close().catch(() => undefined);
  }

  /** The tab's own DevTools session (opened once), for commands puppeteer has no method for. */
  private async session(tab: Page): Promise<CDPSession> {
    const session = this.sessions.get(tab) ?? (await tab.createCDPSession());
    this.sessions.set(tab, session);
    return session;
  }

  /**
   * Minimises the tab's window, so its page is hidden (`document.visibilityState`) and its renderer stops making
   * frames for a screen no one sees: in a visible tab every load and layout change was composited and rastered
   * as well. Printing, layout and measuring do not need frames; with the switches that keep hidden pages' timers and
   * priority as they were (spawn-chromium.ts), twelve loads and prints of a deck and its handout took 27% less CPU.
   * https://chromedevtools.github.io/devtools-protocol/tot/Browser/#method-setWindowBounds
   */
  private hide(tab: Page): Promise<void> {
    // One tab at a time: a tab that read the window's state while another was minimising it saw it shown, minimised
    // it again (which does nothing) and stayed shown itself (a test caught one tab of three visible).
    const hidden = this.hiding.then(() => this.hideNow(tab));
    this.hiding = hidden.catch(() => undefined);
    return hidden;
  }

  private async hideNow(tab: Page): Promise<void> {
    const session = await this.session(tab);
    const { windowId, bounds } = await session.send('Browser.getWindowForTarget');
    // Tabs share one window, and a tab opened in it is shown even while it is minimised: minimising again does
    // nothing, so the window is restored first (checked with Chromium 156). For those few milliseconds the window's
    // active tab is shown, which may be a tab at work: untilPaintable's wait for frames is capped for that reason.
    // A window of its own per tab, created minimised, avoids this but made the 20-briefing batch 8% slower (two
    // sets of alternating runs), so the shared window stays.
    if (bounds.windowState === 'minimized') await session.send('Browser.setWindowBounds', { windowId, bounds: { windowState: 'normal' } });
    await session.send('Browser.setWindowBounds', { windowId, bounds: { windowState: 'minimized' } });
  }

  /** Asks the tab's renderer for a full garbage collection every {@link jobsBetweenCollections} jobs. */
  private async collectGarbageNowAndThen(tab: Page, documents: number): Promise<void> {
    const jobs = (this.jobsSinceCollection.get(tab) ?? 0) + Math.max(1, documents);
    this.jobsSinceCollection.set(tab, jobs >= jobsBetweenCollections ? 0 : jobs);
    if (jobs < jobsBetweenCollections) return;
    await (await this.session(tab)).send('HeapProfiler.collectGarbage');
  }

  /** Ends the browser if it was started. Safe to call more than once. */
  async close(): Promise<void> {
    this.closed = true;
    const pending = this.browser;
    const chromium = this.chromium;
    this.browser = undefined;
    this.chromium = undefined;
    this.idleTabs = [];
    if (!pending) {
      await chromium?.kill();
      return;
    }
    const browser = await pending.catch(() => undefined);
    // Nothing in a throw-away profile needs a graceful shutdown: disconnect and end the process. A launch still
    // looking for the browser executable when close() began has spawned it only since (no launch starts after
    // close(), so it is that one): that process is ended too, or its pipes would keep node running.
    await browser?.disconnect().catch(() => undefined);
    const spawned = chromium ?? this.chromium;
    if (!chromium) this.chromium = undefined;
    await spawned?.kill();
  }
}
