import type { FrontMatter, PaperSize } from '../content/types.js';
import { builtinDefaults, type DocumentDefaults, type ResolvedBuildOptions } from './build-options.js';
import { applyLayers } from './precedence.js';

/** The settings one document is built with, after precedence: built-in < config < front matter < CLI. */
export interface DocumentSettings {
  theme: string;
  template: string;
  paper: PaperSize;
  organization?: string;
  author?: string;
  classification?: string;
}

/** The document fields front matter may set. */
function frontMatterLayer(meta: FrontMatter): DocumentDefaults {
  const { theme, template, paper, organization, author, classification } = meta;
  return { theme, template, paper, organization, author, classification };
}

/** Applies precedence once for a document: built-in defaults < config file < front matter < command line. */
export function documentSettings(meta: FrontMatter, options: Pick<ResolvedBuildOptions, 'defaults' | 'overrides'>): DocumentSettings {
  const merged = applyLayers<DocumentDefaults>(builtinDefaults, options.defaults, frontMatterLayer(meta), options.overrides);
  return { ...merged, theme: merged.theme ?? builtinDefaults.theme, template: merged.template ?? builtinDefaults.template, paper: merged.paper ?? builtinDefaults.paper };
}

/** Front matter as the templates see it: the document fields replaced by their settled values. */
export function withSettings(meta: FrontMatter, settings: DocumentSettings): FrontMatter {
  return {
    ...meta,
    theme: settings.theme,
    template: settings.template,
    paper: settings.paper,
    organization: settings.organization,
    author: settings.author,
    classification: settings.classification,
  };
}
