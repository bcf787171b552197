import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isInside } from '../../src/content/local-path.js';
import { cssUrlFile, inlineCssFileUrls } from '../../src/templates/template-assets.js';
import { tempDir, writeFiles } from '../helpers/fixtures.js';

describe("a stylesheet's relative url()s", () => {
  it('name a file without its query or fragment, and leave data:, web and absolute URLs alone', () => {
    expect(cssUrlFile('./fonts/house.woff2?v=2#face')).toBe('fonts/house.woff2');
    expect(cssUrlFile('img\\\\band.png')).toBe('img/band.png');
    for (const url of ['data:font/woff2;base64,AA', 'https://example.org/f.woff2', '#clip', '/etc/passwd']) expect(cssUrlFile(url)).toBeUndefined();
  });

  it('may not leave the stylesheet’s folder, whichever way the path is written', () => {
    const inside = (rel: string) => isInside(path.resolve('/t/themes', rel), '/t/themes');
    expect(inside('fonts/a.ttf')).toBe(true);
    expect(inside('../report/x.png')).toBe(false);
    expect(inside(cssUrlFile('..\\\\..\\\\secret.png') ?? '')).toBe(false);
  });

  it('are inlined from the files beside the stylesheet, queries and all, and one leaving its folder fails at its line', async () => {
    const root = tempDir('briefkit-assets-');
    writeFiles(root, { 'themes/fonts/h.ttf': 'TTF', 'secret.png': 'PNG' });
    const css = await inlineCssFileUrls('@font-face { src: url("fonts/h.ttf?v=3#h") format("truetype"); }', path.join(root, 'themes/house.css'));
    expect(css).toContain(`url("data:font/ttf;base64,${Buffer.from('TTF').toString('base64')}")`);
    await expect(inlineCssFileUrls('a {}\nb { background: url(../secret.png); }', path.join(root, 'themes/house.css'))).rejects.toMatchObject({ location: { line: 2 } });
  });
});
