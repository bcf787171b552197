import type { FrontMatter, PaperSize } from '../content/types.js';
import { UnknownNameError, type SourceLocation } from '../errors.js';
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

/** Where a document's theme or template name came from, in words and (for a file) at what line. */
export interface SettingOrigin {
  kind: 'flag' | 'front matter' | 'config' | 'defaults' | 'built-in';
  location?: SourceLocation;
  described: string;
}

/** Which layer set a document's `theme` or `template`: the command line, its front matter, the config file or the default. */
export function settingOrigin(key: 'theme' | 'template', meta: FrontMatter, file: string, options: Pick<ResolvedBuildOptions, 'defaults' | 'overrides' | 'configFile' | 'configLines'>): SettingOrigin {
  if (options.overrides[key] !== undefined) return { kind: 'flag', described: `given by --${key}` };
  if (meta[key] !== undefined) return { kind: 'front matter', location: { file, line: meta.lines?.[key] }, described: `set by \`${key}:\` in the front matter` };
  if (options.defaults[key] !== undefined && options.configFile && options.configLines?.[key] !== undefined) {
    return { kind: 'config', location: { file: options.configFile, line: options.configLines[key] }, described: `set by \`${key}\` in the config file` };
  }
  if (options.defaults[key] !== undefined) return { kind: 'defaults', described: "set by the build's defaults" };
  return { kind: 'built-in', described: 'the built-in default' };
}

/**
 * An unknown theme or template name, placed where it was set: the front matter line, the config file line, or
 * the flag (then the document itself), and saying so, so the user changes the right place.
 */
export function placeUnknownName(error: UnknownNameError, origin: SettingOrigin, file: string): UnknownNameError {
  const flag = origin.kind === 'flag';
  return new UnknownNameError(error.setting, error.value, `${error.message.replace(/\.$/, '')} (${origin.described}).`, {
    location: origin.location ?? { file },
    hint: `${error.hint ?? ''}${flag ? ` Check --${error.setting}.` : ''}`.trim(),
  });
}
