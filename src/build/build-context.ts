import type { Marp } from '@marp-team/marp-core';
import type MarkdownIt from 'markdown-it';
import type { BrowserService } from '../browser/browser-service.js';
import type { SharedPrints } from '../pdf/shared-prints.js';
import type { SharedReports } from '../pdf/shared-reports.js';
import type { ResolvedBuildOptions } from '../config/build-options.js';
import type { TemplateRegistry } from '../templates/registry.js';
import type { FitMemory } from './fit-memory.js';

/** What every document of a build shares: options, templates, engines and the browser, each made once. */
export interface BuildContext {
  options: ResolvedBuildOptions;
  templates: TemplateRegistry;
  /** The Marp engine with all themes (created on first use). */
  marp: () => Promise<Marp>;
  markdown: MarkdownIt;
  /** Slides already measured, for decks that are fitted but not printed (kept across the preview's builds). */
  fitMemory: FitMemory;
  browser: BrowserService;
  /** Prints pages of the build's documents that look alike together (see SharedPrints). */
  prints: SharedPrints;
  /** Prints reports of the build that look alike together (see SharedReports). */
  reports: SharedReports;
  /** Claims the output folder of a document's slug for that file; throws when another document of the build holds it. */
  claimSlug(slug: string, file: string): void;
  /**
   * When set, outputs are written without waiting for the disk and handed here to be flushed later, before the build
   * saves the manifest that vouches for them (see BuildServices.flushWrites); otherwise each is flushed as written.
   */
  flushLater?: (files: readonly string[]) => void;
}
