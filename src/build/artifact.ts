import type { OutputFormat } from '../config/formats.js';

/** One output of one document, in memory, ready to be written. */
export interface Artifact {
  format: OutputFormat;
  /** Absolute path it will be written to. */
  path: string;
  data: string | Uint8Array;
}
