import type { FrontMatter, PaperSize } from '../content/types.js';
import { builtinDefaults, type ResolvedBuildOptions } from './build-options.js';

/** The settings one document is built with, after precedence: defaults < config < front matter < CLI. */
export interface DocumentSettings {
  theme: string;
  template: string;
  paper: PaperSize;
}

/** Applies precedence once for a document. */
export function documentSettings(meta: FrontMatter, options: ResolvedBuildOptions): DocumentSettings {
  return {
    theme: options.overrides.theme ?? meta.theme ?? options.defaults.theme ?? builtinDefaults.theme,
    template: options.overrides.template ?? meta.template ?? options.defaults.template ?? builtinDefaults.template,
    paper: options.overrides.paper ?? meta.paper ?? options.defaults.paper ?? builtinDefaults.paper,
  };
}

/** Front matter with config defaults filled in where the author left a field out. */
export function withMetaDefaults(meta: FrontMatter, options: ResolvedBuildOptions): FrontMatter {
  const { organization, author, classification } = options.defaults;
  return {
    ...meta,
    organization: meta.organization ?? organization,
    author: meta.author ?? author,
    classification: meta.classification ?? classification,
  };
}
