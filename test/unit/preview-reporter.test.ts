import { describe, expect, it } from 'vitest';
import type { BuildResult } from '../../src/build/build.js';
import { previewReporter } from '../../src/cli/serve-command.js';
import { ContentError } from '../../src/errors.js';

const result = (...messages: string[]): BuildResult => ({
  documents: [],
  failures: messages.map((message) => ({ file: '/p/brief.md', error: new ContentError(message, { location: { file: '/p/brief.md', line: 3 } }) })),
  ms: 10,
  browserStarted: false,
});

describe('what the preview prints for each pass', () => {
  it('prints a document error once, with its HTML pass, not again with the PDF pass after it', () => {
    const describe = previewReporter();
    expect(describe({ type: 'html-built', result: result('The front matter is not valid YAML.'), changed: [] })).toMatch(/^error {2}.*brief\.md:3: The front matter is not valid YAML\.\nhtml/);
    expect(describe({ type: 'pdf-built', result: result('The front matter is not valid YAML.') })).toMatch(/^pdf {4}/);
    expect(describe({ type: 'pdf-built', result: result('The front matter is not valid YAML.', 'Printing failed.') })).toMatch(/^error {2}.*Printing failed\.\npdf/);
    expect(describe({ type: 'html-built', result: result('The front matter is not valid YAML.'), changed: [] })).toMatch(/^error {2}.*not valid YAML/);
  });
});
