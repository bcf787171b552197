import type { ServerResponse } from 'node:http';
import { allowLiveReload } from './allow-live-reload.js';

/** The path of the server-sent events stream pages listen to. */
export const eventsPath = '/__briefkit/events';

/** Marks the live-reload script, so a page refreshed in place does not start a second one. */
const liveReloadMark = 'data-briefkit-live-reload';

/**
 * The script added to every served HTML page: it listens for `reload` events naming the pages that changed
 * (`slug/report.html`, or a bare slug for every page of a document) and refreshes when it shows one of them or the
 * index. It refreshes in place: fetches the page, swaps the new document in, and runs the deck viewer again, which
 * skips the browser's navigation (about 90 ms of a reload's 120 ms on the 2-core test machine, even for a one-line
 * page) and keeps the scroll position and the deck's slide. It reloads instead when the swap could differ from a
 * load: a script other than the deck viewer (HTML kept with --trust-html), a viewer that cannot be stopped first
 * (`briefkitDeck.stop()`), `<noscript>` content (a parser without scripting would show it), a changed
 * Content-Security-Policy (policies only add up within a page), or a failed fetch. Either way `briefkit:refreshed` is
 * dispatched on the window once the new content is in (a reload then fires `load`). Saves that arrive while a
 * refresh runs make one more refresh after it. A `failed` event (a save that did not build) puts a banner naming the
 * error over the pages of that document and the index; the next good save's refresh takes it away.
 */
const liveReloadSource = `(() => {
  const events = new EventSource(${JSON.stringify(eventsPath)});
  const [slug = '', file = 'index.html'] = location.pathname.split('/').filter(Boolean).map(decodeURIComponent);
  const mark = ${JSON.stringify(liveReloadMark)};
  const runnable = (script) => !script.hasAttribute(mark) && (!script.type || /javascript|ecmascript|^module$/i.test(script.type));
  const scripts = (root) => Array.from(root.querySelectorAll('script')).filter(runnable);
  const policy = (root) => Array.from(root.querySelectorAll('meta[http-equiv="Content-Security-Policy" i]'), (m) => m.content).join('\\n');
  const swappable = (root, stoppable) => scripts(root).every((s) => stoppable && s.hasAttribute('data-briefkit-viewer')) && !root.querySelector('noscript');
  const refresh = async () => {
    const viewer = window.briefkitDeck;
    const stoppable = Boolean(viewer && typeof viewer.stop === 'function');
    if (!swappable(document, stoppable)) return location.reload();
    try {
      const response = await fetch(location.href, { cache: 'no-store' });
      if (!response.ok) throw new Error(String(response.status));
      const next = new DOMParser().parseFromString(await response.text(), 'text/html');
      if (!swappable(next, stoppable) || policy(next) !== policy(document)) throw new Error('reload');
      if (stoppable) viewer.stop();
      document.replaceChild(document.adoptNode(next.documentElement), document.documentElement);
      for (const old of scripts(document)) {
        const script = document.createElement('script');
        for (const { name, value } of Array.from(old.attributes)) script.setAttribute(name, value);
        script.textContent = old.textContent;
        old.replaceWith(script);
      }
      window.dispatchEvent(new Event('briefkit:refreshed'));
    } catch {
      location.reload();
    }
  };
  let running = null;
  let again = false;
  const request = () => {
    if (running) return void (again = true);
    running = (async () => {
      do {
        again = false;
        await refresh();
      } while (again);
      running = null;
    })();
  };
  events.addEventListener('failed', (event) => {
    const mine = JSON.parse(event.data).filter((f) => !slug || slug === 'index.html' || f.slug === slug);
    if (mine.length === 0) return;
    let box = document.getElementById('briefkit-preview-error');
    if (!box) {
      box = document.createElement('div');
      box.id = 'briefkit-preview-error';
      box.setAttribute('role', 'alert');
      const style = { position: 'fixed', top: '0', left: '0', right: '0', zIndex: '2147483647', maxHeight: '45vh', overflow: 'auto', margin: '0', padding: '12px 16px', background: '#7f1d1d', color: '#fff', font: '14px/1.45 ui-monospace, monospace', whiteSpace: 'pre-wrap' };
      Object.assign(box.style, style);
      document.body.appendChild(box);
    }
    box.textContent = 'The last save did not build: this page still shows the build before it.\\n\\n' + mine.map((f) => f.text).join('\\n\\n');
  });
  events.addEventListener('reload', (event) => {
    const changed = JSON.parse(event.data);
    if (!slug || slug === 'index.html' || changed.includes(slug) || changed.includes(slug + '/' + file)) request();
  });
})();`;

/** The live-reload script as an element. */
export const liveReloadScript = `<script ${liveReloadMark}>${liveReloadSource}</script>`;

/** Puts the live-reload script into a page, before `</body>` when there is one, and lets the page's CSP run it. */
export function injectLiveReload(html: string): string {
  const allowed = allowLiveReload(html, liveReloadSource);
  const at = allowed.lastIndexOf('</body>');
  return at === -1 ? `${allowed}${liveReloadScript}` : `${allowed.slice(0, at)}${liveReloadScript}${allowed.slice(at)}`;
}

/** The open event streams, and a way to tell every one of them something. */
export class EventHub {
  private readonly clients = new Set<ServerResponse>();

  /** Keeps a response open as an event stream until the page goes away. */
  add(response: ServerResponse): void {
    response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
    response.write(': connected\n\n');
    this.clients.add(response);
    response.on('close', () => this.clients.delete(response));
  }

  /** Sends one event with JSON data to every open stream. */
  send(event: string, data: unknown): void {
    const message = `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
    for (const client of this.clients) client.write(message);
  }

  /** Ends every stream. */
  close(): void {
    for (const client of this.clients) client.end();
    this.clients.clear();
  }
}
