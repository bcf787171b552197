import postcss, { type AtRule, type Declaration, type Root } from 'postcss';

/** A piece of a margin box's `content`: text, or the page number or page count in a counter style. */
type ContentPart = { text: string } | { counter: 'page' | 'pages'; style: string };

/** A margin box's content on a document's first page and on its other pages; null where no box is generated (`none`). */
interface BoxContent {
  first: ContentPart[] | null;
  other: ContentPart[] | null;
  /** The most pieces either has. */
  slots: number;
}

/** A counter style the page's CSS defines, in the systems margin text is read with. */
interface CounterStyle {
  system: 'cyclic' | 'fixed' | 'numeric' | 'alphabetic';
  /** The first value of a fixed system. */
  first: number;
  symbols: string[];
  fallback: string;
}

/** A page's `@page` rules read as what each margin box prints on each page, so that pages of several documents can print as one. */
export interface PageMarginCss {
  /** The page's head with its `@page` rules, and the counter styles only they use, taken out. */
  head: string;
  /**
   * The `@page` rules as one print of several documents uses them: every margin box's content read from a counter style
   * of the page number (see mergedPageCss), nothing for `:first`. Two documents whose rules are the same can share a print.
   */
  rules: string;
  boxes: Map<string, BoxContent>;
  styles: Map<string, CounterStyle>;
}

/** The margin boxes of a page (https://drafts.csswg.org/css-page-3/#margin-boxes). */
const marginBoxes = new Set(
  ['top-left-corner', 'top-left', 'top-center', 'top-right', 'top-right-corner', 'bottom-left-corner', 'bottom-left', 'bottom-center', 'bottom-right', 'bottom-right-corner'].concat(
    ['left-top', 'left-middle', 'left-bottom', 'right-top', 'right-middle', 'right-bottom'],
  ),
);

/** Counter styles every browser knows that margin text is read with here (others make a page print alone). */
const predefined = new Set(['decimal', 'decimal-leading-zero', 'lower-roman', 'upper-roman', 'lower-alpha', 'upper-alpha', 'lower-latin', 'upper-latin', 'none']);

/** The name of the counter style that gives box `box` its `slot`th piece of text in a shared print. */
function sharedStyleName(box: string, slot: number): string {
  return `briefkit-margin-${box}-${slot}`;
}

/**
 * A shared print's `content` for a box whose content has up to `slots` pieces: one counter per piece, so the text
 * runs (and their shaping, to the hundredth of a point) are those of the document printed alone.
 */
function sharedContent(box: string, slots: number): string {
  return `content: ${Array.from({ length: slots }, (_, slot) => `counter(page, ${sharedStyleName(box, slot)})`).join(' ')};`;
}

const blankStyle = 'briefkit-margin-blank';

/** A CSS string holding `text` exactly (no `</style>` can end the style element early). */
export function cssQuote(text: string): string {
  return `"${text.replace(/[\\"<\u0000-\u001f\u007f]/g, (c) => `\\${c.codePointAt(0)?.toString(16) ?? '0'} `)}"`;
}

/** Splits a CSS value into strings, identifiers, functions and commas: enough for `content` and `symbols`. */
function tokens(value: string): string[] | undefined {
  const out: string[] = [];
  let i = 0;
  while (i < value.length) {
    const c = value[i];
    if (/\s/.test(c)) i += 1;
    else if (c === '"' || c === "'") {
      let text = '';
      i += 1;
      while (i < value.length && value[i] !== c) {
        if (value[i] === '\\') {
          const hex = /^[0-9a-fA-F]{1,6}\s?/.exec(value.slice(i + 1));
          if (hex) {
            text += String.fromCodePoint(parseInt(hex[0], 16) || 0xfffd);
            i += 1 + hex[0].length;
          } else if (value[i + 1] === '\n') i += 2;
          else {
            text += value[i + 1] ?? '';
            i += 2;
          }
        } else text += value[i++];
      }
      if (i >= value.length) return undefined;
      i += 1;
      out.push(`"${text}`);
    } else if (c === ',' || c === '(' || c === ')') {
      out.push(c);
      i += 1;
    } else {
      const word = /^[-\w]+/.exec(value.slice(i));
      if (!word) return undefined;
      out.push(word[0].toLowerCase());
      i += word[0].length;
    }
  }
  return out;
}

