import { Marp } from '@marp-team/marp-core';
import { TemplateError } from '../errors.js';
import { useBriefkitMarkdown } from '../markdown/create-markdown.js';
import type { ThemeFile } from '../templates/themes.js';

/** A Marp engine with briefkit's Markdown features and every theme found, created once per build. */
export function createMarp(themes: readonly ThemeFile[]): Marp {
  const marp = new Marp({ html: true, script: false, inlineSVG: true, math: false, minifyCSS: false });
  useBriefkitMarkdown(marp.markdown);
  for (const theme of themes) {
    try {
      marp.themeSet.add(theme.css);
    } catch (error) {
      throw new TemplateError(`Theme CSS could not be read: ${(error as Error).message}.`, { location: { file: theme.file }, hint: 'A Marp theme needs a `/* @theme name */` comment and valid CSS.', cause: error });
    }
  }
  return marp;
}

/** Names of every theme the engine knows (Marp's built-ins and ours). */
export function themeNames(marp: Marp): string[] {
  return [...marp.themeSet.themes()].map((t) => t.name).sort();
}
