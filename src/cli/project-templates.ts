import path from 'node:path';
import { builtinDefaults, resolveBuildOptions } from '../config/build-options.js';
import { loadConfig } from '../config/load-config.js';
import { templateSearchDirs } from '../templates/template-dirs.js';

/** The template folders of the project in the current folder: the config's `templateDirs`, templates/, built-ins. */
export async function projectTemplateDirs(config: string | false | undefined): Promise<{ searchDirs: string[]; projectTemplates: string; defaults: { template: string; theme: string } }> {
  const root = process.cwd();
  const options = resolveBuildOptions({ root, config }, await loadConfig({ root, file: config }));
  return {
    searchDirs: templateSearchDirs(options.templateDirs),
    projectTemplates: path.join(root, 'templates'),
    defaults: { template: options.defaults.template ?? builtinDefaults.template, theme: options.defaults.theme ?? builtinDefaults.theme },
  };
}
