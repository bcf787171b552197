import puppeteer, { type Browser, type HTTPRequest, type Page } from 'puppeteer';
import { BrowserError } from '../errors.js';
import { bindPageToCurrentJob, noteBlockedRequest, type BlockedRequest } from './blocked-requests.js';
import { findBrowser } from './find-browser.js';
import { launchArgs } from './launch-args.js';

/** Options for the shared browser. */
export interface BrowserServiceOptions {
  /** How many tabs may print at once (defaults to 2, the best throughput measured on 2 cores). */
  maxTabs?: number;
  executablePath?: string;
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
 * One lazily started headless Chromium for a whole build. Jobs get a fresh tab through `withPage`, which
 * closes it in `finally`; at most `maxTabs` run at once. Pages may load only data: and about: URLs.
 */
export class BrowserService {
  private browser?: Promise<Browser>;
  private active = 0;
  private readonly waiting: (() => void)[] = [];
  private readonly maxTabs: number;
  readonly blocked: BlockedRequest[] = [];

  constructor(private readonly options: BrowserServiceOptions = {}) {
    this.maxTabs = Math.max(1, options.maxTabs ?? 2);
  }

  /** Starts the browser now (without waiting), so it boots while Markdown is being rendered. */
  warmUp(): void {
    void this.getBrowser().catch(() => undefined);
  }

  private getBrowser(): Promise<Browser> {
    if (!this.browser) {
      this.browser = (async () => {
        const executablePath = this.options.executablePath ?? (await findBrowser());
        try {
          const browser = await puppeteer.launch({
            executablePath,
            headless: true,
            args: launchArgs(typeof process.getuid === 'function' && process.getuid() === 0),
            protocolTimeout: protocolTimeoutMs,
          });
          this.forgetWhenGone(browser, this.browser);
          return browser;
        } catch (error) {
          throw new BrowserError(`Could not start the browser at ${executablePath}: ${(error as Error).message.split('\n')[0]}`, {
            hint: 'Check the browser runs (`chromium --version`), or point PUPPETEER_EXECUTABLE_PATH at another one.',
            cause: error,
          });
        }
      })();
    }
    return this.browser;
  }

  /**
   * When the browser crashes or is killed, forget it, so the next job launches a fresh one instead of failing
   * on a dead connection (the job that was printing is retried by the build; see src/build/retry-on-crash.ts).
   */
  private forgetWhenGone(browser: Browser, launched: Promise<Browser> | undefined): void {
    browser.once('disconnected', () => {
      if (this.browser === launched) this.browser = undefined;
    });
  }

  private async acquire(): Promise<void> {
    if (this.active < this.maxTabs) {
      this.active += 1;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.active -= 1;
  }

  /** Runs `fn` with a fresh, network-sealed tab and closes the tab afterwards, whatever happens. */
  async withPage<T>(fn: (page: Page) => Promise<T>): Promise<T> {
    await this.acquire();
    let page: Page | undefined;
    try {
      const browser = await this.getBrowser();
      page = await browser.newPage();
      const tab = page;
      bindPageToCurrentJob(tab);
      // alert()/confirm() in HTML kept with --trust-html would stop the page until someone answers.
      page.on('dialog', (dialog) => void dialog.dismiss().catch(() => undefined));
      await page.setRequestInterception(true);
      page.on('request', (request: HTTPRequest) => {
        const url = request.url();
        if (/^(data|about|blob):/i.test(url)) void request.continue();
        else {
          this.blocked.push({ url });
          noteBlockedRequest(tab, { url });
          // A refused navigation (meta refresh, `location =` in trusted HTML) must not commit an error page in
          // place of ours: ERR_ABORTED cancels it and leaves the document being printed where it was.
          void request.abort(request.isNavigationRequest() ? 'aborted' : 'blockedbyclient');
        }
      });
      return await fn(page);
    } finally {
      if (page) await page.close().catch(() => undefined);
      this.release();
    }
  }

  /** Closes the browser if it was started. Safe to call more than once. */
  async close(): Promise<void> {
    const pending = this.browser;
    this.browser = undefined;
    if (!pending) return;
    const browser = await pending.catch(() => undefined);
    await browser?.close().catch(() => undefined);
  }
}
