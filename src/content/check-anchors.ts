import { unescapeHtml } from '../html/escape-html.js';
import type { Diagnostic } from './types.js';

/** An in-document link (`#section-id`) and the source line it was written on. */
export interface AnchorLink {
  href: string;
  line: number;
}

/** Every id (and `<a name>`) the rendered page has, as the browser reads them. */
function pageIds(html: string): Set<string> {
  const ids = new Set<string>();
  for (const match of html.matchAll(/\s(?:id|name)="([^"]*)"/g)) ids.add(unescapeHtml(match[1]!));
  return ids;
}

/**
 * Warnings for in-document links that lead nowhere in the rendered page: `[see](#outlok)` renders as a link that
 * does nothing in the report and opens the first slide in the deck. `#` alone and `#top` (the top of the page, for
 * browsers) and `#3` (slide 3 in deck.html) are left alone.
 */
export function unresolvedAnchors(links: readonly AnchorLink[], html: string, file: string): Diagnostic[] {
  const ids = pageIds(html);
  const seen = new Set<string>();
  const warnings: Diagnostic[] = [];
  for (const { href, line } of links) {
    let id = href.trim().slice(1);
    try {
      id = decodeURIComponent(id);
    } catch {
      // Not percent-encoded after all: compared as written.
    }
    if (id === '' || id.toLowerCase() === 'top' || /^\d+$/.test(id) || ids.has(id) || seen.has(`${line}#${id}`)) continue;
    seen.add(`${line}#${id}`);
    warnings.push({ file, line, message: `Link \`${href.trim()}\` leads nowhere: no section, heading or element has the id \`${id}\`. A section's id is the slug of its title (\`## Outlook for 2027\` is \`#outlook-for-2027\`).` });
  }
  return warnings;
}
