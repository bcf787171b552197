/**
 * Merges settings layers, lowest precedence first (built-in, config file, front matter, command line): a later
 * layer's value wins, and an undefined value never erases a lower one. The one place precedence is decided.
 */
export function applyLayers<T extends object>(...layers: ReadonlyArray<Partial<T> | undefined>): Partial<T> {
  const merged: Record<string, unknown> = {};
  for (const layer of layers) {
    if (!layer) continue;
    for (const [key, value] of Object.entries(layer)) if (value !== undefined) merged[key] = value;
  }
  return merged as Partial<T>;
}