/** A margin box's `content` value as parts, null for `none`/`normal`, undefined when it holds what is not read here. */
function contentParts(value: string): ContentPart[] | null | undefined {
  const list = tokens(value);
  if (!list) return undefined;
  if (list.length === 1 && (list[0] === 'none' || list[0] === 'normal')) return null;
  const parts: ContentPart[] = [];
  for (let i = 0; i < list.length; ) {
    const token = list[i];
    if (token.startsWith('"')) {
      parts.push({ text: token.slice(1) });
      i += 1;
    } else if (token === 'counter' && list[i + 1] === '(' && (list[i + 2] === 'page' || list[i + 2] === 'pages')) {
      const counter = list[i + 2] as 'page' | 'pages';
      if (list[i + 3] === ')') {
        parts.push({ counter, style: 'decimal' });
        i += 4;
      } else if (list[i + 3] === ',' && list[i + 4] && /^[-\w]+$/.test(list[i + 4]) && list[i + 5] === ')') {
        parts.push({ counter, style: list[i + 4] });
        i += 6;
      } else return undefined;
    } else return undefined;
  }
  return parts;
}

/** Reads an `@counter-style` rule, or undefined when it uses what margin text is not read with here. */
function counterStyle(rule: AtRule): CounterStyle | undefined {
  const style: CounterStyle = { system: 'numeric', first: 1, symbols: [], fallback: 'decimal' };
  let system = 'symbolic';
  for (const node of rule.nodes ?? []) {
    if (node.type !== 'decl') continue;
    const name = node.prop.toLowerCase();
    if (name === 'system') system = node.value.trim().toLowerCase();
    else if (name === 'symbols') {
      const list = tokens(node.value);
      if (!list || list.some((token) => token === '(' || token === ')' || token === ',')) return undefined;
      style.symbols = list.map((token) => (token.startsWith('"') ? token.slice(1) : token));
    } else if (name === 'fallback') style.fallback = node.value.trim().toLowerCase();
    else if (!['prefix', 'suffix', 'speak-as'].includes(name)) return undefined;
  }
  const fixed = /^fixed(?:\s+(-?\d+))?$/.exec(system);
  if (fixed) {
    style.system = 'fixed';
    style.first = fixed[1] === undefined ? 1 : Number(fixed[1]);
  } else if (system === 'cyclic' || system === 'numeric' || system === 'alphabetic') style.system = system;
  else return undefined;
  const fewest = style.system === 'cyclic' || style.system === 'fixed' ? 1 : 2;
  return style.symbols.length >= fewest ? style : undefined;
}

/** `n` written in `symbols` as a positional (numeric) or bijective (alphabetic) number. */
function positional(n: number, symbols: readonly string[], bijective: boolean): string {
  const base = symbols.length;
  let rest = n;
  let text = '';
  if (!bijective && rest === 0) return symbols[0];
  while (rest > 0) {
    if (bijective) rest -= 1;
    text = symbols[rest % base] + text;
    rest = Math.floor(rest / base);
  }
  return text;
}

function roman(n: number): string {
  const values: [number, string][] = [[1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'], [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i']];
  let rest = n;
  let text = '';
  for (const [value, letters] of values) {
    while (rest >= value) {
      text += letters;
      rest -= value;
    }
  }
  return text;
}

const latin = Array.from('abcdefghijklmnopqrstuvwxyz');

