import { describe, expect, it } from 'vitest';
import { createMarp, themeError, themeNames } from '../../src/deck/create-marp.js';

const theme = (color: string) => ({ name: 'plain', file: '/t/plain.css', css: `/* @theme plain */\nsection { color: ${color}; }\n`, description: '', addedLines: 0 });
const deck = (style = '') => `---\ntheme: plain\n---\n\n# One\n${style}\n---\n\n# Two\n`;

describe('a deck engine that remembers packed theme CSS', () => {
  it('renders the same CSS as an engine that packs afresh, for decks with and without their own styles', () => {
    const kept = createMarp([theme('#123456')]);
    for (const markdown of [deck(), deck('<style>h1 { color: red; }</style>'), deck(), deck('<style>h1 { color: blue; }</style>')]) {
      const fresh = createMarp([theme('#123456')]).render(markdown).css;
      expect(kept.render(markdown).css).toBe(fresh);
    }
    expect(kept.render(deck('<style>h1 { color: blue; }</style>')).css).toContain('blue');
    expect(kept.render(deck()).css).not.toContain('blue');
  });

  it('packs a theme afresh once it is replaced', () => {
    const marp = createMarp([theme('#123456')]);
    expect(marp.render(deck()).css).toContain('#123456');
    marp.themeSet.add(theme('#654321').css);
    const css = marp.render(deck()).css;
    expect(css).toContain('#654321');
    expect(css).not.toContain('#123456');
  });

  it('packs a theme afresh once a theme it imports is replaced', () => {
    const base = (color: string) => ({ name: 'base', file: '/t/base.css', css: `/* @theme base */\nsection { background: ${color}; }\n`, description: '', addedLines: 0 });
    const importing = { name: 'plain', file: '/t/plain.css', css: "/* @theme plain */\n@import 'base';\nh1 { color: black; }\n", description: '', addedLines: 0 };
    const marp = createMarp([base('#abcdef'), importing]);
    expect(marp.render(deck()).css).toContain('#abcdef');
    marp.themeSet.add(base('#fedcba').css);
    expect(marp.render(deck()).css).toContain('#fedcba');
  });
});

describe('themes given to the deck engine', () => {
  it('are read only when a deck or a listing first asks for them, and a broken one fails only the decks that pick it', () => {
    const broken = { name: 'broken', file: '/t/broken.css', css: '/* @theme broken */\nsection { color: red;\n', description: '', addedLines: 0 };
    const marp = createMarp([theme('#123456'), broken]);
    const added: string[] = [];
    const addTheme = marp.themeSet.addTheme.bind(marp.themeSet);
    marp.themeSet.addTheme = (t) => {
      added.push(t.name);
      addTheme(t);
    };
    expect(marp.render(deck()).css).toContain('#123456');
    expect(added).toEqual(['plain']);
    expect(themeError(marp, 'plain')).toBeUndefined();
    expect(themeError(marp, 'broken')?.message).toMatch(/Theme CSS could not be read/);
    expect(themeNames(marp)).toEqual(expect.arrayContaining(['default', 'gaia', 'plain', 'uncover']));
  });

  it('finds a theme whose @theme name briefkit reads differently from Marp', () => {
    const dotted = { name: 'acme', file: '/t/acme.css', css: '/* @theme acme.v2 */\nsection { color: #0a0b0c; }\n', description: '', addedLines: 0 };
    const marp = createMarp([dotted]);
    expect(marp.render('---\ntheme: acme.v2\n---\n\n# One\n').css).toContain('#0a0b0c');
  });
});
