/**
 * How many objects pdf-lib handles between pauses. pdf-lib pauses with `setTimeout(0)` (at least 1 ms in node)
 * every 100 objects it parses and every 50 it writes, so a 13 MB handout of 1,557 slides spent most of its 5.7 s
 * of joining asleep. Pausing every few thousand objects keeps other tabs' messages flowing while it works.
 * https://github.com/Hopding/pdf-lib/blob/master/src/utils/async.ts
 */
export const objectsPerPause = 5000;

/** Options for PDFDocument.load: keep the PDF's own metadata, pause rarely. */
export const loadOptions = { updateMetadata: false, parseSpeed: objectsPerPause } as const;

/** Options for PDFDocument#save: no object streams (older readers), pause rarely. */
export const saveOptions = { useObjectStreams: false, objectsPerTick: objectsPerPause } as const;
