import type { ServerResponse } from 'node:http';
import { allowLiveReload } from './allow-live-reload.js';

/** The path of the server-sent events stream pages listen to. */
export const eventsPath = '/__briefkit/events';

/**
 * The script added to every served HTML page: it listens for `reload` events naming the pages that changed
 * (`slug/report.html`, or a bare slug for every page of a document), and reloads when it shows one of them or
 * the index. The URL fragment (the deck's `#N`) survives a reload, so a presenter stays on the same slide.
 */
const liveReloadSource = `(() => {
  const events = new EventSource(${JSON.stringify(eventsPath)});
  const [slug = '', file = 'index.html'] = location.pathname.split('/').filter(Boolean).map(decodeURIComponent);
  events.addEventListener('reload', (event) => {
    const changed = JSON.parse(event.data);
    if (!slug || slug === 'index.html' || changed.includes(slug) || changed.includes(slug + '/' + file)) location.reload();
  });
})();`;

/** The live-reload script as an element. */
export const liveReloadScript = `<script>${liveReloadSource}</script>`;

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
