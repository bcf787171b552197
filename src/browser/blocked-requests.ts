import { AsyncLocalStorage } from 'node:async_hooks';

/** A request a page tried to make that was not allowed (only data:, about: and blob: URLs are). */
export interface BlockedRequest {
  url: string;
}

const currentSink = new AsyncLocalStorage<BlockedRequest[]>();
const pageSinks = new WeakMap<object, BlockedRequest[]>();

/**
 * Runs `fn` and collects the requests that the pages it prints with tried and were refused, so a document's
 * blocked requests become that document's warnings even while other documents print in parallel tabs.
 */
export async function collectBlockedRequests<T>(fn: () => Promise<T>): Promise<{ value: T; blocked: BlockedRequest[] }> {
  const blocked: BlockedRequest[] = [];
  const value = await currentSink.run(blocked, fn);
  return { value, blocked };
}

/** Ties a tab to the document being printed in it now (call whenever a job takes a tab). */
export function bindPageToCurrentJob(page: object): void {
  const sink = currentSink.getStore();
  if (sink) pageSinks.set(page, sink);
  else pageSinks.delete(page);
}

/** Records a refused request against the document its tab is printing. */
export function noteBlockedRequest(page: object, request: BlockedRequest): void {
  pageSinks.get(page)?.push(request);
}
