import { ContentError } from '../errors.js';

/**
 * The offset where the first ill-formed UTF-8 sequence starts, or -1: the well-formed sequences of the Unicode
 * standard (table 3-7), so overlong forms, surrogates and code points above U+10FFFF count as ill-formed.
 */
function firstInvalidByte(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const lead = bytes[i]!;
    const trail = lead < 0x80 ? 0 : lead >= 0xc2 && lead <= 0xdf ? 1 : lead >= 0xe0 && lead <= 0xef ? 2 : lead >= 0xf0 && lead <= 0xf4 ? 3 : -1;
    if (trail < 0) return i;
    const low = lead === 0xe0 ? 0xa0 : lead === 0xf0 ? 0x90 : 0x80;
    const high = lead === 0xed ? 0x9f : lead === 0xf4 ? 0x8f : 0xbf;
    for (let k = 1; k <= trail; k += 1) {
      const byte = bytes[i + k];
      if (byte === undefined || byte < (k === 1 ? low : 0x80) || byte > (k === 1 ? high : 0xbf)) return i;
    }
    i += trail + 1;
  }
  return -1;
}

/**
 * Markdown source as text. Only UTF-8 is read (a byte-order mark is dropped): a file saved in another encoding
 * (Latin-1, Windows-1252, EUC-KR, Shift_JIS, UTF-16) is refused with the line and column of its first byte that is
 * not UTF-8, rather than built with replacement characters in place of its accented or CJK letters.
 */
export function decodeSource(bytes: Uint8Array, file: string): string {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new ContentError('The file is saved as UTF-16; briefkit reads Markdown as UTF-8.', {
      location: { file, line: 1 },
      hint: 'Save it as UTF-8 (most editors offer it under "Save with encoding"), or convert it: iconv -f UTF-16 -t UTF-8.',
    });
  }
  // A binary file is refused as such when its text is parsed (see parseBriefing), not as text in a wrong encoding.
  if (bytes.includes(0)) return new TextDecoder('utf-8').decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const at = firstInvalidByte(bytes);
    const before = bytes.subarray(0, Math.max(at, 0));
    const lineStart = before.lastIndexOf(0x0a) + 1;
    const line = before.reduce((count, byte) => count + (byte === 0x0a ? 1 : 0), 1);
    const column = new TextDecoder('utf-8').decode(bytes.subarray(lineStart, at)).length + 1;
    const byte = bytes[at]?.toString(16).toUpperCase().padStart(2, '0') ?? '??';
    throw new ContentError(`The file is not UTF-8: byte 0x${byte} here is not valid UTF-8.`, {
      location: { file, line, column },
      hint: 'Save the file as UTF-8 (it looks saved in another encoding, such as Latin-1, Windows-1252, EUC-KR or Shift_JIS), or convert it, e.g. iconv -f WINDOWS-1252 -t UTF-8.',
    });
  }
}
