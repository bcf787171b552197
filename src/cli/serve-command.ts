import { Option, type Command } from 'commander';
import { UsageError } from '../errors.js';
import { allFormats } from '../config/formats.js';
import type { PreviewEvent } from '../serve/preview-session.js';
import { buildSummary } from './build-summary.js';
import { describeError } from './describe-error.js';

interface ServeFlags {
  out?: string;
  config?: string | false;
  formats?: string;
  theme?: string;
  template?: string;
  paper?: string;
  trustHtml?: boolean;
  host: string;
  port: string;
  quiet?: boolean;
}

const loopback = /^(127\.\d+\.\d+\.\d+|localhost|::1|\[::1\])$/i;

function describePreviewEvent(event: PreviewEvent): string {
  if (event.type === 'error') return `error  ${describeError(event.error)}`;
  const lines = event.result.failures.map((f) => `error  ${describeError(f.error, f.file)}`);
  const label = event.type === 'html-built' ? 'html' : 'pdf ';
  lines.push(`${label}   ${buildSummary({ ...event.result, index: undefined })}`);
  return lines.join('\n');
}

/** Adds `briefkit serve`: a loopback preview server with live reload; runs until interrupted. */
export function addServeCommand(program: Command, onExit: (code: number) => void): void {
  program
    .command('serve')
    .alias('dev')
    .description('build, serve the output on 127.0.0.1 and rebuild with live reload as files change')
    .argument('[paths...]', 'Markdown files or folders', [])
    .option('-o, --out <dir>', 'output folder (default: the config\'s outDir, else output/)')
    .option('-c, --config <file>', 'config file (default: briefkit.config.{ts,mts,js,mjs,json} in the current folder)')
    .option('--no-config', 'read no config file')
    .addOption(new Option('-f, --formats <list>', `comma-separated outputs: ${allFormats.join(',')}`))
    .option('-t, --theme <name>', 'deck theme (overrides front matter)')
    .option('--template <name>', 'report template (overrides front matter)')
    .option('--paper <size>', 'report paper size: A4 or Letter (overrides front matter)')
    .option('--trust-html', 'keep raw HTML in the Markdown instead of sanitising it')
    .option('--host <address>', 'address to listen on (anything but loopback exposes your drafts to the network)', '127.0.0.1')
    .option('-p, --port <n>', 'port to listen on (0 picks a free one)', '4321')
    .option('-q, --quiet', 'print only errors and the address')
    .action(async (paths: string[], flags: ServeFlags) => {
      const port = Number(flags.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`Bad port \`${flags.port}\`.`, { hint: 'Give a number from 0 to 65535 (0 picks a free port).' });
      const paper = flags.paper === undefined ? undefined : /^a4$/i.test(flags.paper) ? 'A4' : /^letter$/i.test(flags.paper) ? 'Letter' : undefined;
      if (flags.paper !== undefined && !paper) throw new UsageError(`Unknown paper size \`${flags.paper}\`.`, { hint: 'Use --paper A4 or --paper Letter.' });
      if (!loopback.test(flags.host)) process.stderr.write(`warning listening on ${flags.host}: other machines may be able to read your briefings.\n`);
      // Loaded only for this command, so `briefkit build` never pays for the file watcher.
      const { startPreview } = await import('../serve/preview-session.js');
      const session = await startPreview({
        paths,
        outDir: flags.out,
        config: flags.config,
        formats: flags.formats,
        overrides: { theme: flags.theme, template: flags.template, paper },
        trustHtml: flags.trustHtml,
        host: flags.host,
        port,
        onPreview: (event) => {
          if (!flags.quiet || event.type === 'error' || event.result.failures.length > 0) process.stderr.write(`${describePreviewEvent(event)}\n`);
        },
      }).catch((error: unknown) => {
        if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') throw new UsageError(`Port ${port} on ${flags.host} is in use.`, { hint: 'Pick another with --port, or --port 0 for any free one.' });
        throw error;
      });
      process.stdout.write(`briefkit preview at ${session.url} (Ctrl-C to stop)\n`);
      await new Promise<void>((resolve) => {
        const stop = (): void => resolve();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      await session.close();
      onExit(0);
    });
}
