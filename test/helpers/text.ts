/**
 * Text as a reader sees it: reports carry soft hyphens (U+00AD) inside hyphenated paragraph words, which are
 * invisible unless a line breaks there, so tests that look for a sentence remove them first.
 */
export function withoutSoftHyphens(text: string): string {
  return text.replace(/\u00ad/g, '');
}
