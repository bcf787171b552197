import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { EventHub, eventsPath, injectLiveReload } from './live-reload.js';
import { resolveRequestPath } from './resolve-request-path.js';
import { escapeHtml } from '../html/escape-html.js';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.pdf': 'application/pdf',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
};

/** The page answering for an HTML file the output does not hold (yet). */
function notBuiltPage(file: string): string {
  const name = escapeHtml(file.split(path.sep).join('/'));
  return `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Not built: ${name}</title>
<style>body { font: 16px/1.5 system-ui, sans-serif; max-width: 40em; margin: 4em auto; padding: 0 1em; color: #222; }</style></head>
<body>
<h1>${name} is not built</h1>
<p>The output has no such page: its source may have been renamed or removed, or a build that writes it is still
running or failed (the terminal running <code>briefkit serve</code> says which). This page turns into it as soon as a
build writes it.</p>
<p><a href="/">All documents</a></p>
</body>
</html>
`;
}

/** A running preview server. */
export interface PreviewServer {
  server: Server;
  /** The base URL, e.g. http://127.0.0.1:4321/ */
  url: string;
  events: EventHub;
  close(): Promise<void>;
}

/**
 * Serves the output folder (and nothing else) over HTTP on `host` (loopback by default), with live reload
 * injected into HTML pages. Only GET and HEAD are answered.
 */
export async function startPreviewServer(root: string, options: { host?: string; port?: number } = {}): Promise<PreviewServer> {
  const events = new EventHub();
  const server = createServer((request, response) => {
    void (async () => {
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        response.writeHead(405, { allow: 'GET, HEAD' }).end();
        return;
      }
      const target = request.url ?? '/';
      if (target.split('?')[0] === eventsPath) {
        events.add(response);
        return;
      }
      const resolved = resolveRequestPath(root, target);
      if (!resolved.ok) {
        response.writeHead(resolved.status, { 'content-type': 'text/plain; charset=utf-8' }).end(`Refused: ${resolved.reason}.\n`);
        return;
      }
      let body: Buffer;
      try {
        body = await readFile(resolved.file);
      } catch {
        // A page not (or no longer) built, say a deck open while its source is renamed: it says so and, with the
        // live-reload script, turns into the page as soon as a build writes it again.
        if (/\.html?$/i.test(resolved.file)) {
          const page = Buffer.from(injectLiveReload(notBuiltPage(path.relative(root, resolved.file))));
          response.writeHead(404, { 'content-type': contentTypes['.html'], 'content-length': page.byteLength, 'cache-control': 'no-store' });
          response.end(request.method === 'HEAD' ? undefined : page);
        } else response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found. Is the build still running?\n');
        return;
      }
      const type = contentTypes[path.extname(resolved.file).toLowerCase()] ?? 'application/octet-stream';
      const payload = type.startsWith('text/html') ? Buffer.from(injectLiveReload(body.toString('utf8'))) : body;
      response.writeHead(200, { 'content-type': type, 'content-length': payload.byteLength, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
      response.end(request.method === 'HEAD' ? undefined : payload);
    })().catch(() => {
      if (!response.headersSent) response.writeHead(500).end();
    });
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const shown = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    server,
    url: `http://${shown}:${address.port}/`,
    events,
    async close() {
      events.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
