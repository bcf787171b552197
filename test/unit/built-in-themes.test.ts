import { Marp } from '@marp-team/marp-core';
import { describe, expect, it } from 'vitest';
import { readDefaultTheme, withBuiltInThemesPending } from '../../src/deck/built-in-themes.js';
import { createMarp, themeNames } from '../../src/deck/create-marp.js';

const options = { inlineSVG: true, math: false, minifyCSS: false, script: false } as const;
const inTheme = (name: string) => `---\ntheme: ${name}\n---\n\n# One\n\n---\n\n# Two\n`;

describe("marp-core's built-in themes", () => {
  it('render a default-theme deck the same when the default theme is rebuilt from what was read before', () => {
    const read = readDefaultTheme(() => new Marp(options));
    expect(read?.name).toBe('default');
    const { created: rebuilt } = withBuiltInThemesPending(() => new Marp(options), read);
    const plain = new Marp(options);
    expect(rebuilt.themeSet.default).toBeDefined();
    expect(rebuilt.themeSet.default).not.toBe(plain.themeSet.default);
    expect(rebuilt.render(inTheme('default')).css).toBe(plain.render(inTheme('default')).css);
    expect(rebuilt.themeSet.default?.heightPixel).toBe(720);
  });

  it('are read afresh when the default theme is not the one read before (another marp-core)', () => {
    const read = readDefaultTheme(() => new Marp(options));
    const stale = read && { ...read, source: '0'.repeat(64), css: 'section { color: red; }' };
    const { created } = withBuiltInThemesPending(() => new Marp(options), stale);
    expect(created.render(inTheme('default')).css).toBe(new Marp(options).render(inTheme('default')).css);
  });

  it('are added only when a deck or a listing asks for them, and then render as marp-core would', () => {
    const marp = createMarp([]);
    const added: string[] = [];
    const addTheme = marp.themeSet.addTheme.bind(marp.themeSet);
    marp.themeSet.addTheme = (t) => {
      added.push(t.name);
      addTheme(t);
    };
    marp.render(inTheme('default'));
    expect(added).toEqual([]);
    expect(marp.render(inTheme('gaia')).css).toBe(new Marp({ ...options, html: Marp.html, emoji: { shortcode: true, unicode: false } }).render(inTheme('gaia')).css);
    // gaia @imports a font URL, which Marpit asks the theme set for like a theme name: unknown names add every
    // theme still pending, so uncover may come along.
    expect(added[0]).toBe('gaia');
    expect(themeNames(marp)).toEqual(expect.arrayContaining(['default', 'gaia', 'uncover']));
  });

  it('give way to a theme of ours with the same name', () => {
    const ours = { name: 'gaia', file: '/t/gaia.css', css: '/* @theme gaia */\nsection { color: #0f0e0d; }\n', description: '', addedLines: 0 };
    const css = createMarp([ours]).render(inTheme('gaia')).css;
    expect(css).toContain('#0f0e0d');
    expect(css).not.toContain('Lato');
  });
});
