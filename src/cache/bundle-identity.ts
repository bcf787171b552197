/** The key under which the bundled CLI's launcher gives the bundle its own content hash (see src/launcher/run-bundle.ts). */
export const bundleHashKey = Symbol.for('briefkit.bundleHash');

/** The content hash of the bundle this code runs in, when it runs as the bundled CLI. */
export function runningBundleHash(): string | undefined {
  const hash = (globalThis as Record<symbol, unknown>)[bundleHashKey];
  return typeof hash === 'string' ? hash : undefined;
}
