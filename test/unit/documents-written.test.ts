import { describe, expect, it } from 'vitest';
import { documentsWritten } from '../../src/serve/documents-written.js';

describe('knowing when a build has written every document it rebuilds', () => {
  it('reports the rebuilt documents when the last one is written, before the build finishes', () => {
    const reports: string[][] = [];
    const written = documentsWritten((slugs) => reports.push(slugs));
    written.onEvent({ type: 'start', total: 3 });
    written.onEvent({ type: 'document-cached', file: '/p/a.md', slug: 'a', dir: '/o/a' });
    written.onEvent({ type: 'document-start', file: '/p/b.md' });
    written.onEvent({ type: 'document-done', file: '/p/b.md', slug: 'b', ms: 1, dir: '/o/b' });
    expect(reports).toEqual([]);
    written.onEvent({ type: 'document-failed', file: '/p/c.md', error: new Error('bad') });
    expect(reports).toEqual([['b']]);
    written.finish();
    expect(reports).toEqual([['b']]);
  });

  it('reports nothing rebuilt when the build finishes with every document up to date or throws first', () => {
    const reports: string[][] = [];
    const upToDate = documentsWritten((slugs) => reports.push(slugs));
    upToDate.onEvent({ type: 'start', total: 1 });
    upToDate.onEvent({ type: 'document-cached', file: '/p/a.md', slug: 'a', dir: '/o/a' });
    upToDate.finish();
    documentsWritten((slugs) => reports.push(slugs)).finish();
    expect(reports).toEqual([[], []]);
  });
});
