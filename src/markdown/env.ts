import type { Asset } from '../content/types.js';

/** What briefkit passes through markdown-it's `env` to its plugins. */
export interface MarkdownEnv {
  /** Local images read by the loader, keyed by the href as written. */
  assets?: ReadonlyMap<string, Asset>;
  /** Document language: caption labels ("Figure", "그림", "図") follow it. */
  lang?: string;
  /** Filled by markdown-it-footnote. */
  footnotes?: unknown;
  /** Figures and tables numbered so far, for numbering that goes on across renders (each slide's notes); from 0 without. */
  captionCounts?: { figure: number; table: number };
  /** Set apart the ids markdown-it-footnote gives notes and marks (`fn-<docId>-1`), for several renders on one page. */
  docId?: string;
  /** The numbers the report gives footnotes, by label: notes rendered on their own show the same ones. */
  footnoteNumbers?: ReadonlyMap<string, number>;
}
