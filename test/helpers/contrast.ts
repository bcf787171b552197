import type { Page } from 'puppeteer-core';

/** One piece of text on a slide with the colours it is drawn in. */
export interface TextSample {
  slide: number;
  what: string;
  text: string;
  color: string;
  background: string;
}

/**
 * Every text on the slide currently shown by the deck viewer: elements with text of their own, list
 * markers and generated content (slide numbers, badges), each with its colour and the colour actually
 * behind it (the topmost element under it with an opaque background). A background image behind text
 * is reported as `image`, since no single colour can be checked.
 */
export async function textSamples(page: Page, slide: number): Promise<TextSample[]> {
  return page.evaluate((slideNumber) => {
    const svg = document.querySelectorAll('div.marpit > svg[data-marpit-svg]')[slideNumber - 1];
    const section = svg.querySelector('foreignObject > section') as HTMLElement;
    const backgroundAt = (x: number, y: number, self?: Element): string => {
      for (const el of document.elementsFromPoint(x, y)) {
        const style = getComputedStyle(el);
        if (style.backgroundImage !== 'none' && el !== document.documentElement && el !== document.body) return 'image';
        const bg = style.backgroundColor;
        if (bg && !/rgba\(.*,\s*0\)$/.test(bg) && bg !== 'transparent') return bg;
        if (el === self) continue;
      }
      return 'rgb(255, 255, 255)';
    };
    const samples: { slide: number; what: string; text: string; color: string; background: string }[] = [];
    const name = (el: Element) => `${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? `.${el.className.split(' ').join('.')}` : ''}`;
    for (const el of [section, ...Array.from(section.querySelectorAll('*'))]) {
      const style = getComputedStyle(el);
      if (style.display === 'none' || style.visibility === 'hidden') continue;
      const ownText = Array.from(el.childNodes).filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent ?? '').join('').trim();
      const rect = el.getBoundingClientRect();
      if (ownText && rect.width > 0) {
        const range = document.createRange();
        const textNode = Array.from(el.childNodes).find((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim())!;
        range.selectNodeContents(textNode);
        const r = range.getClientRects()[0] ?? rect;
        samples.push({ slide: slideNumber, what: name(el), text: ownText.slice(0, 40), color: style.color, background: backgroundAt(r.left + r.width / 2, r.top + r.height / 2, el) });
      }
      if (el.tagName === 'LI' && getComputedStyle(el).listStyleType !== 'none') {
        const marker = getComputedStyle(el, '::marker');
        samples.push({ slide: slideNumber, what: `${name(el)}::marker`, text: 'marker', color: marker.color, background: backgroundAt(rect.left + 4, rect.top + 8, el) });
      }
      for (const pseudo of ['::before', '::after']) {
        const ps = getComputedStyle(el, pseudo);
        if (!ps.content || ps.content === 'none' || ps.content === 'normal' || ps.content === '""' || ps.display === 'none') continue;
        const own = ps.backgroundColor;
        let background = own && !/rgba\(.*,\s*0\)$/.test(own) && own !== 'transparent' ? own : '';
        if (!background) {
          const px = (v: string) => parseFloat(v) || 0;
          const height = px(ps.height) || 20;
          const x = ps.right !== 'auto' ? rect.right - px(ps.right) - 6 : rect.left + px(ps.left) + 6;
          const y = ps.bottom !== 'auto' ? rect.bottom - px(ps.bottom) - height / 2 : rect.top + px(ps.top) + height / 2;
          background = backgroundAt(x, y);
        }
        samples.push({ slide: slideNumber, what: `${name(el)}${pseudo}`, text: ps.content.slice(0, 40), color: ps.color, background });
      }
    }
    return samples;
  }, slide);
}

function channels(color: string): [number, number, number, number] {
  const m = /rgba?\(\s*([\d.]+)[ ,]+([\d.]+)[ ,]+([\d.]+)(?:[ ,/]+([\d.]+))?\s*\)/.exec(color);
  if (!m) throw new Error(`Cannot read colour ${color}`);
  return [Number(m[1]), Number(m[2]), Number(m[3]), m[4] === undefined ? 1 : Number(m[4])];
}

function luminance([r, g, b]: number[]): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** WCAG 2 contrast ratio of a (possibly translucent) text colour over an opaque background. */
export function contrastRatio(text: string, background: string): number {
  const [br, bg, bb] = channels(background);
  const [tr, tg, tb, ta] = channels(text);
  const blended = [tr * ta + br * (1 - ta), tg * ta + bg * (1 - ta), tb * ta + bb * (1 - ta)];
  const [l1, l2] = [luminance(blended), luminance([br, bg, bb])].sort((a, b) => b - a);
  return (l1 + 0.05) / (l2 + 0.05);
}