/** A page number as counter style `name` writes it (CSS Counter Styles 3, the systems read here). */
function formatCounter(n: number, name: string, styles: ReadonlyMap<string, CounterStyle>, depth = 0): string {
  const style = styles.get(name);
  if (style && depth < 8) {
    const { symbols } = style;
    if (style.system === 'cyclic') return symbols[(((n - 1) % symbols.length) + symbols.length) % symbols.length];
    if (style.system === 'fixed') {
      const at = n - style.first;
      return at >= 0 && at < symbols.length ? symbols[at] : formatCounter(n, style.fallback, styles, depth + 1);
    }
    if (n < 0 || (style.system === 'alphabetic' && n < 1)) return formatCounter(n, style.fallback, styles, depth + 1);
    return positional(n, symbols, style.system === 'alphabetic');
  }
  switch (name) {
    case 'none':
      return '';
    case 'decimal-leading-zero':
      return n >= 0 && n < 10 ? `0${n}` : String(n);
    case 'lower-roman':
    case 'upper-roman': {
      const text = n >= 1 && n <= 3999 ? roman(n) : String(n);
      return name === 'upper-roman' ? text.toUpperCase() : text;
    }
    case 'lower-alpha':
    case 'lower-latin':
    case 'upper-alpha':
    case 'upper-latin': {
      const text = n >= 1 ? positional(n, latin, true) : String(n);
      return name.startsWith('upper') ? text.toUpperCase() : text;
    }
    default:
      return String(n);
  }
}

/** Whether `name` appears in `css` as a whole identifier. */
function mentions(css: string, name: string): boolean {
  return new RegExp(`(?<![\\w-])${name.replace(/[^\w-]/g, '')}(?![\\w-])`, 'i').test(css);
}

/** Declarations that would paint an empty margin box: where a box is generated on some pages only, it must have none. */
const painted = /^(background|border|outline|box-shadow)/i;

/** A `<style>` element: its opening tag, its CSS, its closing tag. */
const styleTag = /(<style[^>]*>)([\s\S]*?)(<\/style>)/g;

/** The `@page` and `@counter-style` rules of a page's style sheets, all at their top level. */
interface PageSheets {
  /** The parsed style elements that hold any, by their index among the head's style elements. */
  sheets: Map<number, Root>;
  pageRules: AtRule[];
  /** `@counter-style` rules by name. */
  styleRules: Map<string, AtRule>;
}

/** A margin box as the `@page` rules set it. */
interface BoxRules {
  first?: ContentPart[] | null;
  other?: ContentPart[] | null;
  declarations: Declaration[];
}

/** A declaration as CSS text. */
function declaration(d: Declaration): string {
  return `${d.prop}: ${d.value}${d.important ? ' !important' : ''};`;
}

