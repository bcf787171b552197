import { symlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkLinks } from '../../src/content/check-links.js';
import { findLinkRefs } from '../../src/content/find-link-refs.js';
import { loadAssets } from '../../src/content/load-assets.js';
import { ContentError } from '../../src/errors.js';
import { tempDir, tinyPng, writeFiles } from '../helpers/fixtures.js';

const file = '/project/content/brief.md';
const roots = ['/project'];
const check = (markdown: string) => checkLinks(findLinkRefs([{ markdown, line: 10 }]), file, roots);
const refusal = (markdown: string) => {
  try {
    check(markdown);
  } catch (error) {
    return error as ContentError;
  }
  throw new Error('expected a refusal');
};

describe('links', () => {
  it('keeps web, mail, anchor and in-project links', () => {
    expect(check('[a](https://example.com) [b](mailto:x@y.z) [c](#top) [d](../notes/other.md) <a href="appendix.pdf">e</a>')).toEqual([]);
  });

  it('refuses local links that leave the project, relative, absolute, file: or undecodable, at their line', () => {
    expect(refusal('\n\nSee [x](../../outside.txt).').location).toEqual({ file, line: 12 });
    expect(refusal('[x](/etc/passwd)').message).toBe('Link `/etc/passwd` is an absolute path to a file outside the project folder, so it is refused.');
    expect(refusal('<a href="file:///etc/shadow">x</a>').message).toMatch(/^Link `file:\/\/\/etc\/shadow` is an absolute path/);
    expect(refusal('[x](bad%E0%A4%A.txt)').message).toMatch(/points to a file outside the project folder/);
  });

  it('warns about embeds and CSS url() instead of loading them', () => {
    const warnings = check('<iframe src="https://e.com/x"></iframe>\n<video src="clip.mp4"></video>\n<p style="background:url(http://e.com/b.png)">x</p>\n<script>1</script>');
    expect(warnings.map((w) => w.message)).toEqual([
      expect.stringMatching(/^<iframe https:\/\/e\.com\/x> is a remote resource and is not loaded/),
      expect.stringMatching(/^<video clip\.mp4> is not loaded/),
      expect.stringMatching(/^<script> is removed: raw scripts are stripped from the outputs unless you build with --trust-html\.$/),
      expect.stringMatching(/^CSS url\(http:\/\/e\.com\/b\.png\) is a remote resource and is not loaded/),
    ]);
  });
});

describe('images', () => {
  it('refuses a symbolic link inside the project that points outside it', async () => {
    const outside = tempDir();
    const project = tempDir();
    writeFiles(outside, { 'secret.png': tinyPng });
    writeFiles(project, { 'brief.md': '' });
    symlinkSync(path.join(outside, 'secret.png'), path.join(project, 'innocent.png'));
    const error = await loadAssets([{ href: 'innocent.png', line: 7 }], path.join(project, 'brief.md'), { roots: [project] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ContentError);
    expect((error as ContentError).message).toBe('Image `innocent.png` is a link to a file outside the project folder, so it is refused.');
    expect((error as ContentError).location?.line).toBe(7);
  });
});
