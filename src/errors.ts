/** Where in a source file something went wrong: 1-based line (and column when known). */
export interface SourceLocation {
  file: string;
  line?: number;
  column?: number;
}

/** Formats a location the way compilers do: `file:line:col`. */
export function formatLocation(loc: SourceLocation): string {
  let out = loc.file;
  if (loc.line !== undefined) out += `:${loc.line}`;
  if (loc.line !== undefined && loc.column !== undefined) out += `:${loc.column}`;
  return out;
}

/** Base of every error briefkit throws on purpose: carries the place, advice for the user and the cause. */
export class BriefkitError extends Error {
  readonly location?: SourceLocation;
  readonly hint?: string;

  // Named in words, not from the class: the bundled CLI's class names are minified.
  override name = 'BriefkitError';

  constructor(message: string, options: { location?: SourceLocation; hint?: string; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.location = options.location;
    this.hint = options.hint;
  }

  /** One paragraph for a human: `file:line: message. hint` */
  describe(): string {
    const where = this.location ? `${formatLocation(this.location)}: ` : '';
    return `${where}${this.message}${this.hint ? `\n  ${this.hint}` : ''}`;
  }
}

/** The command line or the API was called with options that make no sense. */
export class UsageError extends BriefkitError {
  override name = 'UsageError';
}

/** A source file could not be read, or its front matter or structure is wrong. */
export class ContentError extends BriefkitError {
  override name = 'ContentError';
}

/** A template or theme is missing or broken. */
export class TemplateError extends BriefkitError {
  override name = 'TemplateError';
}

/**
 * A deck theme or report template name that names nothing. Where it was set (front matter, the config file or the
 * command line) is known to the build, not to the stage that looks the name up: the build places it (see
 * document-settings.ts `settingOrigin`).
 */
export class UnknownNameError extends TemplateError {
  override name = 'UnknownNameError';

  constructor(
    readonly setting: 'theme' | 'template',
    readonly value: string,
    message: string,
    options: { location?: SourceLocation; hint?: string } = {},
  ) {
    super(message, options);
  }
}

/** No usable browser, or the browser failed while printing. */
export class BrowserError extends BriefkitError {
  override name = 'BrowserError';
}

/** An output could not be written. */
export class OutputError extends BriefkitError {
  override name = 'OutputError';
}

/** The config file (`briefkit.config.*`) cannot be read or holds a bad value (bad usage: nothing is built). */
export class ConfigError extends UsageError {
  override name = 'ConfigError';
}
