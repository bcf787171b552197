import { Command, Option } from 'commander';
import path from 'node:path';
import { projectTemplateDirs } from './project-templates.js';
import type { CommandIo } from './templates-command.js';

interface EjectFlags {
  to?: string;
  as?: string;
  force?: boolean;
  only?: 'report' | 'theme';
  config?: string | false;
}

/** `briefkit eject <name>`: copies a report template and/or deck theme into the project's templates/ to edit. */
export function ejectCommand(io: CommandIo): Command {
  return new Command('eject')
    .description('copy a report template (layout, partials, CSS, fonts) and/or deck theme into templates/ to customise it')
    .argument('<name>', 'report template or deck theme name (see `briefkit templates`)')
    .option('--to <dir>', 'templates folder to copy into', 'templates')
    .option('--as <newname>', 'name of the copy (a new template/theme beside the original)')
    .addOption(new Option('--only <kind>', 'when a report template and a deck theme share the name, copy only one').choices(['report', 'theme']))
    .option('-f, --force', 'overwrite an existing copy')
    .option('-c, --config <file>', 'config file (its templateDirs are searched too)')
    .option('--no-config', 'read no config file')
    .action(async (name: string, flags: EjectFlags) => {
      const { searchDirs } = await projectTemplateDirs(flags.config);
      // Loaded only for this command (it pulls in marp-core).
      const { ejectTemplate } = await import('../templates/eject.js');
      const done = await ejectTemplate({ name, searchDirs, to: path.resolve(flags.to ?? 'templates'), as: flags.as, force: flags.force, kind: flags.only });
      const lines = done.map((d) => {
        const rel = path.relative(process.cwd(), d.target) || '.';
        return d.kind === 'report'
          ? `report template ${d.name} → ${rel}/ (${d.files.join(', ')})\n  ${
              d.name === name
                ? `it now overrides the built-in \`${name}\`; delete the files you do not change and they fall back to it`
                : `use it with \`template: ${d.name}\`; to keep only the files you change, add "extends": "${name}" to its template.json`
            }`
          : `deck theme ${d.name} → ${rel}\n  ${d.name === name ? `it now overrides the built-in \`${name}\` theme` : `use it with \`theme: ${d.name}\``}`;
      });
      io.out(lines.join('\n'));
      io.setCode(0);
    });
}
