import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { HelperDelegate } from 'handlebars';
import type { DeckShell } from '../deck/deck-page.js';
import { TemplateError } from '../errors.js';
import { loadReportTemplate, type ReportTemplate } from './report-template.js';
import { templateSearchDirs } from './template-dirs.js';
import { inlineCssFileUrls } from './template-assets.js';
import { loadThemes, themesWithInlinedUrls, type ThemeFile } from './themes.js';

/**
 * Every template a build uses, each read and compiled at most once per build. Project folders are
 * searched before the built-ins, so a user's file of the same name wins.
 */
export class TemplateRegistry {
  readonly searchDirs: readonly string[];
  private readonly reports = new Map<string, Promise<ReportTemplate>>();
  private themeFiles?: Promise<ThemeFile[]>;
  private shell?: Promise<DeckShell>;

  constructor(projectDirs: readonly string[], private readonly helpers: Readonly<Record<string, HelperDelegate>> = {}) {
    this.searchDirs = templateSearchDirs(projectDirs);
  }

  /** The compiled report template of that name. */
  report(name: string): Promise<ReportTemplate> {
    let template = this.reports.get(name);
    if (!template) {
      template = loadReportTemplate(name, this.searchDirs, { ...this.helpers });
      this.reports.set(name, template);
    }
    return template;
  }

  /** Every Marp theme CSS in the search folders, each with its relative url()s inlined. */
  themes(): Promise<ThemeFile[]> {
    this.themeFiles ??= loadThemes(this.searchDirs).then(themesWithInlinedUrls);
    return this.themeFiles;
  }

  /** The deck viewer's CSS and script, and the notes handout's CSS. */
  deckShell(): Promise<DeckShell> {
    // Stylesheets get their relative url()s (a house font beside handout.css) inlined, as the pages are sealed.
    const stylesheet = async (relative: string): Promise<string> => {
      const file = this.findFirst(relative);
      return inlineCssFileUrls(await readFile(file, 'utf8'), file);
    };
    this.shell ??= (async () => ({
      css: await stylesheet('deck/viewer.css'),
      script: await readFile(this.findFirst('deck/viewer.js'), 'utf8'),
      handoutCss: await stylesheet('deck/handout.css'),
    }))();
    return this.shell;
  }

  /** The first search folder's copy of a template file. */
  private findFirst(relative: string): string {
    for (const dir of this.searchDirs) {
      const file = path.join(dir, relative);
      if (existsSync(file)) return file;
    }
    throw new TemplateError(`Missing template file ${relative}.`, { hint: `Looked in: ${this.searchDirs.join(', ')}. Reinstall briefkit or restore the file.` });
  }
}
