import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { TemplateError, UnknownNameError } from '../errors.js';
import { readManifest, type TemplateManifest } from './template-manifest.js';

/** The folders of one report template name, highest precedence first (project ones before built-in). */
export interface TemplateGroup {
  name: string;
  dirs: string[];
}

/** A report template with everything it inherits: its own name's folders, then each template it extends. */
export interface TemplateChain {
  name: string;
  /** Highest precedence first: [the template itself, its base, the base's base ...]. */
  groups: TemplateGroup[];
  manifest: TemplateManifest;
}

/** Lists the report template names available in the search folders. */
export async function listReportTemplates(searchDirs: readonly string[]): Promise<string[]> {
  const names = new Set<string>();
  for (const dir of searchDirs) {
    const entries = await readdir(path.join(dir, 'report'), { withFileTypes: true }).catch(() => []);
    for (const entry of entries) if (entry.isDirectory()) names.add(entry.name);
  }
  return [...names].sort();
}

/** The folders named `report/<name>` in the search folders, project first. */
export function templateDirsNamed(name: string, searchDirs: readonly string[]): string[] {
  return searchDirs.map((dir) => path.join(dir, 'report', name)).filter((dir) => existsSync(dir));
}

/** The merged template.json of one name's folders: a project's fields win over the built-in's. */
async function groupManifest(dirs: readonly string[]): Promise<TemplateManifest> {
  const merged: TemplateManifest = {};
  for (const dir of [...dirs].reverse()) {
    const manifest = await readManifest(dir);
    if (manifest?.description !== undefined) merged.description = manifest.description;
    if (manifest?.extends !== undefined) merged.extends = manifest.extends;
  }
  return merged;
}

/** Resolves a report template name and its `extends` chain; unknown names list the known ones, cycles are named. */
export async function resolveTemplateChain(name: string, searchDirs: readonly string[], seen: readonly string[] = []): Promise<TemplateChain> {
  const dirs = templateDirsNamed(name, searchDirs);
  if (dirs.length === 0) {
    const known = await listReportTemplates(searchDirs);
    const asked = seen.length > 0 ? ` (extended by \`${seen[seen.length - 1]}\`)` : '';
    const hint = `Known templates: ${known.join(', ') || '(none)'}.`;
    // A name an `extends` asked for is that manifest's fault, not the setting's.
    if (seen.length > 0) throw new TemplateError(`Unknown report template \`${name}\`${asked}.`, { hint });
    throw new UnknownNameError('template', name, `Unknown report template \`${name}\`.`, { hint });
  }
  const manifest = await groupManifest(dirs);
  const groups: TemplateGroup[] = [{ name, dirs }];
  if (manifest.extends !== undefined) {
    const manifestFile = path.join(dirs.find((d) => existsSync(path.join(d, 'template.json'))) ?? dirs[0], 'template.json');
    if (manifest.extends === name) {
      throw new TemplateError(`Report template \`${name}\` extends itself.`, {
        location: { file: manifestFile },
        hint: `A project folder named like a built-in already overrides it file by file; remove \`"extends"\` from template.json.`,
      });
    }
    if (seen.includes(manifest.extends)) {
      throw new TemplateError(`Report templates extend each other in a circle: ${[...seen, name, manifest.extends].join(' → ')}.`, { location: { file: manifestFile } });
    }
    const base = await resolveTemplateChain(manifest.extends, searchDirs, [...seen, name]);
    groups.push(...base.groups);
  }
  return { name, groups, manifest };
}
