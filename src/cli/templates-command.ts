import { Command } from 'commander';
import type { CatalogEntry } from '../templates/catalog.js';
import { projectTemplateDirs } from './project-templates.js';
import { relativePath } from './relative-path.js';

/** How a command hands text back to src/cli.ts, the only place that prints. */
export interface CommandIo {
  out: (text: string) => void;
  setCode: (code: number) => void;
}

function where(entry: CatalogEntry, defaults: { template: string; theme: string }): string {
  const isDefault = entry.name === (entry.kind === 'report' ? defaults.template : defaults.theme);
  const notes = [entry.origin, isDefault ? 'the default' : '', entry.overridesBuiltin ? 'overrides the built-in' : '', entry.extends ? `extends ${entry.extends}` : ''].filter(Boolean).join(', ');
  return `${relativePath(entry.location)} (${notes})`;
}

/** The listing as text: one block per kind, one entry per name with its description and place. */
export function formatCatalog(entries: readonly CatalogEntry[], defaults: { template: string; theme: string }): string {
  const width = Math.max(8, ...entries.map((e) => e.name.length));
  const block = (title: string, kind: CatalogEntry['kind']): string[] => [
    title,
    ...entries.filter((e) => e.kind === kind).flatMap((e) => [`  ${e.name.padEnd(width)}  ${e.description || '(no description)'}`, `  ${' '.repeat(width)}  ${where(e, defaults)}`]),
  ];
  return [
    ...block('Report templates (choose with `template:` in front matter, --template, or the config):', 'report'),
    '',
    ...block('Deck themes (choose with `theme:` in front matter, --theme, or the config):', 'theme'),
    '',
    'Copy one into templates/ to change it: briefkit eject <name> [--as <newname>]',
  ].join('\n');
}

/** `briefkit templates`: lists report templates and deck themes, built-in and the project's. */
export function templatesCommand(io: CommandIo): Command {
  return new Command('templates')
    .description('list report templates and deck themes (built-in and the project\'s) and where each lives')
    .option('-c, --config <file>', 'config file (its templateDirs are searched too)')
    .option('--no-config', 'read no config file')
    .option('--json', 'print JSON')
    .action(async (flags: { config?: string | false; json?: boolean }) => {
      const { searchDirs, defaults } = await projectTemplateDirs(flags.config);
      // Loaded only for this command: the catalog pulls in marp-core, which `briefkit build` may not need at all.
      const { listCatalog } = await import('../templates/catalog.js');
      const entries = await listCatalog(searchDirs);
      io.out(flags.json ? JSON.stringify(entries, null, 2) : formatCatalog(entries, defaults));
      io.setCode(0);
    });
}
