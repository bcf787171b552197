import { readFile } from 'node:fs/promises';
import path from 'node:path';
import Handlebars from 'handlebars';
import { TemplateError } from '../errors.js';
import { builtinHelpers } from './helpers.js';
import { dataUrl, inlineCssUrls } from './template-assets.js';
import { resolveTemplateChain, type TemplateChain } from './template-chain.js';
import { collectTemplateFiles } from './template-files.js';
import { checkReferences, parseTemplate } from './template-syntax.js';

export { listReportTemplates } from './template-chain.js';

/** A report template read from disk and compiled: call `render(context)` to get the HTML page. */
export interface ReportTemplate {
  name: string;
  /** Folder the layout came from. */
  dir: string;
  /** The template's CSS: each base template's style.css first, then its own, with relative url()s inlined. */
  css: string;
  render(context: object): string;
}

/** A template source file read from disk. */
interface SourceFile {
  file: string;
  source: string;
}

/**
 * Wraps a config helper so an exception inside it names the helper, and the template file and line that called it:
 * `rendering` is the stack of template files being rendered (the layout, then each partial it includes), and
 * Handlebars gives a helper the place of its call as `options.loc`.
 */
function guardHelper(name: string, helper: Handlebars.HelperDelegate, rendering: readonly string[]): Handlebars.HelperDelegate {
  return function guarded(this: unknown, ...args: unknown[]) {
    try {
      return (helper as (...values: unknown[]) => unknown).apply(this, args);
    } catch (error) {
      // A helper called by this one failed and said where already (a block helper around a failing one).
      if (error instanceof TemplateError && error.location) throw error;
      const loc = (args[args.length - 1] as { loc?: { start?: { line?: number; column?: number } } } | undefined)?.loc?.start;
      const file = rendering[rendering.length - 1];
      throw new TemplateError(`Helper \`${name}\` threw: ${(error as Error).message}`, {
        location: file ? { file, line: loc?.line, column: loc?.column === undefined ? undefined : loc.column + 1 } : undefined,
        hint: 'The helper comes from `helpers` in the config file.',
        cause: error,
      });
    }
  };
}

/** Reads the chain's layout, partials, CSS and other files (images, fonts) into memory. */
async function readTemplate(chain: TemplateChain) {
  const { files, styles } = await collectTemplateFiles(chain);
  const read = async (file: string): Promise<SourceFile> => ({ file, source: await readFile(file, 'utf8') });
  const layoutFile = files.get('layout.hbs');
  if (!layoutFile) {
    const own = chain.groups[0].dirs[0];
    throw new TemplateError(`Report template \`${chain.name}\` has no layout.hbs${chain.groups.length > 1 ? ', and neither do the templates it extends' : ''}.`, {
      location: { file: path.join(own, 'template.json') },
      hint: `To start from a built-in, put \`{ "extends": "briefing" }\` in ${path.join(own, 'template.json')} and keep only the files you change, or run \`briefkit eject briefing --as ${chain.name}\`.`,
    });
  }
  const partials = new Map<string, SourceFile>();
  const assets = new Map<string, string>();
  for (const [rel, file] of files) {
    if (rel.startsWith('partials/') && rel.endsWith('.hbs')) partials.set(rel.slice('partials/'.length, -'.hbs'.length), await read(file));
    else if (!rel.endsWith('.hbs')) assets.set(rel, dataUrl(rel, await readFile(file)));
  }
  const css = (await Promise.all(styles.map(read))).map((style) => inlineCssUrls(style.source, style.file, assets)).join('\n');
  return { layout: await read(layoutFile), partials, assets, css };
}

/**
 * Reads and compiles a report template by name. Project folders override built-ins file by file and partial by
 * partial; a template.json `extends` borrows every missing file from another template. Syntax errors, unknown
 * helpers and missing partials or files are found here, before anything renders, and name their file and line.
 */
export async function loadReportTemplate(name: string, searchDirs: readonly string[], extraHelpers: Record<string, Handlebars.HelperDelegate> = {}): Promise<ReportTemplate> {
  const chain = await resolveTemplateChain(name, searchDirs);
  const { layout, partials, assets, css } = await readTemplate(chain);
  const hbs = Handlebars.create();
  const rendering: string[] = [];
  const userHelpers = Object.fromEntries(Object.entries(extraHelpers).map(([helperName, fn]) => [helperName, guardHelper(helperName, fn, rendering)]));
  hbs.registerHelper({
    ...builtinHelpers,
    /** {{asset "assets/logo.png"}}: a file of the template as a data: URL. */
    asset: (rel: unknown) => (typeof rel === 'string' ? (assets.get(path.posix.normalize(rel.replace(/^\.\//, ''))) ?? '') : ''),
    ...userHelpers,
  });
  const known = { helpers: new Set(Object.keys(hbs.helpers)), partials: new Set(partials.keys()), assets: new Set(assets.keys()) };
  // Every file is parsed before any is checked, so a syntax error is reported before what it may hide.
  const parsed = [layout, ...partials.values()].map((source) => ({ ...source, program: parseTemplate(source.file, source.source) }));
  for (const { file, source, program } of parsed) checkReferences(program, file, source, known, name);
  const within = <T>(file: string, run: () => T): T => {
    rendering.push(file);
    try {
      return run();
    } finally {
      rendering.pop();
    }
  };
  // Each partial is compiled here and run inside a record of its file, so an error raised in it can name it.
  for (const [partialName, partial] of partials) {
    const template = hbs.compile(partial.source, { strict: false });
    hbs.registerPartial(partialName, ((context: unknown, options?: Handlebars.RuntimeOptions) => within(partial.file, () => template(context, options))) as Handlebars.Template);
  }
  const compiled = hbs.compile(layout.source, { strict: false });
  return {
    name,
    dir: path.dirname(layout.file),
    css,
    render(context) {
      try {
        return within(layout.file, () => compiled(context));
      } catch (error) {
        if (error instanceof TemplateError) {
          if (error.location) throw error;
          throw new TemplateError(error.message, { location: { file: layout.file }, hint: error.hint, cause: error });
        }
        throw new TemplateError(`Report template \`${name}\` failed while rendering: ${(error as Error).message}.`, {
          location: { file: layout.file },
          hint: 'Check the helpers and partials it uses (run with DEBUG=1 for the stack).',
          cause: error,
        });
      }
    },
  };
}
