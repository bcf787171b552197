import { Marp } from '@marp-team/marp-core';
import { TemplateError } from '../errors.js';
import { useBriefkitMarkdown } from '../markdown/create-markdown.js';
import type { ThemeFile } from '../templates/themes.js';
import { dropUnsafeHtmlPlugin } from './drop-unsafe-html.js';
import { useLinearSlideRule } from './linear-slide-rule.js';
import { rememberPackedThemes } from './remember-packed-themes.js';

/** How the deck engine treats raw HTML in Markdown. */
export interface MarpOptions {
  /** Keep raw HTML as written (`--trust-html`); otherwise only Marp's allowlist of tags and attributes survives. */
  trustHtml?: boolean;
}

/** Themes whose CSS Marp could not read, by engine and name: only decks that pick one of them fail. */
const brokenThemes = new WeakMap<Marp, Map<string, TemplateError>>();

/** A Marp engine with briefkit's Markdown features and every theme found, created once per build. */
export function createMarp(themes: readonly ThemeFile[], options: MarpOptions = {}): Marp {
  const marp = new Marp({
    // Marp.html is marp-core's allowlist: no <script>, no on* or style attributes, only http(s)/data:image URLs.
    html: options.trustHtml ? true : Marp.html,
    script: false,
    inlineSVG: true,
    math: false,
    minifyCSS: false,
    // Twemoji would turn every emoji into an <img> from a CDN; decks must never reach the network.
    emoji: { shortcode: true, unicode: false },
  });
  useLinearSlideRule(marp);
  useBriefkitMarkdown(marp.markdown);
  if (!options.trustHtml) marp.markdown.use(dropUnsafeHtmlPlugin(Object.keys(Marp.html)));
  const broken = new Map<string, TemplateError>();
  for (const theme of themes) {
    try {
      marp.themeSet.add(theme.css);
    } catch (error) {
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
    }
  }
  brokenThemes.set(marp, broken);
  rememberPackedThemes(marp);
  return marp;
}

/** Why a theme found on disk could not be loaded, if it could not. */
export function themeError(marp: Marp, name: string): TemplateError | undefined {
  return brokenThemes.get(marp)?.get(name);
}

/** Names of every theme the engine knows (Marp's built-ins and ours). */
export function themeNames(marp: Marp): string[] {
  return [...marp.themeSet.themes()].map((t) => t.name).sort();
}
