import type { Page } from 'puppeteer-core';
import { anchorIdPrefix, anchorTag as markerTagName } from './name-anchored-headings.js';

/** A heading of the loaded report page, in document order: what the outline and the running heads are made from. */
export interface PageHeading {
  id: string;
  /** 1 for h1 ... 4 for h4. */
  level: number;
  /** The heading as plain text, with its number ("1.2 Detail") when it has one. */
  text: string;
  /** Id of the marker a heading hung into the margin gets, whose destination stands in for the heading's. */
  anchor?: string;
}

/** Attribute of the hidden container of measuring links, so it is added only once per load. */
const containerAttribute = 'data-briefkit-targets';

/**
 * Prepares a loaded report for measurement: gives every h1–h4 an id and adds a hidden list of links to every
 * heading and to `ids`. Chromium writes a named destination (page and position) into the PDF for each element an
 * in-document link points at, even from a `display: none` list, so the PDF then says where each one landed
 * without the layout changing. Headings inside `[data-outline="skip"]` are left out of the outline and heads.
 * Chromium writes no destination for an element whose box starts left of the page area, so a heading hung into the
 * margin (a negative `margin-left`) also gets an empty, zero-size `<briefkit-anchor>` as its last child, linked too,
 * whose destination stands in for the heading's (and is given the heading's name in the finished PDF, see
 * name-anchored-headings.ts): an element no template selector names, last so the paths
 * patchInPlace edits by stay valid, and styled from an adopted style sheet, which no Content-Security-Policy blocks.
 */
export async function markHeadingTargets(page: Page, ids: readonly string[]): Promise<PageHeading[]> {
  const [headings] = await markDocumentsHeadingTargets(page, [{ prefix: '', ids }]);
  return headings;
}

/** One document of a page: the prefix its ids carry (see prefixIds; '' alone on its page), and its extra link targets. */
export interface MarkedDocument {
  prefix: string;
  ids: readonly string[];
}

/**
 * markHeadingTargets for each document of a page holding several (see SharedReports), each in its
 * `[data-briefkit-document]` block: headings without an id get `<prefix>briefkit-heading-<n>`, numbered per document as
 * if it were alone. Returns each document's headings, their ids without the prefix.
 */
export async function markDocumentsHeadingTargets(page: Page, documents: readonly MarkedDocument[]): Promise<PageHeading[][]> {
  const marked = await page.evaluate(
    (docs, attribute, anchorPrefix, anchorTag) => {
      // An empty inline gets no box of its own to place a destination at (Chromium put one a page early); an empty
      // inline-block does, at the end of the heading's last line, and takes no room there. In a grid heading (the
      // number in a hung first column) it would be an item of a row of its own, in that hung column again, and as an
      // item placed anywhere it would push the title's own item out of its cell: there it is taken out of the flow
      // (the heading its containing block, made relative if it was static) and set at the start of the first row's
      // last column, the title's.
      const gridMark = 'data-briefkit-grid-anchor';
      if (!document.adoptedStyleSheets.some((sheet) => sheet.cssRules[0]?.cssText.startsWith(anchorTag))) {
        const sheet = new CSSStyleSheet();
        sheet.replaceSync(`${anchorTag} { display: inline-block !important; width: 0 !important; height: 0 !important; margin: 0 !important; padding: 0 !important; border: 0 !important; }
          [${gridMark}="static"] { position: relative !important; }
          [${gridMark}] > ${anchorTag} { position: absolute !important; grid-area: 1 / -2 / 2 / -1 !important; top: 0 !important; left: 0 !important; }`);
        document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
      }
      // Markers are placed once per load: a later pass changes only labels, which move no heading sideways, and
      // asking where a heading is would lay the patched page out again for nothing.
      const firstMark = !document.querySelector(`[${attribute}]`);
      const pageLeft = firstMark ? document.documentElement.getBoundingClientRect().left : 0;
      const roots: ParentNode[] = docs.length === 1 && docs[0].prefix === '' ? [document] : Array.from(document.body.querySelectorAll(':scope > [data-briefkit-document]'));
      if (roots.length !== docs.length) throw new Error(`The page holds ${roots.length} documents, not ${docs.length}.`);
      const targets: string[] = [];
      const all = docs.map(({ prefix, ids: extraIds }, d) => {
        const headings: { id: string; level: number; text: string; anchor?: string }[] = [];
        let generated = 0;
        for (const element of Array.from(roots[d].querySelectorAll<HTMLElement>('h1, h2, h3, h4'))) {
          if (element.closest('[hidden], [data-outline="skip"]')) continue;
          if (!element.id) {
            // Never an id the page already uses (a section titled "Briefkit heading 1" has that slug).
            do generated += 1;
            while (document.getElementById(`${prefix}briefkit-heading-${generated}`));
            element.id = `${prefix}briefkit-heading-${generated}`;
          }
          const label = (element.getAttribute('data-outline-title') ?? element.textContent ?? '').replace(/\s+/g, ' ').trim();
          const number = element.getAttribute('data-number');
          const text = number && !label.startsWith(number) ? `${number} ${label}` : label;
          if (!text) continue;
          let marker = element.querySelector(`:scope > ${anchorTag}`);
          if (!marker && firstMark && element.getBoundingClientRect().left < pageLeft - 0.5) {
            marker = document.createElement(anchorTag);
            marker.id = `${prefix}${anchorPrefix}${element.id.slice(prefix.length)}`;
            const style = getComputedStyle(element);
            // A positioned heading is the marker's containing block already; a static one is made relative for it.
            if (style.display.endsWith('grid')) element.setAttribute(gridMark, style.position === 'static' ? 'static' : '');
            element.append(marker);
          }
          headings.push({ id: element.id, level: Number(element.tagName.slice(1)), text, anchor: marker?.id });
        }
        targets.push(...headings.flatMap((h) => (h.anchor ? [h.id, h.anchor] : [h.id])), ...extraIds.map((id) => prefix + id));
        return headings;
      });
      if (firstMark) {
        const container = document.createElement('div');
        container.hidden = true;
        container.setAttribute(attribute, '');
        for (const id of new Set(targets)) {
          const link = document.createElement('a');
          link.href = `#${id}`;
          container.append(link);
        }
        document.body.append(container);
      }
      return all;
    },
    documents.map((doc) => ({ prefix: doc.prefix, ids: [...doc.ids] })),
    containerAttribute,
    anchorIdPrefix,
    markerTagName,
  );
  return marked.map((headings, d) => {
    const { prefix } = documents[d];
    const strip = (id: string): string => (id.startsWith(prefix) ? id.slice(prefix.length) : id);
    return prefix === '' ? headings : headings.map((h) => ({ ...h, id: strip(h.id), anchor: h.anchor === undefined ? undefined : strip(h.anchor) }));
  });
}
