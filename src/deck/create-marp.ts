import { Marp } from '@marp-team/marp-core';
import { TemplateError } from '../errors.js';
import { useBriefkitMarkdown } from '../markdown/create-markdown.js';
import type { ThemeFile } from '../templates/themes.js';
import { withBuiltInThemesPending } from './built-in-themes.js';
import { dropUnsafeHtmlPlugin } from './drop-unsafe-html.js';
import { useLinearSlideRule } from './linear-slide-rule.js';
import { useSectionHeadingIds } from './section-heading-ids.js';
import { useQuietRunningText } from './quiet-running-text.js';
import { rememberPackedThemes } from './remember-packed-themes.js';
import { rememberSanitizedHtml } from './remember-sanitized-html.js';

/** How the deck engine treats raw HTML in Markdown. */
export interface MarpOptions {
  /** Keep raw HTML as written (`--trust-html`); otherwise only Marp's allowlist of tags and attributes survives. */
  trustHtml?: boolean;
}

/** Themes whose CSS Marp could not read, by engine and name: only decks that pick one of them fail. */
const brokenThemes = new WeakMap<Marp, Map<string, TemplateError>>();

/**
 * Gives the engine its themes as they are first asked for (by name, by a theme that imports them, or by a listing)
 * instead of all at once: Marpit reads each theme's CSS with PostCSS when it is added, and a deck uses one theme
 * (and what it imports) of the several found. `builtIns` are marp-core's own themes not added yet (by name, their
 * CSS); one of ours with the same name replaces it, as when both were added at once. A theme that cannot be read is
 * passed to `onError` when first asked for.
 */
function registerThemesOnFirstUse(marp: Marp, themes: readonly ThemeFile[], builtIns: Map<string, string>, onError: (theme: ThemeFile, error: unknown) => void): void {
  const themeSet = marp.themeSet;
  const pending = new Map(themes.map((theme) => [theme.name, theme]));
  const { get, has, themes: all, delete: remove, clear } = themeSet;
  const add = (name: string): void => {
    const builtIn = builtIns.get(name);
    const theme = pending.get(name);
    if (builtIn === undefined && !theme) {
      // A name we do not know may still be one of them: Marpit reads a theme's `@theme` comment by rules of its own.
      if (pending.size + builtIns.size > 0 && !has.call(themeSet, name)) addAll();
      return;
    }
    builtIns.delete(name);
    pending.delete(name);
    if (builtIn !== undefined) themeSet.add(builtIn);
    if (!theme) return;
    if (theme.problem) {
      onError(theme, theme.problem);
      return;
    }
    try {
      themeSet.add(theme.css);
    } catch (error) {
      onError(theme, error);
    }
  };
  const addAll = (): void => [...new Set([...builtIns.keys(), ...pending.keys()])].forEach(add);
  themeSet.get = (name, fallback) => {
    add(name);
    return get.call(themeSet, name, fallback);
  };
  themeSet.has = (name) => {
    add(name);
    return has.call(themeSet, name);
  };
  themeSet.themes = () => {
    addAll();
    return all.call(themeSet);
  };
  themeSet.delete = (name) => {
    builtIns.delete(name);
    pending.delete(name);
    return remove.call(themeSet, name);
  };
  themeSet.clear = () => {
    builtIns.clear();
    pending.clear();
    clear.call(themeSet);
  };
  Object.defineProperty(themeSet, 'size', {
    get: () => {
      addAll();
      return [...all.call(themeSet)].length;
    },
  });
}

/** A Marp engine with briefkit's Markdown features and every theme found, created once per build. */
export function createMarp(themes: readonly ThemeFile[], options: MarpOptions = {}): Marp {
  const { created: marp, pending: builtIns } = withBuiltInThemesPending(() => new Marp({
    // Marp.html is marp-core's allowlist: no <script>, no on* or style attributes, only http(s)/data:image URLs.
    html: options.trustHtml ? true : Marp.html,
    script: false,
    inlineSVG: true,
    math: false,
    minifyCSS: false,
    // Twemoji would turn every emoji into an <img> from a CDN; decks must never reach the network.
    emoji: { shortcode: true, unicode: false },
  }));
  useLinearSlideRule(marp);
  useSectionHeadingIds(marp);
  useQuietRunningText(marp);
  // Typographic quotes, dashes and ellipses, as the report's Markdown has: "North Korea's" on a slide reads as in the
  // report. Marp starts from markdown-it's commonmark preset, which switches both rules off.
  marp.markdown.set({ typographer: true }).enable(['replacements', 'smartquotes']);
  useBriefkitMarkdown(marp.markdown);
  if (!options.trustHtml) marp.markdown.use(dropUnsafeHtmlPlugin(Object.keys(Marp.html)));
  const broken = new Map<string, TemplateError>();
  registerThemesOnFirstUse(marp, themes, builtIns, (theme, error) => {
    if (error instanceof TemplateError) {
      broken.set(theme.name, error);
      return;
    }
    // postcss's CssSyntaxError carries the line and column and a `reason` without the "<css input>" prefix.
    const at = error as { line?: number; column?: number; reason?: string };
    const line = typeof at.line === 'number' ? at.line - theme.addedLines : undefined;
    broken.set(
      theme.name,
      new TemplateError(`Theme CSS could not be read: ${at.reason ?? (error as Error).message}.`, {
        location: { file: theme.file, line, column: line === undefined ? undefined : at.column },
        hint: 'A Marp theme needs a `/* @theme name */` comment and valid CSS.',
        cause: error,
      }),
    );
  });
  brokenThemes.set(marp, broken);
  rememberPackedThemes(marp);
  rememberSanitizedHtml(marp);
  return marp;
}

/** Why a theme found on disk could not be loaded, if it could not. */
export function themeError(marp: Marp, name: string): TemplateError | undefined {
  marp.themeSet.has(name);
  return brokenThemes.get(marp)?.get(name);
}

/** Names of every theme the engine knows (Marp's built-ins and ours). */
export function themeNames(marp: Marp): string[] {
  return [...marp.themeSet.themes()].map((t) => t.name).sort();
}
