import type { Marp } from '@marp-team/marp-core';

/** The options of one pack as a key, or undefined when they hold something a key cannot capture (a function). */
function optionsKey(options: object): string | undefined {
  let plain = true;
  const key = JSON.stringify(options, (_, value: unknown) => {
    if (typeof value === 'function') plain = false;
    return value;
  });
  return plain ? key : undefined;
}

/**
 * Makes a Marp engine remember the CSS it packs for a theme. Marpit runs the theme's whole CSS through PostCSS
 * on every render (ThemeSet#pack, https://github.com/marp-team/marpit/blob/main/src/theme_set.js), which took
 * about as long as rendering the slides' Markdown; the preview renders a deck once per save with one engine.
 * The packed CSS is kept per theme object and pack options (the slides' own global styles are among those);
 * adding, replacing or removing any theme (marp-core's `size` directive swaps one in and out around a render)
 * forgets everything packed so far.
 */
export function rememberPackedThemes(marp: Marp): void {
  const themeSet = marp.themeSet;
  const pack = themeSet.pack.bind(themeSet);
  const addTheme = themeSet.addTheme.bind(themeSet);
  const remove = themeSet.delete.bind(themeSet);
  const clear = themeSet.clear.bind(themeSet);
  let packed = new WeakMap<object, Map<string, string>>();
  const forget = (): void => void (packed = new WeakMap());
  themeSet.addTheme = (theme) => {
    forget();
    addTheme(theme);
  };
  themeSet.delete = (name) => {
    forget();
    return remove(name);
  };
  themeSet.clear = () => {
    forget();
    clear();
  };
  themeSet.pack = (name, options) => {
    const theme = themeSet.get(name ?? '', true);
    const key = optionsKey(options);
    if (!theme || key === undefined) return pack(name, options);
    const byOptions = packed.get(theme) ?? new Map<string, string>();
    packed.set(theme, byOptions);
    let css = byOptions.get(key);
    if (css === undefined) {
      css = pack(name, options);
      byOptions.set(key, css);
    }
    return css;
  };
}
