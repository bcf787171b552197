import type { MarkingLevel } from '../content/marking-level.js';
import type { UiLabels } from '../content/ui-labels.js';
import type { PaperSize } from '../content/types.js';

/** A `###` subsection, for the contents and numbering. */
export interface ReportSubsection {
  /** "1.2" when sections are numbered, else "". */
  number: string;
  id: string;
  /** Heading as inline HTML. */
  title: string;
  /** Heading as plain text (bookmarks, running header). */
  text: string;
}

/** A `##` section of the report. */
export interface ReportSection {
  /** "3" when sections are numbered, else "". */
  number: string;
  id: string;
  /** Heading as inline HTML. */
  title: string;
  /** Heading as plain text. */
  text: string;
  /** The section body as HTML, headings numbered and given ids. Does not include the `##` heading. */
  html: string;
  subsections: ReportSubsection[];
  /** Source line of the heading. */
  line: number;
}

/** Everything a report template can use. Documented field by field in docs/templates.md. */
export interface ReportContext {
  document: {
    title: string;
    subtitle?: string;
    author?: string;
    organization?: string;
    /** ISO date as written in front matter. */
    date?: string;
    /** The date formatted in the document language. */
    dateDisplay?: string;
    /** The marking as written; templates usually upper-case it. */
    classification?: string;
    /** The level the marking states (`unclassified`, `cui`, `confidential`, `secret`, `top-secret`), for its colour; absent for any other marking. */
    classificationLevel?: MarkingLevel;
    keywords: string[];
    lang: string;
    paper: PaperSize;
    numbered: boolean;
    slug: string;
  };
  /** The words the template puts around the content ("Key judgments", "Contents", "Page 3 of 12"), in the document language. */
  labels: UiLabels;
  /** Key judgments from front matter `summary`, as inline HTML. */
  keyJudgments: string[];
  /** The introduction (text before the first `##`) as HTML; empty when there is none. */
  intro: string;
  sections: ReportSection[];
  /** Footnotes collected as endnotes, as HTML (an ordered list); empty when there are none. */
  endnotes: string;
  /**
   * Page numbers for the contents, by element id, guessed before printing or measured from a first print of the PDF:
   * text padded to a fixed number of digits with figure spaces (so filling them in never moves a line), `0`s on the
   * first render, and empty when no PDF is printed.
   */
  pages: Record<string, string>;
  /** The running head (current `##` heading) of every printed page, index 0 being page 1; empty until measured. */
  runningHeads: string[];
  /** The template's CSS, inlined into the page by the layout. */
  styles: string;
  /** Front matter keys briefkit does not know, passed through untouched. */
  extra: Record<string, unknown>;
  build: {
    generator: string;
    version: string;
    /** ISO timestamp of the build. */
    builtAt: string;
  };
}
