import type { BuildEvent } from '../config/build-options.js';

/** Follows one build's events to learn when every document it rebuilds has been written. */
export interface DocumentsWritten {
  /** Pass the build's events here. */
  onEvent(event: BuildEvent): void;
  /** Call once the build has returned or thrown: reports what was written if that was not reported yet. */
  finish(): void;
}

/**
 * Calls `written` once, with the slugs of the documents rebuilt, as soon as the last document the build rebuilds
 * is written or has failed: that is before the build records them in its cache and returns, so pages can reload
 * sooner. A build that rebuilds nothing (or throws first) reports when it is finished.
 */
export function documentsWritten(written: (slugs: string[]) => void): DocumentsWritten {
  let toBuild: number | undefined;
  let settled = 0;
  let reported = false;
  const slugs: string[] = [];
  const report = (): void => {
    if (reported) return;
    reported = true;
    written(slugs);
  };
  return {
    onEvent(event) {
      if (event.type === 'start') toBuild = event.total;
      else if (event.type === 'document-cached' && toBuild !== undefined) toBuild -= 1;
      else if (event.type === 'document-done' || event.type === 'document-failed') {
        settled += 1;
        if (event.type === 'document-done') slugs.push(event.slug);
        if (settled === toBuild) report();
      }
    },
    finish: report,
  };
}
