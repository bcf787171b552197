import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { isInside } from '../content/local-path.js';
import { TemplateError } from '../errors.js';

const mimeTypes: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.svg': 'image/svg+xml',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
};

/** The MIME type for a template file by its extension. */
export function mimeTypeOf(file: string): string {
  return mimeTypes[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** A `data:` URL for bytes: pages are sealed (only data: URLs load), so template images and fonts are inlined. */
export function dataUrl(file: string, bytes: Uint8Array): string {
  return `data:${mimeTypeOf(file)};base64,${Buffer.from(bytes).toString('base64')}`;
}

/** A CSS `url(...)`: its optional quote, then the URL. */
const cssUrl = /url\(\s*(['"]?)([^'")]+)\1\s*\)/g;

/**
 * The template file a relative CSS URL names, as a key of the template's files (`./fonts/x.woff2?v=2#face` →
 * `fonts/x.woff2`: a query or fragment, common in copied @font-face rules, names no file), or undefined for a URL
 * that is not relative (data:, http(s):, a fragment or an absolute path).
 */
export function cssUrlFile(url: string): string | undefined {
  if (/^(data:|https?:|#|\/)/i.test(url)) return undefined;
  return path.posix.normalize(url.replace(/[?#].*$/, '').replace(/\\/g, '/').replace(/^\.\//, ''));
}

/**
 * Replaces `url(fonts/x.woff2)` and other relative URLs in a template's CSS with data: URLs of the template's
 * files; a URL naming a file the template lacks throws at its line.
 */
export function inlineCssUrls(css: string, cssFile: string, assets: ReadonlyMap<string, string>): string {
  return css.replace(cssUrl, (whole: string, _quote: string, url: string, offset: number) => {
    const rel = cssUrlFile(url);
    if (rel === undefined) return whole;
    const data = assets.get(rel);
    if (data === undefined) {
      throw new TemplateError(`The CSS refers to \`${url}\`, which the template does not have.`, {
        location: { file: cssFile, line: css.slice(0, offset).split('\n').length },
        hint: `Put the file at ${rel} inside the template folder (URLs are relative to the template folder).`,
      });
    }
    return `url("${data}")`;
  });
}

/** The template files a CSS text's relative `url()`s name (what {@link inlineCssUrls} replaces), each once. */
export function relativeCssUrls(css: string): string[] {
  return [...new Set([...css.matchAll(cssUrl)].flatMap((match) => cssUrlFile(match[2]) ?? []))];
}

/**
 * A stylesheet that lives in a folder of its own (a deck theme in `themes/`, the handout's `deck/handout.css`) with
 * its relative `url()`s inlined from the files beside it: pages are sealed, so `url(fonts/house.ttf)` left as written
 * loaded nothing and the theme's font was silently replaced. A URL leaving the stylesheet's folder, or naming a file
 * that is not there, throws at its line.
 */
export async function inlineCssFileUrls(css: string, cssFile: string): Promise<string> {
  const folder = path.dirname(cssFile);
  const assets = new Map<string, string>();
  for (const rel of relativeCssUrls(css)) {
    if (!isInside(path.resolve(folder, rel), folder)) continue;
    const bytes = await readFile(path.join(folder, rel)).catch(() => undefined);
    if (bytes) assets.set(rel, dataUrl(rel, bytes));
  }
  return inlineCssUrls(css, cssFile, assets);
}
