import type { BuildResult } from '../build/build.js';
import { relativePath } from './relative-path.js';

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}

/** The closing line of a build: how many documents, how long, what was skipped, the slowest one. */
export function buildSummary(result: BuildResult): string {
  const total = result.documents.length + result.failures.length;
  if (total === 0) return 'No Markdown files found.';
  const unchanged = result.documents.filter((d) => d.cached).length;
  const rebuilt = result.documents.filter((d) => !d.cached);
  const open = result.index ? ` — open ${relativePath(result.index)}` : '';
  if (rebuilt.length === 0 && result.failures.length === 0) {
    return `${total === 1 ? 'The document is' : `All ${total} documents are`} up to date: nothing rebuilt (${seconds(result.ms)})${open}`;
  }
  const slowest = rebuilt.reduce<(typeof rebuilt)[number] | undefined>((a, b) => (!a || b.ms > a.ms ? b : a), undefined);
  const details: string[] = [];
  if (unchanged > 0) details.push(`${unchanged} unchanged, ${rebuilt.length} rebuilt`);
  if (slowest && rebuilt.length > 1) details.push(`slowest ${relativePath(slowest.file)} ${seconds(slowest.ms)}`);
  if (rebuilt.length > 0 && !result.browserStarted) details.push('no browser needed');
  return `${result.documents.length} of ${total} document${total === 1 ? '' : 's'} built in ${seconds(result.ms)}${details.length ? ` (${details.join('; ')})` : ''}${open}`;
}
