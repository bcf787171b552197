import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import Handlebars from 'handlebars';
import { TemplateError } from '../errors.js';
import { builtinHelpers } from './helpers.js';

/** A report template read from disk and compiled: call `render(context)` to get the HTML page. */
export interface ReportTemplate {
  name: string;
  /** Folder the layout came from. */
  dir: string;
  /** Concatenated CSS (built-in base first when the template extends one, then its own). */
  css: string;
  render(context: object): string;
}

/** Where a named report template's files are found, project folders first. */
function candidateDirs(name: string, searchDirs: readonly string[]): string[] {
  return searchDirs.map((dir) => path.join(dir, 'report', name)).filter((dir) => existsSync(dir));
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

/** Rewraps a Handlebars parse error so it names the file, line and column and shows the line. */
function templateSyntaxError(error: unknown, file: string, source: string): TemplateError {
  const message = (error as Error).message;
  const lineMatch = /on line (\d+)/.exec(message);
  const line = lineMatch ? Number(lineMatch[1]) : undefined;
  const loc = (error as { column?: number; lineNumber?: number });
  const column = typeof loc.column === 'number' ? loc.column + 1 : undefined;
  const shown = line === undefined ? '' : `\n    ${line} | ${source.split('\n')[line - 1] ?? ''}`;
  const reason = message.split('\n').slice(-1)[0];
  return new TemplateError(`Template syntax error: ${reason}${shown}`, { location: { file, line: line ?? loc.lineNumber, column }, cause: error });
}

/** Parses a template once so a syntax error names its own file, line and column. */
function checkSyntax(hbs: typeof Handlebars, file: string, source: string): void {
  try {
    hbs.parse(source);
  } catch (error) {
    throw templateSyntaxError(error, file, source);
  }
}

async function readPartials(dirs: readonly string[]): Promise<Map<string, { file: string; source: string }>> {
  const partials = new Map<string, { file: string; source: string }>();
  // Later (built-in) folders first, so earlier (project) folders override partial by partial.
  for (const dir of [...dirs].reverse()) {
    const partialDir = path.join(dir, 'partials');
    const entries = await readdir(partialDir).catch(() => [] as string[]);
    for (const entry of entries) {
      if (!entry.endsWith('.hbs')) continue;
      const file = path.join(partialDir, entry);
      partials.set(entry.replace(/\.hbs$/, ''), { file, source: await readFile(file, 'utf8') });
    }
  }
  return partials;
}

async function firstExisting(dirs: readonly string[], file: string): Promise<{ file: string; source: string } | undefined> {
  for (const dir of dirs) {
    const candidate = path.join(dir, file);
    if (existsSync(candidate)) return { file: candidate, source: await readFile(candidate, 'utf8') };
  }
  return undefined;
}

/** Reads and compiles a report template by name; project folders override built-ins file by file. */
export async function loadReportTemplate(name: string, searchDirs: readonly string[], extraHelpers: Record<string, Handlebars.HelperDelegate> = {}): Promise<ReportTemplate> {
  const dirs = candidateDirs(name, searchDirs);
  if (dirs.length === 0) {
    const known = await listReportTemplates(searchDirs);
    throw new TemplateError(`Unknown report template \`${name}\`.`, { hint: `Known templates: ${known.join(', ') || '(none)'}. Choose one with \`template:\` in front matter or --template.` });
  }
  const layout = await firstExisting(dirs, 'layout.hbs');
  if (!layout) throw new TemplateError(`Report template \`${name}\` has no layout.hbs.`, { location: { file: path.join(dirs[0], 'layout.hbs') } });
  const css = await firstExisting(dirs, 'style.css');
  const hbs = Handlebars.create();
  hbs.registerHelper({ ...builtinHelpers, ...extraHelpers });
  for (const [partialName, partial] of await readPartials(dirs)) {
    checkSyntax(hbs, partial.file, partial.source);
    hbs.registerPartial(partialName, partial.source);
  }
  checkSyntax(hbs, layout.file, layout.source);
  const compiled = hbs.compile(layout.source, { strict: false });
  return {
    name,
    dir: path.dirname(layout.file),
    css: css?.source ?? '',
    render(context) {
      try {
        return compiled(context);
      } catch (error) {
        throw new TemplateError(`Template \`${name}\` failed: ${(error as Error).message}.`, { location: { file: layout.file }, hint: 'Check the partials and helpers it uses exist.', cause: error });
      }
    },
  };
}
