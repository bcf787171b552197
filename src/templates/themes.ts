import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { TemplateError } from '../errors.js';
import { inlineCssFileUrls } from './template-assets.js';

/** A Marp theme CSS file found in a templates folder. */
export interface ThemeFile {
  /** The name from the file's `/* @theme name *\/` comment. */
  name: string;
  file: string;
  css: string;
  /** The first sentence of the CSS's header comment, without `@` directives. */
  description: string;
  /** Lines added before the file's own CSS (a `@theme` comment when it had none), for error line numbers. */
  addedLines: number;
  /** Why the theme cannot be used (a `url()` to a file it lacks): only decks that pick it fail, with this error. */
  problem?: TemplateError;
}

const themeDirective = /\/\*[\s\S]*?@theme\s+([\w-]+)[\s\S]*?\*\//;

/** The `@theme` name a Marp theme CSS declares, if any. */
export function themeNameOf(css: string): string | undefined {
  return themeDirective.exec(css)?.[1];
}

/** The first sentence of a theme's header comment (lines starting with `@` left out), for `briefkit templates`. */
export function themeDescriptionOf(css: string): string {
  const comment = /^\s*\/\*([\s\S]*?)\*\//.exec(css)?.[1] ?? '';
  const text = comment
    .split('\n')
    .map((line) => line.replace(/^\s*\*?\s?/, '').trim())
    .filter((line) => line && !line.startsWith('@'))
    .join(' ');
  const sentence = /^.*?[.!?](?=\s|$)/.exec(text)?.[0] ?? text;
  return sentence.length > 100 ? `${sentence.slice(0, sentence.lastIndexOf(' ', 99))}…` : sentence;
}

/** Reads every Marp theme under `<dir>/themes/` of each search folder; the first folder wins a name. */
export async function loadThemes(searchDirs: readonly string[]): Promise<ThemeFile[]> {
  const themes = new Map<string, ThemeFile>();
  for (const dir of searchDirs) {
    const themeDir = path.join(dir, 'themes');
    const entries = await readdir(themeDir).catch(() => [] as string[]);
    for (const entry of entries.sort()) {
      if (!entry.endsWith('.css')) continue;
      const file = path.join(themeDir, entry);
      const css = await readFile(file, 'utf8');
      const name = themeNameOf(css) ?? entry.replace(/\.css$/, '');
      if (!themes.has(name)) themes.set(name, { name, file, css: themeNameOf(css) ? css : `/* @theme ${name} */\n${css}`, description: themeDescriptionOf(css), addedLines: themeNameOf(css) ? 0 : 1 });
    }
  }
  return [...themes.values()];
}

/**
 * Themes as a build uses them: each one's relative `url()`s (fonts, images beside it) inlined as data: URLs, since
 * decks are printed sealed; a theme naming a file it lacks carries that error instead of failing every deck.
 */
export async function themesWithInlinedUrls(themes: readonly ThemeFile[]): Promise<ThemeFile[]> {
  return Promise.all(
    themes.map(async (theme) => {
      try {
        return { ...theme, css: await inlineCssFileUrls(theme.css, theme.file) };
      } catch (error) {
        if (!(error instanceof TemplateError)) throw error;
        // Line numbers of the file as written: the @theme comment briefkit added is not in it.
        const line = error.location?.line === undefined ? undefined : error.location.line - theme.addedLines;
        return { ...theme, problem: new TemplateError(error.message.replace(/^The CSS/, 'The theme'), { location: { file: theme.file, line }, hint: error.hint }) };
      }
    }),
  );
}
