import path from 'node:path';

/** A path as the user should see it: relative to the working folder when inside it, else as given. */
export function relativePath(file: string): string {
  const rel = path.relative(process.cwd(), file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
}
