#!/usr/bin/env node
import { Command, CommanderError } from 'commander';
import { build } from './build/build.js';
import { buildSummary } from './cli/build-summary.js';
import { describeError } from './cli/describe-error.js';
import { ejectCommand } from './cli/eject-command.js';
import { templatesCommand, type CommandIo } from './cli/templates-command.js';
import { createProgress } from './cli/progress.js';
import { relativePath } from './cli/relative-path.js';
import { addServeCommand } from './cli/serve-command.js';
import { mistypedCommand } from './cli/mistyped-command.js';
import { addDocumentOptions, documentOptions, type DocumentFlags } from './cli/document-flags.js';
import { parseShard } from './build/shard.js';
import { UsageError } from './errors.js';
import { version } from './version.js';

/** Exit codes: 0 all built, 1 some documents failed, 2 bad usage. */
const exit = { ok: 0, failed: 1, usage: 2 } as const;

interface BuildFlags extends DocumentFlags {
  quiet?: boolean;
  cache?: boolean;
  force?: boolean;
  shard?: string;
}

async function runBuild(paths: string[], flags: BuildFlags): Promise<number> {
  const log = flags.quiet ? () => undefined : (line: string) => process.stderr.write(`${line}\n`);
  const progress = createProgress(process.stderr, { quiet: flags.quiet });
  // Ctrl-C ends the build at once, as node would, but through process.exit, so the exit hooks end Chromium and
  // remove its profile folder (node's own handling of the signal skips them).
  const interrupt = (signal: NodeJS.Signals): void => {
    progress.finish();
    process.stderr.write('stopped: documents finished so far are in place; the rest keep their earlier outputs.\n');
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', interrupt);
  process.once('SIGTERM', interrupt);
  const result = await build({
    paths,
    ...documentOptions(flags),
    cache: flags.cache !== false,
    force: flags.force,
    shard: flags.shard === undefined ? undefined : parseShard(flags.shard),
    onEvent: (event) => {
      if (event.type === 'waiting') {
        progress.finish();
        log(event.message);
      } else progress.onEvent(event);
    },
  });
  process.removeListener('SIGINT', interrupt);
  process.removeListener('SIGTERM', interrupt);
  progress.finish();
  for (const doc of result.documents) for (const w of doc.warnings) log(`warning ${relativePath(w.file)}${w.line ? `:${w.line}` : ''}: ${w.message}`);
  for (const failure of result.failures) process.stderr.write(`error  ${describeError(failure.error, failure.file)}\n`);
  // Building nothing is almost always a wrong path, and a CI job must not pass on it; an empty shard is normal.
  if (result.documents.length + result.failures.length === 0 && flags.shard === undefined) {
    throw new UsageError(`No Markdown files found in ${paths.length > 0 ? paths.join(', ') : 'content/'}.`, { hint: 'briefkit builds .md and .markdown files (not README.md, nor names starting with _); pass such files or the folder that holds them.' });
  }
  // More shards than documents leave some empty: say so, rather than that no Markdown was found.
  if (result.documents.length + result.failures.length === 0) log(`Shard ${flags.shard} holds none of the documents found: nothing to build.`);
  else log(buildSummary(result));
  return result.failures.length > 0 ? exit.failed : exit.ok;
}

/** Parses argv and runs the command; returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  let code: number = exit.ok;
  const program = new Command()
    .name('briefkit')
    .description('Turn one sectioned Markdown briefing into a slide deck (HTML + PDF) and a printable PDF report.')
    .version(version, '-v, --version')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });

  addDocumentOptions(
    program
      .command('build', { isDefault: true })
      .description('build decks and reports from Markdown files or folders (default: content/); the default command')
      .argument('[paths...]', 'Markdown files or folders', []),
  )
    .option('-q, --quiet', 'print only errors')
    .option('--no-cache', 'neither skip unchanged documents nor record this build in <out>/.cache')
    .option('--force', 'rebuild every document, and refresh the cache with the results')
    .option('--shard <i/n>', 'build only the i-th of n deterministic slices of the documents (CI matrices)')
    .action(async (paths: string[], flags: BuildFlags) => {
      code = await runBuild(paths, flags);
    });

  const io: CommandIo = { out: (text) => process.stdout.write(`${text}\n`), setCode: (c) => (code = c) };
  for (const command of [templatesCommand(io), ejectCommand(io)]) program.addCommand(command.copyInheritedSettings(program));
  addServeCommand(program, (c) => {
    code = c;
  });

  // Checked before parsing: the words after a mistyped command would be parsed as the build's options and paths.
  const commands = program.commands.flatMap((command) => [command.name(), ...command.aliases()]);
  const meant = mistypedCommand(argv[0], commands);
  if (meant) {
    process.stderr.write(`error  Unknown command \`${argv[0]}\`: no such command, file or folder. Did you mean \`${meant}\`?\n  Run \`briefkit ${meant}\`, or \`briefkit --help\` for every command.\n`);
    return exit.usage;
  }

  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? exit.ok : exit.usage;
    }
    if (error instanceof UsageError) {
      process.stderr.write(`error  ${describeError(error)}\n`);
      return exit.usage;
    }
    process.stderr.write(`error  ${describeError(error)}\n`);
    return exit.failed;
  }
  return code;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`error  ${describeError(error)}\n`);
    process.exitCode = exit.failed;
  },
);
