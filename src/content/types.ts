import type { AnchorLink } from './check-anchors.js';
/** A piece of Markdown cut out of a source file, with the 1-based source line its first line came from. */
export interface Chunk {
  markdown: string;
  line: number;
}

/** Paper sizes the report knows. */
export type PaperSize = 'A4' | 'Letter';

/** Validated front matter: every field has its final type; optional ones are undefined when absent. */
export interface FrontMatter {
  title: string;
  subtitle?: string;
  author?: string;
  organization?: string;
  /** ISO date (YYYY-MM-DD) when the source gave a date, else the text as written. */
  date?: string;
  classification?: string;
  /** The key judgments. */
  summary: string[];
  keywords: string[];
  /** BCP 47 language tag; defaults to `en`. */
  lang: string;
  theme?: string;
  template?: string;
  slug?: string;
  /** Number sections 1, 1.1 ... in the report (default true). */
  numbered: boolean;
  paper?: PaperSize;
  /** Any other keys the author wrote, passed through to templates untouched. */
  extra: Record<string, unknown>;
  /** Source lines of `theme:` and `template:`, for errors about the names they give. */
  lines?: Partial<Record<'theme' | 'template', number>>;
}

/** The two faces of a block of content, plus notes: what the report prints and what the deck shows. */
export interface Faces {
  /** Prose and `::: report` blocks, in source order: what the report prints. */
  report: Chunk[];
  /** Prose only (no `::: report`, `::: deck` or `::: notes`): default speaker notes. */
  prose: Chunk[];
  /** Each `::: deck` block, in order; empty when the author wrote none. */
  deck: Chunk[];
  /** Each `::: notes` block, in order. */
  notes: Chunk[];
}

/** A `##` section of a briefing. */
export interface Section extends Faces {
  /** 0-based position among the sections. */
  index: number;
  /** The heading text as written (inline Markdown allowed). */
  title: string;
  /** Unique, URL-safe id derived from the title. */
  id: string;
  /** Source line of the `##` heading. */
  line: number;
}

/** A local image or file the document refers to, read by the loader so rendering needs no I/O. */
export interface Asset {
  /** The reference exactly as written in the Markdown. */
  href: string;
  /** Absolute path on disk. */
  path: string;
  mime: string;
  bytes: Uint8Array;
}

/** Something worth telling the user that does not stop the build. */
export interface Diagnostic {
  message: string;
  file: string;
  line?: number;
}

/** One loaded source: front matter, introduction, sections and the assets they use. */
export interface Briefing {
  /** Absolute path of the Markdown file. */
  file: string;
  /** Folder of the Markdown file; relative asset paths resolve against it. */
  dir: string;
  slug: string;
  meta: FrontMatter;
  /** Text before the first `##` heading. */
  intro: Faces;
  sections: Section[];
  assets: ReadonlyMap<string, Asset>;
  warnings: Diagnostic[];
  /** Links within the document (`#section-id`), checked against the rendered page (see unresolvedAnchors). */
  anchorLinks?: AnchorLink[];
}
