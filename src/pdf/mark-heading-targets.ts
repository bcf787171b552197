import type { Page } from 'puppeteer-core';

/** A heading of the loaded report page, in document order: what the outline and the running heads are made from. */
export interface PageHeading {
  id: string;
  /** 1 for h1 ... 4 for h4. */
  level: number;
  /** The heading as plain text, with its number ("1.2 Detail") when it has one. */
  text: string;
}

/** Attribute of the hidden container of measuring links, so it is added only once per load. */
const containerAttribute = 'data-briefkit-targets';

/**
 * Prepares a loaded report for measurement: gives every h1–h4 an id and adds a hidden list of links to every
 * heading and to `ids`. Chromium writes a named destination (page and position) into the PDF for each element an
 * in-document link points at, even from a `display: none` list, so the PDF then says where each one landed
 * without the layout changing. Headings inside `[data-outline="skip"]` are left out of the outline and heads.
 */
export async function markHeadingTargets(page: Page, ids: readonly string[]): Promise<PageHeading[]> {
  return page.evaluate(
    (extraIds, attribute) => {
      const headings: { id: string; level: number; text: string }[] = [];
      let generated = 0;
      for (const element of Array.from(document.querySelectorAll<HTMLElement>('h1, h2, h3, h4'))) {
        if (element.closest('[hidden], [data-outline="skip"]')) continue;
        if (!element.id) {
          generated += 1;
          element.id = `briefkit-heading-${generated}`;
        }
        const label = (element.getAttribute('data-outline-title') ?? element.textContent ?? '').replace(/\s+/g, ' ').trim();
        const number = element.getAttribute('data-number');
        const text = number && !label.startsWith(number) ? `${number} ${label}` : label;
        if (text) headings.push({ id: element.id, level: Number(element.tagName.slice(1)), text });
      }
      if (!document.querySelector(`[${attribute}]`)) {
        const container = document.createElement('div');
        container.hidden = true;
        container.setAttribute(attribute, '');
        for (const id of new Set([...headings.map((h) => h.id), ...extraIds])) {
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
  );
}
