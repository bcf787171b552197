import { describe, expect, it } from 'vitest';
import type { BuildResult, DocumentResult } from '../../src/index.js';
import { combinedResult } from '../../src/serve/preview-session.js';

const doc = (file: string): DocumentResult => ({ file, slug: file, title: file, outputs: [], warnings: [], inputs: [], ms: 1 }) as unknown as DocumentResult;
const result = (documents: string[], failed: string[], ms: number): BuildResult => ({ documents: documents.map(doc), failures: failed.map((file) => ({ file, error: new Error(`bad ${file}`) })), index: undefined, ms, browserStarted: false });

describe("a preview's HTML pass summed up from its two builds (report HTML, then the deck)", () => {
  it('counts a document built only when neither build failed it, and reports each failure once', () => {
    const combined = combinedResult([result(['a.md'], ['b.md'], 120), result(['a.md', 'b.md'], [], 300)]);
    expect(combined.documents.map((d) => d.file)).toEqual(['a.md']);
    expect(combined.failures.map((f) => f.file)).toEqual(['b.md']);
    expect(combined.ms).toBe(300);
  });
});
