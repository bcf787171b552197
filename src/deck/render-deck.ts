import type { Marp } from '@marp-team/marp-core';
import type MarkdownIt from 'markdown-it';
import type { Briefing } from '../content/types.js';
import { UnknownNameError } from '../errors.js';
import type { MarkdownEnv } from '../markdown/env.js';
import { sanitize } from '../markdown/sanitize.js';
import type { DeckPlan, PlannedSlide, SlideKind } from './deck-model.js';
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

/** The whole Marp Markdown for a plan: global directives, then slides separated by `---`. */
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
  return `${directives.join('\n')}\n\n${plan.slides.map(slideMarkdown).join('\n\n---\n\n')}\n`;
}

/** The slide's Markdown, with a scoped style that shrinks its content when measuring asked for it. */
function slideMarkdown(slide: PlannedSlide): string {
  if (slide.fit === undefined || slide.fit >= 1) return slide.markdown;
  return `${slide.markdown}\n\n${fitStyle(slide.fit)}`;
}

/** The scoped Marp style that shrinks a slide's content (all but the marking band and footer) to `scale`. */
export function fitStyle(scale: number): string {
  return `<style scoped>${fitSelector} { zoom: ${scale.toFixed(3)}; }</style>`;
}

/** Which elements of a slide shrink to fit: everything but the header band and footer. */
export const fitSelector = 'section > :not(header):not(footer):not(style)';

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
  return { html, css, slides, width: viewBox ? Number(viewBox[1]) : 1280, height: viewBox ? Number(viewBox[2]) : 720 };
}
