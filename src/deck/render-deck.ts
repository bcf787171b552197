import type { Marp } from '@marp-team/marp-core';
import type MarkdownIt from 'markdown-it';
import type { Briefing } from '../content/types.js';
import { UnknownNameError } from '../errors.js';
import type { MarkdownEnv } from '../markdown/env.js';
import { sanitize } from '../markdown/sanitize.js';
import type { DeckPlan, SlideKind } from './deck-model.js';
import { slideSvgs } from './slice-deck.js';
import { themeError, themeNames } from './create-marp.js';
import { footnoteDefinitions, numberNotesFootnotes, reportFootnoteNumbers, withFootnoteDefinitions } from './notes-footnotes.js';

/** One rendered slide's facts, for navigation, presenter view, handouts and PDF bookmarks. */
export interface RenderedSlide {
  kind: SlideKind;
  title: string;
  notesHtml: string;
  line?: number;
  sectionIndex?: number;
  /** Whether this slide continues the one before it (a split of an overlong slide). */
  continued: boolean;
}

/** The deck as Marp rendered it: slide markup, theme CSS, and per-slide facts. */
export interface RenderedDeck {
  /** Marp's `<div class="marpit">…</div>` with one inline SVG per slide. */
  html: string;
  css: string;
  slides: RenderedSlide[];
  /** Slide size in CSS pixels, from the theme. */
  width: number;
  height: number;
}

function yamlString(value: string): string {
  return JSON.stringify(value);
}

/** The whole Marp Markdown for a plan: global directives, then slides separated by `---` (fits are set afterwards, see withFits). */
export function deckMarkdown(plan: DeckPlan): string {
  const directives = [
    '---',
    `theme: ${yamlString(plan.theme)}`,
    `lang: ${yamlString(plan.lang)}`,
    'paginate: true',
    plan.header ? `header: ${yamlString(plan.header)}` : '',
    `footer: ${yamlString(plan.footer)}`,
    '---',
  ].filter(Boolean);
  return `${directives.join('\n')}\n\n${plan.slides.map((slide) => slide.markdown).join('\n\n---\n\n')}\n`;
}

/** The children of a slide's section that shrink to fit: everything but the header band and footer. */
const fitChildren = ':not(header):not(footer):not(style)';

/** Which elements of a slide shrink to fit (see measure-slides.ts). */
export const fitSelector = `section > ${fitChildren}`;

/** Where briefkit's fit rules start in a deck's CSS: they are replaced when the fits change, never stacked. */
const fitRulesMarker = '\n/* briefkit: slides shrunk to fit */\n';

/**
 * The deck with each slide's content shrunk to `fits[i]` (a scale below 1; none leaves it as it is), replacing the fits
 * it had: a `data-bk-fit` attribute on the slide's sections, and one CSS rule per scale at the end of the deck's CSS,
 * where Marp puts scoped styles. Setting them on the rendered deck, not in its Markdown, lets a fitting round that
 * only shrank slides skip rendering the deck again (a second Marp render of a 1,500-slide deck took 1.1 s).
 */
export function withFits(deck: RenderedDeck, fits: readonly (number | undefined)[]): RenderedDeck {
  const scales = new Set<string>();
  const svgs = slideSvgs(deck.html).map((svg, i) => {
    const bare = svg.replace(/ data-bk-fit="[^"]*"/g, '');
    const fit = fits[i];
    if (fit === undefined || fit >= 1) return bare;
    const scale = fit.toFixed(3);
    scales.add(scale);
    return bare.replace(/<section(?=[\s>])/g, `<section data-bk-fit="${scale}"`);
  });
  const base = cssWithoutFits(deck.css);
  const rules = [...scales].map((scale) => `div.marpit > svg > foreignObject > section[data-bk-fit="${scale}"] > ${fitChildren} { zoom: ${scale}; }`);
  return { ...deck, html: `<div class="marpit">${svgs.join('')}</div>`, css: rules.length > 0 ? `${base}${fitRulesMarker}${rules.join('\n')}\n` : base };
}

/** A deck's CSS without the fit rules withFits added (which depend only on the scales its slides are shrunk to). */
export function cssWithoutFits(css: string): string {
  return css.split(fitRulesMarker)[0];
}

/** Whether two plans differ in nothing but the slides' fits (so one's rendering, its fits set anew, is the other's). */
export function onlyFitsDiffer(a: DeckPlan, b: DeckPlan): boolean {
  const same = <T extends object>(x: T, y: T, except?: keyof T): boolean => {
    const keys = new Set([...Object.keys(x), ...Object.keys(y)] as (keyof T)[]);
    return [...keys].every((key) => key === except || x[key] === y[key]);
  };
  return (
    same({ ...a, slides: undefined }, { ...b, slides: undefined }) &&
    a.slides.length === b.slides.length &&
    a.slides.every((slide, i) => same(slide, b.slides[i], 'fit'))
  );
}

/** Renders a planned deck with Marp; notes are rendered with the report's Markdown so both read alike. */
export function renderDeck(plan: DeckPlan, briefing: Briefing, marp: Marp, notesMarkdown: MarkdownIt): RenderedDeck {
  const broken = themeError(marp, plan.theme);
  if (broken) throw broken;
  if (!marp.themeSet.has(plan.theme)) {
    throw new UnknownNameError('theme', plan.theme, `Unknown deck theme \`${plan.theme}\`.`, {
      location: { file: briefing.file },
      hint: `Known themes: ${themeNames(marp).join(', ')}.`,
    });
  }
  const env: MarkdownEnv = { assets: briefing.assets, lang: briefing.meta.lang };
  const { html, css, comments } = marp.render(deckMarkdown(plan), env);
  const viewBox = /viewBox="0 0 (\d+(?:\.\d+)?) (\d+(?:\.\d+)?)"/.exec(html);
  const footnotes = footnoteDefinitions(briefing);
  const numbering = reportFootnoteNumbers(briefing);
  // Figures and tables are numbered through the notes of the whole deck, as the report numbers them.
  const captionCounts = { figure: 0, table: 0 };
  const slides: RenderedSlide[] = plan.slides.map((slide, i) => {
    const authorNotes = (comments[i] ?? []).filter((c) => !/^\s*_?\w+\s*:/.test(c)).join('\n\n');
    const notes = [slide.notes, authorNotes].filter(Boolean).join('\n\n');
    const continued = i > 0 && slide.split !== undefined && slide.split.head === slide.split.continuedHead;
    // Each slide's notes are their own render, on one page with the others (the handout, the presenter view):
    // footnote ids are kept apart by slide, and captions are labelled in the document's language.
    const notesEnv: MarkdownEnv = { assets: briefing.assets, lang: briefing.meta.lang, docId: `s${i + 1}`, captionCounts, footnoteNumbers: numbering.numbers };
    if (notes) numberNotesFootnotes(notes, footnotes, numbering);
    const notesHtml = notes ? sanitize(notesMarkdown.render(withFootnoteDefinitions(notes, footnotes), notesEnv)) : '';
    return { kind: slide.kind, title: slide.title, line: slide.line, sectionIndex: slide.sectionIndex, continued, notesHtml };
  });
  const deck = { html, css, slides, width: viewBox ? Number(viewBox[1]) : 1280, height: viewBox ? Number(viewBox[2]) : 720 };
  return plan.slides.some((slide) => slide.fit !== undefined && slide.fit < 1) ? withFits(deck, plan.slides.map((slide) => slide.fit)) : deck;
}
