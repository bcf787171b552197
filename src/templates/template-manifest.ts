import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { TemplateError } from '../errors.js';

/** A report template's `template.json`. */
export interface TemplateManifest {
  /** One line shown by `briefkit templates`. */
  description?: string;
  /** A report template this one borrows every file it does not have from (its CSS is added before this one's). */
  extends?: string;
}

/** Reads `<dir>/template.json` if there is one; a bad one names its file (and line for JSON syntax errors). */
export async function readManifest(dir: string): Promise<TemplateManifest | undefined> {
  const file = path.join(dir, 'template.json');
  if (!existsSync(file)) return undefined;
  const source = await readFile(file, 'utf8');
  let data: unknown;
  try {
    data = JSON.parse(source);
  } catch (error) {
    const offset = /position (\d+)/.exec((error as Error).message);
    const line = offset ? source.slice(0, Number(offset[1])).split('\n').length : undefined;
    throw new TemplateError(`template.json is not valid JSON: ${(error as Error).message}.`, { location: { file, line }, cause: error });
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new TemplateError('template.json must be a JSON object.', { location: { file } });
  const record = data as Record<string, unknown>;
  for (const key of ['description', 'extends'] as const) {
    if (record[key] !== undefined && (typeof record[key] !== 'string' || !record[key])) {
      throw new TemplateError(`template.json \`${key}\` must be text.`, { location: { file, line: source.split('\n').findIndex((l) => l.includes(`"${key}"`)) + 1 || undefined } });
    }
  }
  return { description: record.description as string | undefined, extends: record.extends as string | undefined };
}
