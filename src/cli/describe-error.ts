import path from 'node:path';
import { BriefkitError } from '../errors.js';
import { relativePath } from './relative-path.js';

/** One paragraph for the terminal: known errors without a stack (unless DEBUG is set), unknown ones with it. */
export function describeError(error: unknown, fallbackFile?: string): string {
  const debug = Boolean(process.env.DEBUG);
  if (error instanceof BriefkitError) {
    const text = error.describe();
    const prefixed = error.location || !fallbackFile ? text : `${relativePath(fallbackFile)}: ${text}`;
    return debug && error.stack ? `${prefixed}\n${error.stack}` : relativise(prefixed);
  }
  const message = error instanceof Error ? error.message : String(error);
  const where = fallbackFile ? `${relativePath(fallbackFile)}: ` : '';
  return `${where}Unexpected error: ${message}${debug && error instanceof Error ? `\n${error.stack}` : '\n  (set DEBUG=1 to see the stack trace; please report this as a bug)'}`;
}

function relativise(text: string): string {
  const cwd = process.cwd() + path.sep;
  return text.split(cwd).join('');
}
