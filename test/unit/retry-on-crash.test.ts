import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { BuildContext } from '../../src/build/build-context.js';
import type { DocumentResult } from '../../src/build/build-document.js';
import { BrowserError, ContentError } from '../../src/errors.js';

const attempts = vi.hoisted(() => ({ outcomes: [] as (Error | 'ok')[], calls: 0 }));

vi.mock('../../src/build/build-document.js', () => ({
  buildDocument: async (file: string): Promise<DocumentResult> => {
    const outcome = attempts.outcomes[attempts.calls++];
    if (outcome !== 'ok') throw outcome;
    return { file, slug: 'd', title: 'D', outputs: [], warnings: [], ms: 1 };
  },
}));

const { buildDocumentWithRetry } = await import('../../src/build/retry-on-crash.js');
const { isBrowserCrash } = await import('../../src/browser/browser-crash.js');
const ctx = {} as BuildContext;
const crash = () => new Error('Protocol error (Page.printToPDF): Target closed');

describe('retrying a document when the browser dies', () => {
  beforeEach(() => {
    attempts.calls = 0;
  });

  it('retries once after a crash and says so in a warning', async () => {
    attempts.outcomes = [crash(), 'ok'];
    const result = await buildDocumentWithRetry('/p/d.md', ctx);
    expect(attempts.calls).toBe(2);
    expect(result.warnings[0].message).toMatch(/browser died or stopped responding while printing this document \(Protocol error.*Target closed\); the document was built on the second try/);
  });

  it('reports a document that crashes the browser twice, naming the file, without a third try', async () => {
    attempts.outcomes = [crash(), crash(), 'ok'];
    const error = await buildDocumentWithRetry('/p/d.md', ctx).catch((e: unknown) => e);
    expect(attempts.calls).toBe(2);
    expect(error).toBeInstanceOf(BrowserError);
    expect((error as BrowserError).describe()).toMatch(/^\/p\/d\.md: The browser died or stopped responding while printing this document, and again on the retry: .*Target closed\.\n {2}It was retried once/);
  });

  it('never retries a problem with the document itself', async () => {
    attempts.outcomes = [new ContentError('The file is empty.'), 'ok'];
    await expect(buildDocumentWithRetry('/p/d.md', ctx)).rejects.toBeInstanceOf(ContentError);
    expect(attempts.calls).toBe(1);
  });

  it('tells browser deaths from other errors', () => {
    expect(isBrowserCrash(crash())).toBe(true);
    expect(isBrowserCrash(new BrowserError('Printing the PDF failed: x', { cause: new Error('Session closed. Most likely the page has been closed.') }))).toBe(true);
    // A hung tab ends in a protocol timeout: it is retried like a crash.
    expect(isBrowserCrash(new Error("Runtime.callFunctionOn timed out. Increase the 'protocolTimeout' setting"))).toBe(true);
    expect(isBrowserCrash(new ContentError('Target closed'))).toBe(false);
    expect(isBrowserCrash(new Error('ENOSPC'))).toBe(false);
  });
});