/** Parses the head's style elements that hold page rules or counter styles; undefined when one is nested or imported. */
function pageSheets(head: string): PageSheets | undefined {
  const found: PageSheets = { sheets: new Map(), pageRules: [], styleRules: new Map() };
  let index = -1;
  for (const match of head.matchAll(styleTag)) {
    index += 1;
    if (!/@(page|counter-style|import)/i.test(match[2].replace(/\/\*[\s\S]*?\*\//g, ''))) continue;
    let root: Root;
    try {
      root = postcss.parse(match[2]);
    } catch {
      return undefined;
    }
    found.sheets.set(index, root);
    let unreadable = false;
    root.walkAtRules((rule) => {
      const name = rule.name.toLowerCase();
      if (name === 'import' || (name.startsWith('page') && name !== 'page')) unreadable = true;
      else if (name === 'page' || name === 'counter-style') {
        if (rule.parent !== root) unreadable = true;
        else if (name === 'page') found.pageRules.push(rule);
        else found.styleRules.set(rule.params.trim().toLowerCase(), rule);
      }
    });
    if (unreadable) return undefined;
  }
  return found;
}

/** Each margin box's content on first and other pages as the cascade gives it (`:first` is the more specific), or undefined. */
function readBoxes(pageRules: readonly AtRule[]): Map<string, BoxContent> | undefined {
  const boxes = new Map<string, BoxRules>();
  for (const rule of pageRules) {
    const selector = rule.params.trim().toLowerCase();
    if (selector !== '' && selector !== ':first') return undefined;
    for (const node of rule.nodes ?? []) {
      if (node.type === 'comment') continue;
      if (node.type === 'decl') {
        if (selector === ':first' || /^counter-/i.test(node.prop)) return undefined;
        continue;
      }
      if (node.type !== 'atrule' || !marginBoxes.has(node.name.toLowerCase())) return undefined;
      const found = boxes.get(node.name.toLowerCase()) ?? { declarations: [] };
      boxes.set(node.name.toLowerCase(), found);
      for (const child of node.nodes ?? []) {
        if (child.type === 'comment') continue;
        if (child.type !== 'decl') return undefined;
        if (child.prop.toLowerCase() === 'content') {
          const parts = contentParts(child.value);
          if (parts === undefined || child.important) return undefined;
          if (selector === ':first') found.first = parts;
          else found.other = parts;
        } else if (selector === ':first') return undefined;
        else found.declarations.push(child);
      }
    }
  }
  const read = new Map<string, BoxContent>();
  for (const [name, found] of boxes) {
    const other = found.other ?? null;
    const first = found.first === undefined ? other : found.first;
    if (first === null && other === null) continue;
    if (first === null || other === null) {
      const size = name.startsWith('left-') || name.startsWith('right-') ? 'height' : 'width';
      const sized = name.endsWith('-corner') || found.declarations.some((d) => d.prop.toLowerCase() === size);
      if (!sized || found.declarations.some((d) => painted.test(d.prop))) return undefined;
    }
    read.set(name, { first, other, slots: Math.max(first?.length ?? 0, other?.length ?? 0, 1) });
  }
  return read;
}

/** The `@page` rules as a shared print uses them: every box that shows anything reads its text from counter styles. */
function sharedRules(pageRules: readonly AtRule[], boxes: ReadonlyMap<string, BoxContent>): string {
  const merged: string[] = [];
  const placed = new Set<string>();
  for (const rule of pageRules) {
    if (rule.params.trim() !== '') continue;
    const out: string[] = [];
    for (const node of rule.nodes ?? []) {
      if (node.type === 'decl') out.push(declaration(node));
      else if (node.type === 'atrule') {
        const name = node.name.toLowerCase();
        const inner = (node.nodes ?? []).flatMap((d) => (d.type === 'decl' && d.prop.toLowerCase() !== 'content' ? [declaration(d)] : []));
        const content = boxes.get(name);
        if (content) {
          inner.push(sharedContent(name, content.slots));
          placed.add(name);
        }
        out.push(`@${name} { ${inner.join(' ')} }`);
      }
    }
    merged.push(`@page { ${out.join(' ')} }`);
  }
  const onlyOnFirst = [...boxes].filter(([name]) => !placed.has(name)).map(([name, content]) => `@${name} { ${sharedContent(name, content.slots)} }`);
  if (onlyOnFirst.length > 0) merged.push(`@page { ${onlyOnFirst.join(' ')} }`);
  return merged.join('\n');
}

/** The counter styles margin content names, and those they fall back to; undefined when one is not read here. */
function marginStyles(boxes: ReadonlyMap<string, BoxContent>, styleRules: ReadonlyMap<string, AtRule>): Map<string, CounterStyle> | undefined {
  const styles = new Map<string, CounterStyle>();
  const wanted = [...boxes.values()].flatMap((b) => [...(b.first ?? []), ...(b.other ?? [])]).flatMap((part) => ('style' in part ? [part.style] : []));
  while (wanted.length > 0) {
    const name = wanted.pop() as string;
    if (styles.has(name)) continue;
    const rule = styleRules.get(name);
    if (!rule) {
      if (!predefined.has(name)) return undefined;
      continue;
    }
    const style = counterStyle(rule);
    if (!style) return undefined;
    styles.set(name, style);
    wanted.push(style.fallback);
  }
  return styles;
}

/**
 * The head without its page rules, and without the counter styles margin content uses that nothing else on the page
 * names (the running heads, which differ from document to document).
 */
function withoutPageRules(head: string, found: PageSheets, styles: ReadonlyMap<string, CounterStyle>): string {
  const candidates = new Set([...styles.keys()].map((name) => found.styleRules.get(name) as AtRule));
  const markup = head.replace(styleTag, '');
  const kept = new Set<AtRule>();
  for (let changed = true; changed; ) {
    changed = false;
    const text = [...found.sheets.values()]
      .flatMap((root) => root.nodes.filter((node) => !found.pageRules.includes(node as AtRule) && (!candidates.has(node as AtRule) || kept.has(node as AtRule))))
      .join('\n');
    for (const rule of candidates) {
      const name = rule.params.trim();
      if (kept.has(rule) || !(mentions(text, name) || mentions(markup, name))) continue;
      kept.add(rule);
      changed = true;
    }
  }
  for (const rule of [...found.pageRules, ...[...candidates].filter((rule) => !kept.has(rule))]) rule.remove();
  let at = -1;
  return head.replace(styleTag, (whole, open: string, _text: string, close: string) => {
    at += 1;
    const root = found.sheets.get(at);
    return root ? `${open}${root.toString()}${close}` : whole;
  });
}

/**
 * Reads the `@page` rules of a page's head (its `<style>` elements), or undefined when they do what one print of several
 * documents cannot imitate: page selectors other than `:first`, rules inside `@media` or a layer, `@import`, page
 * counters set by hand, `!important` content, content other than strings and the `page`/`pages` counters, or a margin
 * box shown on some pages only that has no fixed size or paints a background or border (in a shared print it is
 * generated, empty, on every page).
 */
export function readPageMarginCss(head: string): PageMarginCss | undefined {
  const found = pageSheets(head);
  const boxes = found && readBoxes(found.pageRules);
  const styles = found && boxes && marginStyles(boxes, found.styleRules);
  if (!found || !boxes || !styles) return undefined;
  // The shared rules are written before the page rules come out of their sheets.
  const rules = sharedRules(found.pageRules, boxes);
  return { head: withoutPageRules(head, found, styles), rules, boxes, styles };
}

/**
 * What each margin box prints on each of a document's `pageCount` pages, piece by piece: keyed by the counter style of
 * the piece in a shared print (an empty string where no box is generated, or its content has fewer pieces).
 */
export function marginTexts(css: PageMarginCss, pageCount: number): Map<string, string[]> {
  const texts = new Map<string, string[]>();
  for (const [name, content] of css.boxes) {
    for (let slot = 0; slot < content.slots; slot += 1) {
      const pages: string[] = [];
      for (let page = 1; page <= pageCount; page += 1) {
        const part = (page === 1 ? content.first : content.other)?.[slot];
        pages.push(part === undefined ? '' : 'text' in part ? part.text : formatCounter(part.counter === 'page' ? page : pageCount, part.style, css.styles));
      }
      texts.set(sharedStyleName(name, slot), pages);
    }
  }
  return texts;
}

/**
 * The `@page` rules and counter styles of one print of several documents: `rules` (alike for all of them), each piece of
 * a margin box's text read for every page of the print from `texts` (the documents' marginTexts, one after another).
 */
export function mergedPageCss(rules: string, texts: ReadonlyMap<string, readonly string[]>): string {
  const styles = [...texts].map(([name, pages]) => `@counter-style ${name} { system: fixed 1; symbols: ${pages.length > 0 ? pages.map(cssQuote).join(' ') : '""'}; fallback: ${blankStyle}; }`);
  return [`@counter-style ${blankStyle} { system: cyclic; symbols: ""; }`, ...styles, rules].join('\n');
}
