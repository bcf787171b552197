import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from '../errors.js';

const markdownFile = /\.(md|markdown)$/i;

/** Expands the paths a user gave (files or folders) into a sorted list of Markdown files. */
export async function findSources(paths: readonly string[]): Promise<string[]> {
  const found = new Set<string>();
  for (const given of paths) {
    const absolute = path.resolve(given);
    let info;
    try {
      info = await stat(absolute);
    } catch {
      throw new UsageError(`No such file or folder: ${given}`, { hint: 'Pass Markdown files or folders that hold them, e.g. `briefkit build content/`.' });
    }
    if (info.isDirectory()) {
      const entries = await readdir(absolute, { withFileTypes: true });
      for (const entry of entries) {
        if (entry.isFile() && markdownFile.test(entry.name) && !entry.name.startsWith('_') && entry.name.toLowerCase() !== 'readme.md') found.add(path.join(absolute, entry.name));
      }
    } else if (markdownFile.test(absolute)) {
      found.add(absolute);
    } else {
      throw new UsageError(`${given} is not a Markdown file.`, { hint: 'briefkit builds .md files.' });
    }
  }
  return [...found].sort();
}
