import { readFile } from 'node:fs/promises';
import { classifyHref } from './classify-href.js';
import { skippedHeadingLevels } from './check-heading-levels.js';
import { decodeSource } from './decode-source.js';
import path from 'node:path';
import { ContentError } from '../errors.js';
import { checkLinks } from './check-links.js';
import { findImageRefs } from './find-image-refs.js';
import { findLinkRefs } from './find-link-refs.js';
import { splitFrontMatter, validateFrontMatter } from './front-matter.js';
import { loadAssets } from './load-assets.js';
import { splitSections } from './split-sections.js';
import type { Briefing, Chunk, Faces } from './types.js';

/** Options for loading one source. */
export interface LoadOptions {
  /** The project folder: assets may come from here or from the Markdown file's own folder. */
  root: string;
}

/** Parses source text into a Briefing, without reading assets (pure; used by tests and by loadBriefing). */
export function parseBriefing(text: string, file: string): Omit<Briefing, 'assets' | 'warnings'> {
  if (text.includes('\u0000')) {
    throw new ContentError('This is not a text file (it contains NUL bytes).', { location: { file }, hint: 'Pass only Markdown (.md) files to briefkit.' });
  }
  if (!text.trim()) {
    throw new ContentError('The file is empty.', { location: { file, line: 1 }, hint: 'Start it with front matter: `---`, `title: ...`, `---`, then the text.' });
  }
  const source = splitFrontMatter(text.replace(/^\uFEFF/, ''), file);
  const meta = validateFrontMatter(source, file);
  const { intro, sections } = splitSections(source.body, file, source.bodyLine);
  const slug = meta.slug ?? path.basename(file).replace(/\.(md|markdown)$/i, '');
  return { file, dir: path.dirname(file), slug, meta, intro, sections };
}

function allChunks(parts: readonly Faces[]): Chunk[] {
  return parts.flatMap((faces) => [...faces.report, ...faces.deck, ...faces.notes]);
}

/** Reads a Markdown file and everything it refers to: the load stage of the pipeline. */
export async function loadBriefing(file: string, options: LoadOptions): Promise<Briefing> {
  const absolute = path.resolve(file);
  let bytes: Buffer;
  try {
    bytes = await readFile(absolute);
  } catch (error) {
    throw new ContentError(`Cannot read the file: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.`, { location: { file: absolute }, cause: error });
  }
  const text = decodeSource(bytes, absolute);
  const parsed = parseBriefing(text, absolute);
  const chunks = allChunks([parsed.intro, ...parsed.sections]);
  const roots = [path.resolve(options.root), parsed.dir];
  const links = findLinkRefs(chunks);
  const linkWarnings = checkLinks(links, absolute, roots);
  const anchorLinks = links.filter((ref) => ref.kind === 'link' && classifyHref(ref.href) === 'anchor').map(({ href, line }) => ({ href, line }));
  const { assets, warnings } = await loadAssets(findImageRefs(chunks), absolute, { roots });
  const levelWarnings = skippedHeadingLevels(parsed.intro, parsed.sections, absolute);
  return { ...parsed, assets, anchorLinks, warnings: [...warnings, ...linkWarnings, ...levelWarnings].sort((a, b) => (a.line ?? 0) - (b.line ?? 0)) };
}
