import { Marp } from '@marp-team/marp-core';
import path from 'node:path';
import { BriefkitError } from '../errors.js';
import { listReportTemplates, resolveTemplateChain, templateDirsNamed } from './template-chain.js';
import { builtinTemplatesDir } from './template-dirs.js';
import { loadThemes } from './themes.js';

/** Where a template or theme comes from. */
export type TemplateOrigin = 'project' | 'built-in' | 'marp';

/** One report template or deck theme, as `briefkit templates` lists it. */
export interface CatalogEntry {
  kind: 'report' | 'theme';
  name: string;
  description: string;
  origin: TemplateOrigin;
  /** The folder (report) or CSS file (theme) that wins for this name; for Marp's own themes, the package name. */
  location: string;
  /** True when a project file of this name overrides a built-in one (wholly or, for reports, file by file). */
  overridesBuiltin: boolean;
  /** The template a report template extends, if any. */
  extends?: string;
}

function originOf(location: string): TemplateOrigin {
  return location.startsWith(builtinTemplatesDir + path.sep) ? 'built-in' : 'project';
}

/** Marp's own themes (default, gaia, uncover), which every deck can also use. */
export function marpThemeNames(): string[] {
  return [...new Marp().themeSet.themes()].map((theme) => theme.name).sort();
}

/** Every report template and deck theme the search folders offer, with a description and where each lives. */
export async function listCatalog(searchDirs: readonly string[]): Promise<CatalogEntry[]> {
  const entries: CatalogEntry[] = [];
  for (const name of await listReportTemplates(searchDirs)) {
    const dirs = templateDirsNamed(name, searchDirs);
    let description = '';
    let base: string | undefined;
    try {
      const chain = await resolveTemplateChain(name, searchDirs);
      description = chain.manifest.description ?? '';
      base = chain.manifest.extends;
    } catch (error) {
      description = `(broken: ${error instanceof BriefkitError ? error.message : String(error)})`;
    }
    entries.push({ kind: 'report', name, description, origin: originOf(dirs[0]), location: dirs[0], overridesBuiltin: dirs.length > 1 && dirs.some((d) => originOf(d) === 'built-in'), extends: base });
  }
  const themes = await loadThemes(searchDirs);
  const builtinThemes = new Set((await loadThemes([builtinTemplatesDir])).map((t) => t.name));
  const marpThemes = marpThemeNames();
  for (const theme of themes) {
    const origin = originOf(theme.file);
    entries.push({ kind: 'theme', name: theme.name, description: theme.description, origin, location: theme.file, overridesBuiltin: origin === 'project' && (builtinThemes.has(theme.name) || marpThemes.includes(theme.name)) });
  }
  for (const name of marpThemes) {
    if (themes.some((t) => t.name === name)) continue;
    entries.push({ kind: 'theme', name, description: `Marp's built-in "${name}" theme.`, origin: 'marp', location: '@marp-team/marp-core', overridesBuiltin: false });
  }
  return entries;
}
