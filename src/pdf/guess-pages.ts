import type { Page } from 'puppeteer-core';
import { anchorTag as markerTagName } from './name-anchored-headings.js';

/** Where the elements of a loaded page would land if it were printed now, as guessed without printing. */
export interface PageGuess {
  /** The 1-based page each element an in-page link points at would start on, by id. */
  pages: Map<string, number>;
  pageCount: number;
  /** The page each document of a page holding several (`[data-briefkit-document]` blocks) starts on; empty for one. */
  starts: number[];
}

/** A guess, or why the page was not guessed (its print cannot be imitated with columns, or the guess failed). */
export type GuessOutcome = PageGuess | { skipped: string };

/** What the page function returns: plain data, as page.evaluate passes it back. */
type InPageGuess = { skipped: string } | { pages: [string, number][]; pageCount: number; starts: number[] };

/**
 * Guesses the page every element an in-page link points at starts on, without printing: the loaded page is laid
 * out for a moment as one column per printed page (the `@page` rule's page area, forced page breaks made column
 * breaks), read, and put back as it was. Chromium breaks columns and pages with the same fragmentation code, so the
 * guess is usually exact; it is never trusted blindly (printMeasured checks it against the print). Declined, the
 * page left untouched, where columns cannot imitate the print: `@page` rules with a selector (`:first`, named pages)
 * that change the page area, page padding or borders, a page size or margins that are not absolute lengths, named
 * pages, column breaks, right-to-left or vertical text, margins or zoom on the root, and `content-visibility: auto`.
 */
