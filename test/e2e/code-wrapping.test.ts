import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/index.js';
import { tempDir, writeFiles } from '../helpers/fixtures.js';
import { pdfInfo, pdfWordBoxes } from '../helpers/pdf.js';

// A token with no break in it and a code line far wider than a page, in the report and in speaker notes. Chromium
// shrinks every page of a print to fit the widest thing on it: one such line once set a whole report at half size.
const token = `sha256:${'0123456789abcdef'.repeat(8)}`;
const longLine = `curl --fail --silent --show-error --retry 5 --header 'Authorization: Bearer ${'x'.repeat(60)}' https://example.org/api/v2/launches?since=2022-01-01&until=2026-11-27&format=json`;
const paragraph = 'The regime weighs each launch against the sanctions it invites and the leverage it buys at the table, and the region reads each one as a message. '.repeat(3);
const briefing = `---
title: Wide code
---
## Launch data

${paragraph}

The archive is \`${token}\` and the fetch is below.

\`\`\`
${longLine}
\`\`\`

::: notes
${paragraph}

Fetch it with \`${longLine}\`:

\`\`\`
${longLine}
\`\`\`
:::
`;

describe('code wider than the page', () => {
  let out = '';

  beforeAll(async () => {
    const src = tempDir();
    out = tempDir();
    writeFiles(src, { 'wide.md': briefing });
    const result = await build({ root: src, paths: ['.'], outDir: out, formats: ['report-pdf', 'handout'] });
    expect(result.failures).toEqual([]);
  });

  for (const name of ['report.pdf', 'handout.pdf']) {
    it(`wraps in ${name}, every page printed at full size and nothing cut off at the edge`, () => {
      const file = path.join(out, 'wide', name);
      const pages = Number(pdfInfo(file).Pages);
      const heights: number[] = [];
      for (let page = 1; page <= pages; page += 1) {
        const { width, words } = pdfWordBoxes(file, page);
        for (const word of words) expect(word.xMax, `${name} p${page} “${word.text}”`).toBeLessThanOrEqual(width);
        // How tall the prose's words are drawn (not the code's): a page shrunk to fit wide code draws them smaller.
        heights.push(...words.filter((word) => /^(regime|weighs|sanctions|leverage|region)$/.test(word.text)).map((word) => word.yMax - word.yMin));
      }
      expect(heights.length).toBeGreaterThan(0);
      // pdftotext boxes 10.5 pt (report) and 11 pt (notes) type 14.3 and 15 pt tall; shrunk to fit the code, 9.5 and 10.
      expect(Math.min(...heights)).toBeGreaterThan(12);
    });
  }
});
