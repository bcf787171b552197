/** What kind of slide this is: the deck's fixed slides, or one made from a section. */
export type SlideKind = 'title' | 'judgments' | 'agenda' | 'section' | 'closing';

/** One slide as planned from the briefing, before Marp renders it. */
export interface PlannedSlide {
  kind: SlideKind;
  /** Marp Markdown for this slide (directives included). */
  markdown: string;
  /** Plain title used for the PDF bookmark and presenter view. */
  title: string;
  /** Speaker notes as Markdown. */
  notes: string;
  /** Source line the slide came from, for warnings. */
  line?: number;
  /** Index of the section it belongs to, for section slides. */
  sectionIndex?: number;
  /** How the slide can be cut into continuation slides when it is too long to fit (absent: it cannot). */
  split?: SlideSplit;
  /** Scale (below 1) the slide's content was shrunk to so it fits, decided after measuring it. */
  fit?: number;
}

/** A splittable slide: `markdown` is `head` + blank line + `body`; continuations repeat `continuedHead`. */
export interface SlideSplit {
  head: string;
  body: string;
  continuedHead: string;
}

/** The deck as planned: global directives plus slides in order. */
export interface DeckPlan {
  theme: string;
  lang: string;
  header: string;
  footer: string;
  slides: PlannedSlide[];
}