export async function guessPages(page: Page): Promise<GuessOutcome> {
  const guess = await page
    .evaluate((anchorTag: string): InPageGuess => {
      type Side = 'top' | 'right' | 'bottom' | 'left';
      const sides: Side[] = ['top', 'right', 'bottom', 'left'];
      // CSS absolute lengths in px (https://drafts.csswg.org/css-values-4/#absolute-lengths).
      const units: Record<string, number> = { px: 1, in: 96, cm: 96 / 2.54, mm: 96 / 25.4, q: 96 / 101.6, pt: 96 / 72, pc: 16 };
      // Paper sizes in mm, as CSS names them (https://drafts.csswg.org/css-page-3/#page-size-prop).
      const papers: Record<string, [number, number]> = {
        a5: [148, 210], a4: [210, 297], a3: [297, 420], b5: [176, 250], b4: [250, 353], 'jis-b5': [182, 257], 'jis-b4': [257, 364],
        letter: [215.9, 279.4], legal: [215.9, 355.6], ledger: [279.4, 431.8],
      };
      const pixels = (length: string): number | undefined => {
        const match = /^(-?(?:\d+\.?\d*|\.\d+))([a-z]*)$/i.exec(length.trim());
        if (!match) return undefined;
        const unit = match[2].toLowerCase();
        const factor = unit === '' && Number(match[1]) === 0 ? 1 : units[unit];
        return factor === undefined ? undefined : Number(match[1]) * factor;
      };
      const isZero = (value: string): boolean => value === '' || pixels(value) === 0;

      /** The @page rules print uses, in source order, or why they cannot be read in that order. */
      const pageRules = (): CSSPageRule[] | string => {
        const found: CSSPageRule[] = [];
        let layered = false;
        const collect = (rules: CSSRuleList, inLayer: boolean): void => {
          for (const rule of Array.from(rules)) {
            if (rule instanceof CSSPageRule) {
              found.push(rule);
              layered ||= inLayer;
            } else if (rule instanceof CSSMediaRule) {
              if (matchMedia(rule.conditionText).matches) collect(rule.cssRules, inLayer);
            } else if (rule instanceof CSSSupportsRule) {
              if (CSS.supports(rule.conditionText)) collect(rule.cssRules, inLayer);
            } else if (rule instanceof CSSLayerBlockRule) collect(rule.cssRules, true);
            else if (rule instanceof CSSImportRule && rule.styleSheet && matchMedia(rule.media.mediaText || 'all').matches) {
              collect(rule.styleSheet.cssRules, inLayer || rule.layerName !== null);
            }
          }
        };
        for (const sheet of Array.from(document.styleSheets)) {
          try {
            collect(sheet.cssRules, false);
          } catch {
            // A style sheet from another origin hides its rules; it never loaded either (pages are sealed from the network).
          }
        }
        return layered ? '@page in a cascade layer' : found;
      };

      /** The page area every page has, in whole CSS px (Chromium rounds it up), or why pages differ or are unknown. */
      const pageArea = (rules: CSSPageRule[]): { width: number; height: number } | string => {
        let size = '';
        const margins: Record<Side, string> = { top: '0', right: '0', bottom: '0', left: '0' };
        for (const rule of rules) {
          const style = rule.style;
          if (['size', ...sides.map((side) => `margin-${side}`)].some((name) => style.getPropertyPriority(name) === 'important')) return '!important in @page';
          const boxed = sides.some((side) => !isZero(style.getPropertyValue(`padding-${side}`)) || !['', 'none', 'hidden'].includes(style.getPropertyValue(`border-${side}-style`)));
          if (boxed) return 'page padding or border';
          if (rule.selectorText.trim() !== '') {
            if (style.getPropertyValue('size') || sides.some((side) => style.getPropertyValue(`margin-${side}`))) return `@page ${rule.selectorText}`;
            continue;
          }
          size = style.getPropertyValue('size') || size;
          for (const side of sides) margins[side] = style.getPropertyValue(`margin-${side}`) || margins[side];
        }
        const words = size.trim().toLowerCase().split(/\s+/).filter(Boolean);
        const paper = words.find((word) => word in papers);
        let box: (number | undefined)[];
        if (paper) {
          box = papers[paper].map((mm) => mm * units.mm);
          if (words.includes('landscape')) box.reverse();
        } else if (words.length === 1 && !['auto', 'portrait', 'landscape'].includes(words[0])) box = [pixels(words[0]), pixels(words[0])];
        else box = words.length === 2 ? words.map(pixels) : [];
        const [pageWidth, pageHeight] = box;
        const [top, right, bottom, left] = sides.map((side) => pixels(margins[side]));
        if (pageWidth === undefined || pageHeight === undefined) return `page size "${size}"`;
        if (top === undefined || right === undefined || bottom === undefined || left === undefined) return 'page margins not in absolute units';
        const width = Math.ceil(pageWidth - left - right);
        const height = Math.ceil(pageHeight - top - bottom);
        return width > 0 && height > 0 ? { width, height } : 'no page area';
      };

      /** The breaks (before, after, inside) that make columns break where pages would, by element, or why columns cannot. */
      const columnBreaks = (): [HTMLElement, string, string, string][] | string => {
        const forced = new Set(['page', 'left', 'right', 'recto', 'verso', 'always']);
        const asColumn = (value: string): string | undefined => (forced.has(value) ? 'column' : value === 'avoid-page' ? 'avoid' : undefined);
        const breaks: [HTMLElement, string, string, string][] = [];
        for (const element of Array.from(document.body.querySelectorAll<HTMLElement>('*'))) {
          const computed = getComputedStyle(element);
          if (computed.page && computed.page !== 'auto') return 'named pages';
          if (computed.contentVisibility === 'auto') return 'content-visibility: auto';
          const values = [computed.breakBefore, computed.breakAfter, computed.breakInside];
          if (values.some((value) => value === 'column' || value === 'avoid-column')) return 'column breaks';
          const [before, after, inside] = values.map(asColumn);
          if (before || after || inside) breaks.push([element, before ?? '', after ?? '', inside ?? '']);
        }
        return breaks;
      };

      const root = getComputedStyle(document.documentElement);
      const body = getComputedStyle(document.body);
      if ([root, body].some((style) => style.direction !== 'ltr' || style.writingMode !== 'horizontal-tb')) return { skipped: 'right-to-left or vertical text' };
      if ([root, body].some((style) => style.zoom !== '1')) return { skipped: 'zoom' };
      if (sides.some((side) => !isZero(root.getPropertyValue(`margin-${side}`)) || !isZero(root.getPropertyValue(`padding-${side}`)) || !isZero(root.getPropertyValue(`border-${side}-width`)))) {
        return { skipped: 'margins, padding or borders on the root element' };
      }
      const rules = pageRules();
      if (typeof rules === 'string') return { skipped: rules };
      const area = pageArea(rules);
      if (typeof area === 'string') return { skipped: area };
      const breaks = columnBreaks();
      if (typeof breaks === 'string') return { skipped: breaks };

      // The overrides live in an adopted style sheet, keyed by data attributes: no Content-Security-Policy blocks
      // either, and no style attribute is touched. Both go again even should reading fail, or the print would
      // lose its page breaks.
      const mark = 'data-briefkit-guess';
      const overrides = new CSSStyleSheet();
      const adopted = document.adoptedStyleSheets;
      try {
        const rules = new Set<string>();
        breaks.forEach(([element, before, after, inside], n) => {
          element.setAttribute(mark, String(n));
          for (const [property, value] of [['break-before', before], ['break-after', after], ['break-inside', inside]]) {
            if (value) rules.add(`[${mark}="${n}"] { ${property}: ${value} !important; }`);
          }
        });
        rules.add(`html { display: block !important; width: ${area.width}px !important; height: ${area.height}px !important;
          columns: 1 !important; column-gap: 0 !important; column-fill: auto !important; overflow: visible !important; }`);
        overrides.replaceSync([...rules].join('\n'));
        document.adoptedStyleSheets = [...adopted, overrides];
        const origin = document.documentElement.getBoundingClientRect().left;
        // A box is on the page its right part is on (a heading hung into the margin starts a column early), but no
        // further than a page from where it starts (a box too wide for the page: its print is checked anyway).
        const column = (box: DOMRect): number => {
          const x = Math.min(Math.max(box.right - 0.5, box.left + 0.5), box.left + area.width - 0.5);
          return Math.floor((x - origin) / area.width);
        };
        const everything = document.createRange();
        everything.selectNodeContents(document.body);
        let last = -1;
        for (const box of Array.from(everything.getClientRects())) last = Math.max(last, column(box));
        if (last < 0) return { skipped: 'nothing laid out' };
        // Only what an in-page link points at: those are the elements the PDF gets a named destination for (but not
        // the markers of hung headings, which stand in only where a heading gets no destination).
        const pages: [string, number][] = [];
        const targets = new Set(Array.from(document.querySelectorAll<HTMLAnchorElement>('a[href^="#"]'), (link) => link.getAttribute('href')?.slice(1) ?? ''));
        for (const target of targets) {
          let id = target;
          try {
            id = decodeURIComponent(target);
          } catch {
            // Kept as written, as Chromium does.
          }
          const element = document.getElementById(id);
          const box = element?.localName === anchorTag ? undefined : element?.getClientRects()[0];
          if (box) pages.push([id, column(box) + 1]);
        }
        const starts = Array.from(document.body.querySelectorAll(':scope > [data-briefkit-document]'), (block) => {
          const box = block.getClientRects()[0];
          return box ? column(box) + 1 : 0;
        });
        return { pages, pageCount: last + 1, starts };
      } finally {
        document.adoptedStyleSheets = document.adoptedStyleSheets.filter((sheet) => sheet !== overrides);
        for (const [element] of breaks) element.removeAttribute(mark);
      }
    }, markerTagName)
    .catch((error: unknown): InPageGuess => ({ skipped: `the guess failed: ${error instanceof Error ? error.message : String(error)}` }));
  // A page whose own scripts (kept with --trust-html) broke what the guess reads is measured by printing instead; a
  // tab that crashed fails the print that follows.
  if ('skipped' in guess) return guess;
  const sane = (n: number): boolean => Number.isInteger(n) && n >= 1 && n <= guess.pageCount;
  if (!Number.isInteger(guess.pageCount) || guess.pageCount < 1 || !guess.pages.every(([, n]) => sane(n)) || !guess.starts.every(sane)) return { skipped: 'pages out of range' };
  return { pages: new Map(guess.pages), pageCount: guess.pageCount, starts: guess.starts };
}
