import type { FrontMatter } from '../content/types.js';
import type { PdfMetadata } from '../pdf/set-metadata.js';
import { version } from '../version.js';

/** PDF document information from front matter. */
export function pdfMetadataFor(meta: FrontMatter, kind: string): PdfMetadata {
  return {
    title: meta.title,
    author: meta.author ?? meta.organization,
    subject: meta.subtitle ?? kind,
    keywords: meta.keywords,
    lang: meta.lang,
    creator: `briefkit ${version}`,
  };
}
