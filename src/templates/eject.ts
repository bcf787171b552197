import { Marp } from '@marp-team/marp-core';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from '../errors.js';
import { listReportTemplates, resolveTemplateChain } from './template-chain.js';
import { isInside } from '../content/local-path.js';
import { relativeCssUrls } from './template-assets.js';
import { collectTemplateFiles } from './template-files.js';
import { loadThemes, themeDescriptionOf, themeNameOf } from './themes.js';

/** What to eject and where. */
export interface EjectOptions {
  /** A report template or deck theme name. */
  name: string;
  /** Folders searched for it (project first, built-in last). */
  searchDirs: readonly string[];
  /** The project's templates folder to copy into. */
  to: string;
  /** A new name for the copy. */
  as?: string;
  /** Overwrite an existing copy. */
  force?: boolean;
  /** Only the report template, or only the deck theme, when both have that name. */
  kind?: 'report' | 'theme';
}

/** One copy made by eject. */
export interface EjectedTemplate {
  kind: 'report' | 'theme';
  name: string;
  /** The folder (report) or file (theme) written. */
  target: string;
  /** Files written, relative to `target` for reports. */
  files: string[];
}

function refuseExisting(target: string, kind: string, name: string): never {
  throw new UsageError(`${kind} \`${name}\` already exists at ${target}.`, { hint: 'Pass --force to overwrite it, or --as <newname> to copy under another name.' });
}

/** Copies a report template — with everything it inherits, flattened into one folder — into `<to>/report/<as>`. */
async function ejectReport(options: EjectOptions, newName: string): Promise<EjectedTemplate> {
  const target = path.join(options.to, 'report', newName);
  if (existsSync(target) && !options.force) refuseExisting(target, 'Report template', newName);
  const chain = await resolveTemplateChain(options.name, options.searchDirs);
  const { files, styles } = await collectTemplateFiles(chain);
  // Everything is read before anything is written: the target may be one of the sources (--force over a project copy).
  const contents = new Map<string, Uint8Array | string>();
  for (const [rel, file] of files) contents.set(rel, await readFile(file));
  const css = await Promise.all(styles.map(async (file) => readFile(file, 'utf8')));
  if (css.length > 0) contents.set('style.css', css.join('\n'));
  const original = chain.manifest.description ?? 'a report template';
  const manifest = { description: newName === options.name ? original : copyDescription(options.name, original) };
  contents.set('template.json', `${JSON.stringify(manifest, null, 2)}\n`);
  for (const [rel, data] of contents) {
    const file = path.join(target, rel);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, data);
  }
  return { kind: 'report', name: newName, target, files: [...contents.keys()].sort() };
}

/** What a copy under a new name says it is: "Copy of acme: …", one "Copy of" however often it was copied. */
export function copyDescription(name: string, original: string): string {
  return `Copy of ${name}: ${original.replace(/^(?:Copy of [\w.-]+: )+/, '')}`;
}

/** A theme's CSS with "Copy of <name>: " before the first line of text of its header comment. */
function withCopyDescription(css: string, name: string): string {
  const end = css.indexOf('*/');
  if (!/^\s*\/\*/.test(css) || end < 0) return css;
  const lines = css.slice(0, end).split('\n');
  const index = lines.findIndex((line) => {
    const text = line.replace(/^\s*(?:\/\*+|\*)\s?/, '').trim();
    return text !== '' && !text.startsWith('@');
  });
  if (index < 0) return css;
  const lead = /^\s*(?:\/\*+|\*)\s?/.exec(lines[index])?.[0] ?? '';
  lines[index] = `${lead}${copyDescription(name, lines[index].slice(lead.length))}`;
  return lines.join('\n') + css.slice(end);
}

