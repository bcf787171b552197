/**
 * Content-Security-Policy for briefkit's own pages. They are self-contained: images and fonts are data: URLs and
 * styles are inline, so everything else is refused. Opening deck.html or report.html in a browser therefore
 * fetches nothing, even if a remote URL slipped into the Markdown. See
 * https://developer.mozilla.org/en-US/docs/Web/HTTP/Headers/Content-Security-Policy for the directives.
 */
export function contentSecurityPolicy(options: { inlineScripts: boolean }): string {
  return [
    "default-src 'none'",
    'img-src data: blob:',
    'media-src data: blob:',
    'font-src data:',
    "style-src 'unsafe-inline'",
    `script-src ${options.inlineScripts ? "'unsafe-inline'" : "'none'"}`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/** The policy as a `<meta http-equiv>` element. */
export function cspMetaTag(policy: string): string {
  return `<meta http-equiv="Content-Security-Policy" content="${policy.replace(/"/g, '&quot;')}">`;
}

const cspMeta = /(<meta\s+http-equiv=["']?Content-Security-Policy["']?\s+content=")([^"]*)(")/gi;

/** Rewrites the policy of every Content-Security-Policy `<meta>` element in a page (as written by {@link cspMetaTag}). */
export function editContentSecurityPolicy(html: string, edit: (policy: string) => string): string {
  return html.replace(cspMeta, (_all, start: string, policy: string, end: string) => `${start}${edit(policy)}${end}`);
}

/** Puts the policy first in `<head>` (before anything it governs); a page without `<head>` gets it after the doctype. */
export function withContentSecurityPolicy(html: string, policy: string): string {
  const tag = cspMetaTag(policy);
  const head = /<head(\s[^>]*)?>/i.exec(html);
  if (head) {
    const at = head.index + head[0].length;
    return `${html.slice(0, at)}\n${tag}${html.slice(at)}`;
  }
  const doctype = /^\s*<!doctype[^>]*>/i.exec(html);
  const at = doctype ? doctype[0].length : 0;
  return `${html.slice(0, at)}\n${tag}\n${html.slice(at)}`;
}
