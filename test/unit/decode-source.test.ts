import { describe, expect, it } from 'vitest';
import { decodeSource } from '../../src/content/decode-source.js';
import { ContentError } from '../../src/errors.js';

const failure = (bytes: Uint8Array): ContentError => {
  try {
    decodeSource(bytes, '/brief.md');
  } catch (error) {
    return error as ContentError;
  }
  throw new Error('decoded without an error');
};

describe('reading Markdown source bytes', () => {
  it('reads UTF-8 with Hangul and kana, and drops a byte-order mark', () => {
    expect(decodeSource(Buffer.from('\ufeff---\ntitle: 북한 ミサイル\n---\n', 'utf8'), '/brief.md')).toBe('---\ntitle: 북한 ミサイル\n---\n');
  });

  it('refuses a Latin-1 file at the line and column of its first accented letter, saying how to convert it', () => {
    const error = failure(Buffer.from('---\ntitle: Caf\xe9 brief\n---\n', 'latin1'));
    expect(error).toBeInstanceOf(ContentError);
    expect(error.location).toEqual({ file: '/brief.md', line: 2, column: 11 });
    expect(error.message).toContain('0xE9');
    expect(error.hint).toMatch(/Save the file as UTF-8/);
  });

  it('places the first bad byte after multi-byte letters by characters, not bytes', () => {
    const bytes = Buffer.concat([Buffer.from('## 북한\n\n한국어 ', 'utf8'), Buffer.from([0xc7, 0xd1]), Buffer.from('\n', 'utf8')]);
    expect(failure(bytes).location).toEqual({ file: '/brief.md', line: 3, column: 5 });
  });

  it('refuses a UTF-16 file by name', () => {
    expect(failure(Buffer.from('\ufeff# Title', 'utf16le')).message).toContain('UTF-16');
  });
});
