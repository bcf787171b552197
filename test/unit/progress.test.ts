import { describe, expect, it } from 'vitest';
import type { BuildResult } from '../../src/build/build.js';
import { buildSummary } from '../../src/cli/build-summary.js';
import { createProgress } from '../../src/cli/progress.js';
import type { BuildEvent } from '../../src/config/build-options.js';

const events: BuildEvent[] = [
  { type: 'start', total: 3 },
  { type: 'document-cached', file: '/p/a.md', slug: 'a', dir: '/p/out/a' },
  { type: 'document-start', file: '/p/b.md' },
  { type: 'document-start', file: '/p/c.md' },
  { type: 'document-done', file: '/p/b.md', slug: 'b', ms: 812, dir: '/p/out/b' },
  { type: 'document-failed', file: '/p/c.md', error: new Error('x') },
];

function capture(isTTY: boolean, quiet = false, columns = 100): string {
  let text = '';
  const progress = createProgress({ isTTY, columns, write: (s: string) => (text += s) }, { quiet });
  for (const event of events) progress.onEvent(event);
  progress.finish();
  return text;
}

describe('build progress', () => {
  it('prints one line per built or failed document when not on a terminal', () => {
    const lines = capture(false).trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^built {2}.*b\.md → .*out\/b\/ \(812 ms\)$/);
    expect(lines[1]).toMatch(/^failed .*c\.md$/);
  });

  it('redraws one bar line on a terminal and clears it at the end', () => {
    const text = capture(true);
    expect(text).not.toContain('\n');
    expect(text).toContain('\r\x1b[2K[');
    expect(text).toContain('3/3 (1 unchanged)');
    expect(text.endsWith('\r\x1b[2K')).toBe(true);
  });

  it('shows the count and names on a terminal that reports no width', () => {
    expect(capture(true, false, 0)).toContain('3/3 (1 unchanged)');
  });

  it('prints nothing when quiet', () => {
    expect(capture(true, true)).toBe('');
    expect(capture(false, true)).toBe('');
  });

  it('sums up counts, unchanged documents and the slowest one', () => {
    const doc = (slug: string, ms: number, cached?: boolean) => ({ file: `/p/${slug}.md`, slug, title: slug, outputs: [], warnings: [], inputs: [], ms, cached });
    const result: BuildResult = { documents: [doc('a', 0, true), doc('b', 1200), doc('c', 300)], failures: [], ms: 1534, browserStarted: true };
    expect(buildSummary(result)).toMatch(/^3 of 3 documents built in 1\.53 s \(1 unchanged, 2 rebuilt; slowest .*b\.md 1\.20 s\)$/);
    expect(buildSummary({ ...result, documents: [], failures: [] })).toBe('No Markdown files found.');
    expect(buildSummary({ ...result, documents: [doc('a', 0, true), doc('b', 0, true)], ms: 210 })).toBe('All 2 documents are up to date: nothing rebuilt (0.21 s)');
    expect(buildSummary({ ...result, documents: [doc('a', 0, true)], ms: 210 })).toBe('The document is up to date: nothing rebuilt (0.21 s)');
  });
});
