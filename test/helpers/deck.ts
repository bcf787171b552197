import type { Page } from 'puppeteer-core';

/** One slide's overflow as a reader would check it: content past the padding edge or the slide box. */
export interface SlideOverflow {
  slide: number;
  scroll: { width: number; height: number; clientWidth: number; clientHeight: number };
  /** How far the lowest and the rightmost in-flow block reach past the content box (≤ 0 is inside). */
  pastBottom: number;
  pastRight: number;
}

/** Loads a deck.html at its slide size as print does and measures every slide's content against its box. */
export async function slideOverflows(page: Page, url: string): Promise<SlideOverflow[]> {
  await page.setViewport({ width: 1280, height: 720 });
  await page.emulateMediaType('print');
  await page.goto(url);
  await page.evaluate(() => document.fonts.ready);
  return page.$$eval('div.marpit > svg[data-marpit-svg]', (svgs) =>
    svgs.map((svg, i) => {
      const section = svg.querySelector('foreignObject > section:not([data-marpit-advanced-background="background"]):not([data-marpit-advanced-background="pseudo"])') as HTMLElement;
      const box = section.getBoundingClientRect();
      const style = getComputedStyle(section);
      let pastBottom = -Infinity;
      let pastRight = -Infinity;
      for (const child of Array.from(section.children) as HTMLElement[]) {
        const { position, overflowX, overflowY } = getComputedStyle(child);
        // Content a block clips (overflow other than visible) is lost to the reader, so it counts as overflow.
        const clips = overflowX !== 'visible' || overflowY !== 'visible';
        if (['HEADER', 'FOOTER', 'STYLE'].includes(child.tagName) || position === 'absolute') continue;
        const r = child.getBoundingClientRect();
        pastBottom = Math.max(pastBottom, r.bottom - (box.bottom - parseFloat(style.paddingBottom)), clips ? child.scrollHeight - child.clientHeight : 0);
        pastRight = Math.max(pastRight, r.right - (box.right - parseFloat(style.paddingRight)), clips ? child.scrollWidth - child.clientWidth : 0);
      }
      return {
        slide: i + 1,
        scroll: { width: section.scrollWidth, height: section.scrollHeight, clientWidth: section.clientWidth, clientHeight: section.clientHeight },
        pastBottom,
        pastRight,
      };
    }),
  );
}

/** Whether a measured slide overflows (a pixel of rounding allowed). */
export function overflows(s: SlideOverflow): boolean {
  return s.pastBottom > 1 || s.pastRight > 1 || s.scroll.height > s.scroll.clientHeight || s.scroll.width > s.scroll.clientWidth;
}
