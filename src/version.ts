import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The folder briefkit is installed in (holds package.json and the built-in templates/). */
export const packageRoot = fileURLToPath(new URL('..', import.meta.url));

/** briefkit's own version, read once from package.json. */
export const version: string = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;
