import type { Page } from 'puppeteer-core';

/** Where the elements of a loaded page would land if it were printed now, as guessed without printing. */
export interface PageGuess {
  /** The 1-based page each element an in-page link points at would start on, by id. */
  pages: Map<string, number>;
  pageCount: number;
}

/** Why a page was not guessed (its print cannot be imitated with columns), or the guess itself. */
type InPageGuess = { skipped: string } | { pages: [string, number][]; pageCount: number };

/**
 * Guesses the page every element an in-page link points at starts on, without printing: the loaded page is laid
 * out for a moment as one column per printed page (the `@page` rule's page area, forced page breaks made column
 * breaks), read, and put back as it was. Chromium breaks columns and pages with the same fragmentation code, so for a report of a few dozen
 * pages the guess is usually exact; it is never trusted blindly (printMeasured checks it against the print). Returns
 * undefined, doing nothing, when the page's own rules cannot be imitated: `@page` rules with a selector (`:first`,
 * named pages) that change the page area, a page size that is not given, page padding or borders, or named pages.
 */
export async function guessPages(page: Page): Promise<PageGuess | undefined> {
  const guess: InPageGuess | undefined = await page.evaluate((): InPageGuess => {
    // ISO and US paper sizes in mm, as CSS names them (https://drafts.csswg.org/css-page-3/#page-size-prop).
    const papers: Record<string, [number, number]> = {
      a5: [148, 210], a4: [210, 297], a3: [297, 420], b5: [176, 250], b4: [250, 353], 'jis-b5': [182, 257], 'jis-b4': [257, 364],
      letter: [215.9, 279.4], legal: [215.9, 355.6], ledger: [279.4, 431.8],
    };
    const sides = ['top', 'right', 'bottom', 'left'] as const;
    const pageRules: CSSPageRule[] = [];
    const collect = (rules: CSSRuleList): void => {
      for (const rule of Array.from(rules)) {
        if (rule instanceof CSSPageRule) pageRules.push(rule);
        else if (rule instanceof CSSMediaRule) {
          if (matchMedia(rule.conditionText).matches) collect(rule.cssRules);
        } else if (rule instanceof CSSSupportsRule || rule instanceof CSSLayerBlockRule) collect(rule.cssRules);
      }
    };
    for (const sheet of Array.from(document.styleSheets)) {
      try {
        collect(sheet.cssRules);
      } catch {
        // A style sheet from another origin hides its rules; it never loaded either (pages are sealed from the network).
      }
    }
    let size = '';
    const margins: Partial<Record<(typeof sides)[number], string>> = {};
    for (const rule of pageRules) {
      const style = rule.style;
      const boxed = sides.some((side) => style.getPropertyValue(`padding-${side}`) || style.getPropertyValue(`border-${side}-width`));
      if (boxed) return { skipped: 'page padding or border' };
      if (rule.selectorText.trim() !== '') {
        if (style.getPropertyValue('size') || sides.some((side) => style.getPropertyValue(`margin-${side}`))) return { skipped: `@page ${rule.selectorText}` };
        continue;
      }
      size = style.getPropertyValue('size') || size;
      for (const side of sides) margins[side] = style.getPropertyValue(`margin-${side}`) || margins[side];
    }

    const probe = document.createElement('div');
    probe.style.cssText = 'position: absolute; visibility: hidden; height: 0;';
    document.body.append(probe);
    const px = (length: string): number => {
      probe.style.width = length;
      return probe.getBoundingClientRect().width;
    };
    const words = size.trim().toLowerCase().split(/\s+/).filter(Boolean);
    const paper = words.find((word) => word in papers);
    let width: number;
    let height: number;
    if (paper) {
      [width, height] = papers[paper].map((mm) => px(`${mm}mm`));
      if (words.includes('landscape')) [width, height] = [height, width];
    } else if (words.length === 2 && !words.some((word) => word === 'portrait' || word === 'landscape')) {
      [width, height] = [px(words[0]), px(words[1])];
    } else {
      probe.remove();
      return { skipped: `page size "${size}"` };
    }
    const margin = Object.fromEntries(sides.map((side) => [side, px(margins[side] ?? '0px')])) as Record<(typeof sides)[number], number>;
    probe.remove();
    const columnWidth = width - margin.left - margin.right;
    const columnHeight = height - margin.top - margin.bottom;

    const forced = new Set(['page', 'left', 'right', 'recto', 'verso', 'always']);
    const breaking: [HTMLElement, boolean, boolean][] = [];
    for (const element of Array.from(document.body.querySelectorAll<HTMLElement>('*'))) {
      const computed = getComputedStyle(element);
      if (computed.page && computed.page !== 'auto') return { skipped: 'named pages' };
      const before = forced.has(computed.breakBefore);
      const after = forced.has(computed.breakAfter);
      if (before || after) breaking.push([element, before, after]);
    }
    // Forced page breaks become column breaks for the moment: every style attribute changed is put back after, even
    // should reading fail, or the print would lose its page breaks.
    const restore = breaking.map(([element]): [HTMLElement, string | null] => [element, element.getAttribute('style')]);
    const columns = document.createElement('style');
    const pages: [string, number][] = [];
    let pageCount: number;
    try {
      for (const [element, before, after] of breaking) {
        if (before) element.style.setProperty('break-before', 'column', 'important');
        if (after) element.style.setProperty('break-after', 'column', 'important');
      }
      columns.textContent = `html { display: block !important; width: ${columnWidth}px !important; height: ${columnHeight}px !important; columns: 1 !important; column-gap: 0 !important; column-fill: auto !important; margin: 0 !important; padding: 0 !important; border: 0 !important; overflow: visible !important; }`;
      document.head.append(columns);
      const left = document.documentElement.getBoundingClientRect().left;
      // Only what an in-page link points at: those are the elements the PDF gets a named destination for.
      const targets = new Set(Array.from(document.querySelectorAll<HTMLAnchorElement>('a[href^="#"]'), (link) => link.getAttribute('href')!.slice(1)));
      for (const target of targets) {
        let id = target;
        try {
          id = decodeURIComponent(target);
        } catch {
          // Kept as written, as Chromium does.
        }
        const box = document.getElementById(id)?.getClientRects()[0];
        if (box) pages.push([id, Math.floor((box.left - left + 0.5) / columnWidth) + 1]);
      }
      pageCount = Math.max(1, Math.round(document.documentElement.scrollWidth / columnWidth));
    } finally {
      columns.remove();
      for (const [element, value] of restore) {
        if (value !== null) element.setAttribute('style', value);
        else {
          // Reading the attribute first: Chromium 156 writes an inline style change to the attribute only when it is
          // read, and once the attribute is removed unread it comes back as `style=""`.
          element.getAttribute('style');
          element.removeAttribute('style');
        }
      }
    }
    return { pages, pageCount };
  }).catch(() => undefined);
  // A page whose own scripts (kept with --trust-html) broke what the guess reads is measured by printing instead; a tab
  // that crashed fails the print that follows.
  return guess === undefined || 'skipped' in guess ? undefined : { pages: new Map(guess.pages), pageCount: guess.pageCount };
}
