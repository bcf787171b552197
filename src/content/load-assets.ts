import { readFile, realpath } from 'node:fs/promises';
import path from 'node:path';
import { ContentError } from '../errors.js';
import { classifyHref } from './classify-href.js';
import type { ImageRef } from './find-image-refs.js';
import { isInside, localTarget } from './local-path.js';
import type { Asset, Diagnostic } from './types.js';

const mimeTypes: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.svg': 'image/svg+xml',
  '.avif': 'image/avif',
};

/** Where local assets may come from: the Markdown file's folder and the project folder. */
export interface AssetPolicy {
  roots: string[];
}

/** Reads every local image a document uses; refuses paths outside the allowed folders; warns on remote ones. */
export async function loadAssets(refs: readonly ImageRef[], file: string, policy: AssetPolicy): Promise<{ assets: Map<string, Asset>; warnings: Diagnostic[] }> {
  const assets = new Map<string, Asset>();
  const warnings: Diagnostic[] = [];
  const dir = path.dirname(file);
  for (const ref of refs) {
    if (assets.has(ref.href)) continue;
    const kind = classifyHref(ref.href);
    if (kind === 'data' || kind === 'anchor') continue;
    if (kind === 'remote') {
      warnings.push({ file, line: ref.line, message: `Remote image ${ref.href} is not fetched: briefkit never reaches the network while rendering. Download it next to the Markdown file and refer to it by a relative path.` });
      continue;
    }
    if (kind === 'refused') {
      throw new ContentError(`Image source \`${ref.href}\` uses a scheme briefkit does not load.`, { location: { file, line: ref.line }, hint: 'Use a path relative to the Markdown file.' });
    }
    const target = localTarget(ref.href, dir);
    if (target === undefined || !policy.roots.some((root) => isInside(target, root))) {
      const absolute = /^file:/i.test(ref.href.trim()) || path.isAbsolute(ref.href.trim());
      throw new ContentError(`Image \`${ref.href}\` ${absolute ? 'is an absolute path to a file' : 'is'} outside the project folder, so it is refused.`, {
        location: { file, line: ref.line },
        hint: `Copy the image into ${path.relative(process.cwd(), dir) || '.'} and refer to it by a relative path.`,
      });
    }
    const mime = mimeTypes[path.extname(target).toLowerCase()];
    if (!mime) {
      throw new ContentError(`Image \`${ref.href}\` is not a format browsers show (use PNG, JPEG, GIF, WebP, AVIF or SVG).`, { location: { file, line: ref.line } });
    }
    let bytes: Uint8Array;
    try {
      // A symbolic link inside the project may point anywhere: the file it resolves to must be inside too.
      const real = await realpath(target);
      const realRoots = await Promise.all(policy.roots.map((root) => realpath(root).catch(() => root)));
      if (!realRoots.some((root) => isInside(real, root))) {
        throw new ContentError(`Image \`${ref.href}\` is a link to a file outside the project folder, so it is refused.`, {
          location: { file, line: ref.line },
          hint: 'Copy the image itself into the project instead of linking to it.',
        });
      }
      bytes = await readFile(real);
    } catch (error) {
      if (error instanceof ContentError) throw error;
      throw new ContentError(`Image \`${ref.href}\` was not found (looked for ${target}).`, {
        location: { file, line: ref.line },
        hint: 'Check the path: it is relative to the Markdown file.',
        cause: error,
      });
    }
    assets.set(ref.href, { href: ref.href, path: target, mime, bytes });
  }
  return { assets, warnings };
}
