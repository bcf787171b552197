import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { TemplateChain } from './template-chain.js';

/** Every file a report template resolves to, by path relative to the template folder. */
export interface TemplateFiles {
  /** Relative path → absolute path of the winning file (project over built-in, the template over its base). */
  files: Map<string, string>;
  /** Each group's `style.css`, base first, to be concatenated so an extending template only adds what changes. */
  styles: string[];
}

async function walk(dir: string, prefix = ''): Promise<string[]> {
  const entries = await readdir(path.join(dir, prefix), { withFileTypes: true }).catch(() => []);
  const out: string[] = [];
  for (const entry of entries) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...(await walk(dir, rel)));
    else if (entry.isFile()) out.push(rel);
  }
  return out;
}

/** Collects a chain's files, lowest precedence first so each higher layer overwrites file by file. */
export async function collectTemplateFiles(chain: TemplateChain): Promise<TemplateFiles> {
  const files = new Map<string, string>();
  const styles: string[] = [];
  for (const group of [...chain.groups].reverse()) {
    for (const dir of [...group.dirs].reverse()) {
      for (const rel of await walk(dir)) if (rel !== 'template.json' && rel !== 'style.css') files.set(rel, path.join(dir, rel));
    }
    const style = group.dirs.map((dir) => path.join(dir, 'style.css')).find((file) => existsSync(file));
    if (style) styles.push(style);
  }
  return { files, styles };
}
