import type { Command } from 'commander';
import { UsageError } from '../errors.js';
import { addDocumentOptions, documentOptions, type DocumentFlags } from './document-flags.js';
import type { PreviewEvent } from '../serve/preview-session.js';
import { buildSummary } from './build-summary.js';
import { describeError } from './describe-error.js';

interface ServeFlags extends DocumentFlags {
  host: string;
  port: string;
  quiet?: boolean;
}

const loopback = /^(127\.\d+\.\d+\.\d+|localhost|::1|\[::1\])$/i;

/**
 * What the preview prints for each pass. A document that fails to load fails the HTML pass and then the PDF pass
 * after it with the same error: the PDF pass names only errors its HTML pass did not already print.
 */
export function previewReporter(): (event: PreviewEvent) => string {
  let printed = new Set<string>();
  return (event) => {
    if (event.type === 'error') return `error  ${describeError(event.error)}`;
    const errors = event.result.failures.map((f) => `error  ${describeError(f.error, f.file)}`);
    const fresh = event.type === 'html-built' ? errors : errors.filter((line) => !printed.has(line));
    if (event.type === 'html-built') printed = new Set(errors);
    const label = event.type === 'html-built' ? 'html' : 'pdf ';
    return [...fresh, `${label}   ${buildSummary({ ...event.result, index: undefined })}`].join('\n');
  };
}

/** Adds `briefkit serve`: a loopback preview server with live reload; runs until interrupted. */
export function addServeCommand(program: Command, onExit: (code: number) => void): void {
  addDocumentOptions(
    program
      .command('serve')
      .alias('dev')
      .description('build, serve the output on 127.0.0.1 and rebuild with live reload as files change')
      .argument('[paths...]', 'Markdown files or folders', []),
  )
    .option('--host <address>', 'address to listen on (anything but loopback exposes your drafts to the network)', '127.0.0.1')
    .option('-p, --port <n>', 'port to listen on (0 picks a free one)', '4321')
    .option('-q, --quiet', 'print only errors and the address')
    .action(async (paths: string[], flags: ServeFlags) => {
      const port = Number(flags.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`Bad port \`${flags.port}\`.`, { hint: 'Give a number from 0 to 65535 (0 picks a free port).' });
      if (!loopback.test(flags.host)) process.stderr.write(`warning listening on ${flags.host}: other machines may be able to read your briefings.\n`);
      // Loaded only for this command, so `briefkit build` never pays for the file watcher.
      const { startPreview } = await import('../serve/preview-session.js');
      const describePreviewEvent = previewReporter();
      const session = await startPreview({
        paths,
        ...documentOptions(flags),
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
