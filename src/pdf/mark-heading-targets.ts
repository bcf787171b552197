import type { Page } from 'puppeteer-core';

/** A heading of the loaded report page, in document order: what the outline and the running heads are made from. */
export interface PageHeading {
  id: string;
  /** 1 for h1 ... 4 for h4. */
  level: number;
  /** The heading as plain text, with its number ("1.2 Detail") when it has one. */
  text: string;
  /** Id of the empty marker at the end of the heading, whose destination stands in when the heading gets none. */
  anchor: string;
}

/** Attribute of the hidden container of measuring links, so it is added only once per load. */
const containerAttribute = 'data-briefkit-targets';

/** Attribute of the empty marker added at the end of every heading. */
const anchorAttribute = 'data-briefkit-anchor';

/**
 * Prepares a loaded report for measurement: gives every h1–h4 an id and adds a hidden list of links to every
 * heading and to `ids`. Chromium writes a named destination (page and position) into the PDF for each element an
 * in-document link points at, even from a `display: none` list, so the PDF then says where each one landed
 * without the layout changing. Headings inside `[data-outline="skip"]` are left out of the outline and heads.
 * Chromium writes no destination for an element whose box starts left of the page area (a heading hung into the
 * margin with a negative `margin-left`), so each heading also gets an empty marker as its last child, linked too: its
 * destination stands in for the heading's. Last, so the paths patchInPlace edits by stay valid.
 */
export async function markHeadingTargets(page: Page, ids: readonly string[]): Promise<PageHeading[]> {
  return page.evaluate(
    (extraIds, attribute, anchorAttr) => {
      const headings: { id: string; level: number; text: string; anchor: string }[] = [];
      let generated = 0;
      for (const element of Array.from(document.querySelectorAll<HTMLElement>('h1, h2, h3, h4'))) {
        if (element.closest('[hidden], [data-outline="skip"]')) continue;
        if (!element.id) {
          generated += 1;
          element.id = `briefkit-heading-${generated}`;
        }
        let marker = element.querySelector(`:scope > [${anchorAttr}]`);
        if (!marker) {
          // An empty inline gets no box of its own to place a destination at (Chromium put one a page early);
          // an empty inline-block does, at the end of the heading's last line, and takes no room there.
          marker = document.createElement('span');
          marker.setAttribute(anchorAttr, '');
          marker.setAttribute('style', 'display: inline-block; width: 0; height: 0;');
          marker.id = `briefkit-anchor-${element.id}`;
          element.append(marker);
        }
        const label = (element.getAttribute('data-outline-title') ?? element.textContent ?? '').replace(/\s+/g, ' ').trim();
        const number = element.getAttribute('data-number');
        const text = number && !label.startsWith(number) ? `${number} ${label}` : label;
        if (text) headings.push({ id: element.id, level: Number(element.tagName.slice(1)), text, anchor: marker.id });
      }
      if (!document.querySelector(`[${attribute}]`)) {
        const container = document.createElement('div');
        container.hidden = true;
        container.setAttribute(attribute, '');
        for (const id of new Set([...headings.flatMap((h) => [h.id, h.anchor]), ...extraIds])) {
          const link = document.createElement('a');
          link.href = `#${id}`;
          container.append(link);
        }
        document.body.append(container);
      }
      return headings;
    },
    [...ids],
    containerAttribute,
    anchorAttribute,
  );
}
