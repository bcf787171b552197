import path from 'node:path';
import { relativePath } from './relative-path.js';
import type { BuildEvent } from '../config/build-options.js';

/** Where progress goes: a stream, and whether it is a terminal that can redraw a line. */
export interface ProgressSink {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

/** Shows a build's progress: a live bar on a terminal, one line per document elsewhere, nothing when quiet. */
export interface Progress {
  onEvent(event: BuildEvent): void;
  /** Clears the live bar (call before printing anything else). */
  finish(): void;
}

/** Creates the progress display for a build. */
export function createProgress(sink: ProgressSink, options: { quiet?: boolean }): Progress {
  if (options.quiet) return { onEvent: () => undefined, finish: () => undefined };
  return sink.isTTY ? liveBar(sink) : lineLog(sink);
}

function lineLog(sink: ProgressSink): Progress {
  return {
    onEvent(event) {
      if (event.type === 'document-done') sink.write(`built  ${relativePath(event.file)} → ${relativePath(event.dir)}/ (${Math.round(event.ms)} ms)\n`);
      else if (event.type === 'document-failed') sink.write(`failed ${relativePath(event.file)}\n`);
    },
    finish: () => undefined,
  };
}

function liveBar(sink: ProgressSink): Progress {
  let total = 0;
  let done = 0;
  let cached = 0;
  let drawn = false;
  const running = new Set<string>();
  const draw = (): void => {
    const width = 24;
    const filled = total === 0 ? width : Math.round((done / total) * width);
    const current = [...running].map((f) => path.basename(f)).join(', ');
    const line = `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total}${cached ? ` (${cached} unchanged)` : ''}${current ? `  ${current}` : ''}`;
    // A terminal that reports no width (0, as under some pseudo-terminals) is taken as 80 columns wide.
    sink.write(`\r\x1b[2K${line.slice(0, Math.max(20, (sink.columns || 80) - 1))}`);
    drawn = true;
  };
  return {
    onEvent(event) {
      if (event.type === 'start') total = event.total;
      else if (event.type === 'document-start') running.add(event.file);
      else if (event.type === 'document-cached') {
        done += 1;
        cached += 1;
      } else if (event.type === 'document-done' || event.type === 'document-failed') {
        running.delete(event.file);
        done += 1;
      } else return;
      draw();
    },
    finish() {
      if (drawn) sink.write('\r\x1b[2K');
      drawn = false;
    },
  };
}
