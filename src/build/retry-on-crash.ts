import { collectBlockedRequests } from '../browser/blocked-requests.js';
import { isBrowserCrash } from '../browser/browser-crash.js';
import { BrowserError } from '../errors.js';
import type { BuildContext } from './build-context.js';
import { buildDocument, type DocumentResult } from './build-document.js';

/**
 * Builds one document; if the browser crashed or was killed while it printed, builds it once more (the browser
 * service starts a fresh Chromium on the next job) and then reports the failure. Requests the document's pages
 * tried and were refused become warnings.
 */
export async function buildDocumentWithRetry(file: string, ctx: BuildContext): Promise<DocumentResult> {
  try {
    return await attempt(file, ctx);
  } catch (first) {
    if (!isBrowserCrash(first)) throw first;
    try {
      return await attempt(file, ctx, first);
    } catch (second) {
      if (!isBrowserCrash(second)) throw second;
      throw new BrowserError(`The browser died or stopped responding while printing this document, and again on the retry: ${firstLine(second)}.`, {
        location: { file },
        hint: 'It was retried once in a fresh tab (a fresh browser after a crash) and the other documents were built. A script that never ends (kept by --trust-html) does this; otherwise build the document alone with DEBUG=1 to see why.',
        cause: second,
      });
    }
  }
}

async function attempt(file: string, ctx: BuildContext, earlierCrash?: unknown): Promise<DocumentResult> {
  const { value: result, blocked } = await collectBlockedRequests(() => buildDocument(file, ctx));
  for (const url of new Set(blocked.map((b) => b.url))) {
    result.warnings.push({ file: result.file, message: `A page asked for ${url.length > 200 ? `${url.slice(0, 200)}…` : url}; the request was blocked (rendering never reaches the network or local files).` });
  }
  if (earlierCrash !== undefined) {
    result.warnings.push({ file: result.file, message: `The browser died or stopped responding while printing this document (${firstLine(earlierCrash)}); the document was built on the second try.` });
  }
  return result;
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0].replace(/\.$/, '');
}
