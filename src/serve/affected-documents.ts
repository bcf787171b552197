import { isInside } from '../content/local-path.js';

/** What the preview knows about the last build: each source and the other files it read. */
export interface DocumentInputs {
  file: string;
  inputs: readonly string[];
}

/** Whether a changed file is one every document shares: a template or theme (under `globalDirs`) or a config file. */
export function isSharedInput(changed: string, globalDirs: readonly string[], globalFiles: readonly string[]): boolean {
  return globalFiles.includes(changed) || globalDirs.some((dir) => isInside(changed, dir));
}

/**
 * Which documents a changed file affects: a Markdown source itself; a file some document read (an image);
 * everything for a template, theme or config file; and otherwise documents that failed last time (the
 * file might be the image one of them was missing). `'all'` means rebuild every document.
 */
export function affectedDocuments(changed: string, known: readonly DocumentInputs[], failed: readonly string[], globalDirs: readonly string[], globalFiles: readonly string[]): string[] | 'all' {
  if (isSharedInput(changed, globalDirs, globalFiles)) return 'all';
  if (/\.(md|markdown)$/i.test(changed)) return [changed];
  const users = known.filter((doc) => doc.inputs.includes(changed)).map((doc) => doc.file);
  return [...new Set([...users, ...failed])];
}
