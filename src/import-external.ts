/** The key under which the bundled CLI's launcher lends its import() (see src/launcher/run-bundle.ts). */
export const lentImportKey = Symbol.for('briefkit.import');

type Importer = (specifier: string) => Promise<unknown>;

/**
 * Loads a module with node's own loader: a project's config file, or puppeteer. Code that V8 restored from a code
 * cache cannot call import() itself (node loses the callback it needs: https://github.com/nodejs/node/issues/35375),
 * so in the bundled CLI the launcher, an ordinary ES module, lends its own.
 */
export function importExternal<T>(specifier: string): Promise<T> {
  const lent = (globalThis as Record<symbol, Importer | undefined>)[lentImportKey];
  return (lent ? lent(specifier) : import(specifier)) as Promise<T>;
}
