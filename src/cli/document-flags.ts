import { Option, type Command } from 'commander';
import type { BuildOptions } from '../config/build-options.js';
import { allFormats } from '../config/formats.js';
import type { PaperSize } from '../content/types.js';
import { UsageError } from '../errors.js';

/** The flags `build` and `serve` share: where to write, which config, and the settings that beat front matter. */
export interface DocumentFlags {
  out?: string;
  config?: string | false;
  formats?: string;
  theme?: string;
  template?: string;
  paper?: string;
  trustHtml?: boolean;
}

/** Declares the shared document flags on a command, so `build` and `serve` cannot drift apart. */
export function addDocumentOptions(command: Command): Command {
  return command
    .option('-o, --out <dir>', 'output folder (default: the config\'s outDir, else output/)')
    .option('-c, --config <file>', 'config file (default: briefkit.config.{ts,mts,js,mjs,json} in the current folder)')
    .option('--no-config', 'read no config file')
    .addOption(new Option('-f, --formats <list>', `comma-separated outputs: ${allFormats.join(',')}`))
    .option('-t, --theme <name>', 'deck theme (overrides front matter)')
    .option('--template <name>', 'report template (overrides front matter)')
    .option('--paper <size>', 'report paper size: A4 or Letter (overrides front matter)')
    .option('--trust-html', 'keep raw HTML in the Markdown instead of sanitising it');
}

/** Parses `--paper` case-insensitively; anything but A4 or Letter is bad usage. */
export function parsePaperFlag(value: string | undefined): PaperSize | undefined {
  if (value === undefined) return undefined;
  if (/^a4$/i.test(value)) return 'A4';
  if (/^letter$/i.test(value)) return 'Letter';
  throw new UsageError(`Unknown paper size \`${value}\`.`, { hint: 'Use --paper A4 or --paper Letter.' });
}

/** The build options the shared flags stand for. */
export function documentOptions(flags: DocumentFlags): Pick<BuildOptions, 'outDir' | 'config' | 'formats' | 'overrides' | 'trustHtml'> {
  return {
    outDir: flags.out,
    config: flags.config,
    formats: flags.formats,
    overrides: { theme: flags.theme, template: flags.template, paper: parsePaperFlag(flags.paper) },
    trustHtml: flags.trustHtml,
  };
}
