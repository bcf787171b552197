import { createHash } from 'node:crypto';
import { Theme, ThemeSet } from '@marp-team/marpit';

/** marp-core's default theme as Marpit read it, kept so that reading it need not be repeated on every run. */
export interface ReadTheme {
  /** SHA-256 of the theme's CSS as marp-core hands it over: a different marp-core is read afresh. */
  source: string;
  name: string;
  css: string;
  meta: Record<string, unknown>;
  width?: string;
  height?: string;
}

/**
 * The default theme read when the CLI was bundled (scripts/bundle.mjs); undefined outside the bundle (the library,
 * the tests), where every theme is read as marp-core adds it.
 */
declare const BRIEFKIT_MARP_DEFAULT_THEME: ReadTheme | null | undefined;

/** The hash a read theme is matched by. */
export function themeSource(css: string): string {
  return createHash('sha256').update(css).digest('hex');
}

/** The name in a theme's `@theme` comment, as far as a pattern finds it. */
function themeName(css: string): string | undefined {
  return /@theme\s+([^\s*]+)/.exec(css)?.[1];
}

/** A Theme made from what Marpit read before; its constructor is protected, and `addTheme` takes any Theme. */
class ReadBackTheme extends Theme {
  constructor(read: ReadTheme) {
    super(read.name, read.css);
    // As Theme.fromCSS fills in a theme, and marp-core's own size plugin makes one with Object.assign.
    Object.assign(this, { meta: Object.freeze({ ...read.meta }), importRules: [], width: read.width, height: read.height });
  }
}

/** A Theme rebuilt from what Marpit read, frozen like one Theme.fromCSS returns. */
function rebuild(read: ReadTheme): Theme {
  return Object.freeze(new ReadBackTheme(read));
}

/**
 * Runs `run` with ThemeSet#add replaced by `replacement` (given Marpit's own add), and puts Marpit's back after:
 * marp-core adds its built-in themes inside its constructor, where nothing else can reach them. Without a
 * replaceable add (another Marpit), `run` runs as is.
 */
function whileAddingWith<T>(replacement: (original: ThemeSet['add'], themeSet: ThemeSet, css: string) => Theme, run: () => T): T {
  const add = Object.getOwnPropertyDescriptor(ThemeSet.prototype, 'add');
  if (!add || typeof add.value !== 'function') return run();
  const original = add.value as ThemeSet['add'];
  ThemeSet.prototype.add = function replacedAdd(this: ThemeSet, css: string): Theme {
    return replacement(original, this, css);
  };
  try {
    return run();
  } finally {
    Object.defineProperty(ThemeSet.prototype, 'add', add);
  }
}

/**
 * Runs `create` (which constructs a Marp engine) while marp-core adds its built-in themes, so that they cost
 * nothing up front. Marpit reads each with PostCSS when it is added, ~45 KB of CSS and about 7 % of a cold seed
 * build's CPU (10 alternating runs), though decks use briefkit's themes:
 * - the default theme, which Marpit consults on every render (ThemeSet#getThemeProp), is rebuilt from `read`, what
 *   the bundler read from the same CSS (matched by hash), else read as usual;
 * - the others (gaia, uncover) are returned by name, to be added when a deck first asks for them.
 * https://github.com/marp-team/marp-core/blob/main/src/marp.ts
 */
export function withBuiltInThemesPending<T>(create: () => T, read: ReadTheme | undefined = typeof BRIEFKIT_MARP_DEFAULT_THEME === 'undefined' ? undefined : (BRIEFKIT_MARP_DEFAULT_THEME ?? undefined)): { created: T; pending: Map<string, string> } {
  const pending = new Map<string, string>();
  const created = whileAddingWith((original, themeSet, css) => {
    const name = themeName(css);
    if (name === 'default' && read && read.source === themeSource(css)) {
      const theme = rebuild(read);
      themeSet.addTheme(theme);
      return theme;
    }
    if (name === undefined || name === 'default') return original.call(themeSet, css);
    pending.set(name, css);
    // marp-core keeps only the default theme's return value.
    return undefined as unknown as Theme;
  }, create);
  return { created, pending };
}

/**
 * Reads marp-core's default theme the way `create` (which constructs a Marp engine) makes Marpit read it, for the
 * bundler to keep (scripts/bundle.mjs); undefined if marp-core added no theme named `default`.
 */
export function readDefaultTheme(create: () => unknown): ReadTheme | undefined {
  let read: ReadTheme | undefined;
  whileAddingWith((original, themeSet, css) => {
    const theme = original.call(themeSet, css);
    if (theme.name === 'default' && theme.importRules.length === 0) {
      read = { source: themeSource(css), name: theme.name, css: theme.css, meta: { ...theme.meta }, width: theme.width, height: theme.height };
    }
    return theme;
  }, create);
  return read;
}