/** The CSS of a theme, and its file when it is one of ours: one found in the search folders, else one of Marp's own. */
async function themeCss(name: string, searchDirs: readonly string[]): Promise<{ css: string; file?: string } | undefined> {
  const found = (await loadThemes(searchDirs)).find((theme) => theme.name === name);
  if (found) return { css: found.css, file: found.file };
  const marp = new Marp().themeSet.get(name)?.css;
  return marp === undefined ? undefined : { css: marp };
}

/**
 * Copies a deck theme into `<to>/themes/<as>.css`, renaming its `@theme` to the new name, with the files beside it
 * that its relative `url()`s name (fonts, images), which a copy without them would miss. Files already there are kept.
 */
async function ejectTheme(options: EjectOptions, newName: string, theme: { css: string; file?: string }): Promise<EjectedTemplate> {
  const { css } = theme;
  const target = path.join(options.to, 'themes', `${newName}.css`);
  if (existsSync(target) && !options.force) refuseExisting(target, 'Deck theme', newName);
  const declared = themeNameOf(css);
  let renamed = declared ? css.replace(new RegExp(`(@theme\\s+)${declared}\\b`), `$1${newName}`) : `/* @theme ${newName} */\n${css}`;
  // Under a new name its description (the header comment's first sentence) says what it is a copy of: the comment's
  // first line of text (not an @ line) gets the prefix, however the sentence wraps.
  if (newName !== options.name && themeDescriptionOf(css)) renamed = withCopyDescription(renamed, options.name);
  await mkdir(path.dirname(target), { recursive: true });
  await writeFile(target, renamed);
  const files = [path.basename(target)];
  const source = theme.file && path.dirname(theme.file);
  for (const rel of source ? relativeCssUrls(css) : []) {
    const from = path.resolve(source ?? '', rel);
    const to = path.join(path.dirname(target), rel);
    if (!isInside(from, source ?? '') || !existsSync(from) || from === path.resolve(to) || existsSync(to)) continue;
    await mkdir(path.dirname(to), { recursive: true });
    await copyFile(from, to);
    files.push(rel);
  }
  return { kind: 'theme', name: newName, target, files };
}

/**
 * Copies a built-in (or any found) report template and/or deck theme into the project's templates folder, where
 * it then overrides the original by name (or is a new one under `as`). Refuses to overwrite unless `force`.
 */
export async function ejectTemplate(options: EjectOptions): Promise<EjectedTemplate[]> {
  const newName = options.as ?? options.name;
  if (!/^[\w][\w.-]*$/.test(newName)) throw new UsageError(`\`${newName}\` cannot be a template name.`, { hint: 'Use letters, digits, `-`, `_` or `.`.' });
  const reports = await listReportTemplates(options.searchDirs);
  const isReport = reports.includes(options.name) && options.kind !== 'theme';
  const css = options.kind === 'report' ? undefined : await themeCss(options.name, options.searchDirs);
  if (!isReport && css === undefined) {
    const themes = [...new Set([...(await loadThemes(options.searchDirs)).map((t) => t.name), ...[...new Marp().themeSet.themes()].map((t) => t.name)])].sort();
    const what = options.kind === 'report' ? 'report template' : options.kind === 'theme' ? 'deck theme' : 'report template or deck theme';
    throw new UsageError(`There is no ${what} called \`${options.name}\`.`, { hint: `Report templates: ${reports.join(', ') || '(none)'}. Deck themes: ${themes.join(', ')}.` });
  }
  // Check both targets before writing either, so a refusal leaves nothing half-done.
  if (!options.force) {
    if (isReport && existsSync(path.join(options.to, 'report', newName))) refuseExisting(path.join(options.to, 'report', newName), 'Report template', newName);
    if (css !== undefined && existsSync(path.join(options.to, 'themes', `${newName}.css`))) refuseExisting(path.join(options.to, 'themes', `${newName}.css`), 'Deck theme', newName);
  }
  const done: EjectedTemplate[] = [];
  if (isReport) done.push(await ejectReport(options, newName));
  if (css !== undefined) done.push(await ejectTheme(options, newName, css));
  return done;
}
