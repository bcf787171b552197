import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { BrowserService } from '../../src/browser/browser-service.js';
import { build } from '../../src/index.js';
import { SharedReports } from '../../src/pdf/shared-reports.js';
import { printMeasured, type MeasuredPrintOptions } from '../../src/pdf/print-measured.js';
import type { PageLabels } from '../../src/report/page-labels.js';
import { tempDir, writeFiles } from '../helpers/fixtures.js';
import { pdfDestinations, pdfInfo, pdfLinkNames, pdfOutline, pdfPages, pdfWordBoxes, structureErrors, structureRoles } from '../helpers/pdf.js';

// In a build of several documents, decks, handouts and reports of the same look print together and are split again
// (src/pdf/shared-prints.ts, src/pdf/shared-reports.ts, src/pdf/split-printed-pdf.ts). Each must come out as it does
// built alone.

/** A briefing whose ids (headings, slides, the Korean one) are the same in every document of the build. */
function briefing(n: number, extra = '', title = `Shared print ${n}`): string {
  return `---
title: ${title}
classification: UNCLASSIFIED
${extra}
---
Introduction ${n}.

## Outlook

Prose.

::: deck
- Word${n}alpha: see [the situation](#situation)
- 서울의 대응 ${n}
:::

::: notes
Notes${n} go back to [the situation](#situation) first.
:::

## Situation

Prose.

::: deck
| Actor | Response |
| --- | --- |
| Seoul${n} | Defence |
:::

## 북한의 의도

::: deck
- Intent${n}
:::
`;
}

/** A slide too long for its box: fitting splits it, so its deck needs a load of its own after the shared one. */
const longSlide = `\n## Long list\n\n::: deck\n${Array.from({ length: 40 }, (_, i) => `- Point ${i + 1} of a list far too long for one slide`).join('\n')}\n:::\n`;

const documents: Record<string, string> = {
  'a.md': briefing(1),
  'b.md': briefing(2),
  'c.md': briefing(3) + longSlide,
  // Another theme: another look, printed apart from the others.
  'd.md': briefing(4, 'theme: briefing-dark'),
  'e.md': briefing(5, 'author: Desk Five', '북한 미사일 발사 5'),
  // The memo template: its reports print together, apart from the briefings'.
  'f.md': briefing(6, 'template: memo'),
  'g.md': briefing(7, 'template: memo\nauthor: Desk Seven') + longSlide,
};

const slugs = Object.keys(documents).map((name) => name.replace('.md', ''));

/**
 * Everything a reader or checker sees of a PDF, page by page: with `where`, where every word is on its page. A PDF not
 * finished by a build (`finished` false) keeps the title Chromium gave it, which a shared print does not set.
 */
async function summary(file: string, where = false, finished = true): Promise<unknown> {
  const pages = pdfPages(file);
  const { Title, Author, Subject } = pdfInfo(file);
  return {
    pages,
    info: finished ? { Title, Author, Subject } : undefined,
    words: where ? pages.map((_, i) => pdfWordBoxes(file, i + 1).words.map((w) => `${w.text}@${w.xMin.toFixed(1)},${w.yMin.toFixed(1)}`)) : undefined,
    roles: structureRoles(file),
    destinations: [...pdfDestinations(file)].sort(),
    outline: await pdfOutline(file),
    links: await Promise.all(pages.map((_, i) => pdfLinkNames(file, i + 1))),
  };
}

describe('documents of one build printed together', () => {
  const together = tempDir();
  const apart = tempDir();
  let tabJobsTogether = 0;
  let tabJobsApart = 0;

  beforeAll(async () => {
    const src = tempDir();
    writeFiles(src, documents);
    const jobs = vi.spyOn(BrowserService.prototype, 'withPage');
    // Every report goes through a shared print and none falls back to printing alone (or the comparisons below would
    // compare reports printed alone both times).
    const reports = SharedReports.prototype as unknown as { settle: (batch: unknown[]) => void; printAlone: () => void };
    const settled = vi.spyOn(reports, 'settle');
    const alone = vi.spyOn(reports, 'printAlone');
    const result = await build({ root: src, paths: ['.'], outDir: together, formats: ['deck-pdf', 'handout', 'report-pdf'] });
    expect(result.failures).toEqual([]);
    expect(settled.mock.calls.reduce((count, [batch]) => count + batch.length, 0)).toBe(Object.keys(documents).length);
    expect(settled.mock.calls.some(([batch]) => batch.length > 1)).toBe(true);
    expect(alone).not.toHaveBeenCalled();
    tabJobsTogether = jobs.mock.calls.length;
    jobs.mockClear();
    // Each document built on its own (a build of one document prints each page alone).
    for (const [name, text] of Object.entries(documents)) {
      const own = tempDir();
      writeFiles(own, { [name]: text });
      const alone = await build({ root: own, paths: ['.'], outDir: apart, formats: ['deck-pdf', 'handout', 'report-pdf'] });
      expect(alone.failures).toEqual([]);
    }
    tabJobsApart = jobs.mock.calls.length;
  }, 240_000);

  afterEach(() => vi.restoreAllMocks());

  it('prints them in fewer tab jobs than building each alone', () => {
    // Alone, every document loads its deck, its handout and its report: 21 jobs, more for the decks that split a slide.
    expect(tabJobsApart).toBeGreaterThanOrEqual(21);
    expect(tabJobsTogether).toBeLessThan(tabJobsApart);
  });

  it.each(slugs)('gives document %s the deck, handout and report it gets built alone: text, tags, destinations, bookmarks, links', async (slug) => {
    for (const file of ['deck.pdf', 'handout.pdf', 'report.pdf']) {
      const shared = path.join(together, slug, file);
      const own = path.join(apart, slug, file);
      expect(await summary(shared, file === 'report.pdf'), `${slug}/${file}`).toEqual(await summary(own, file === 'report.pdf'));
      expect(structureErrors(shared)).toEqual([]);
    }
  });

  it('prints the reports of one template together: five briefings in fewer tab jobs than five', async () => {
    const src = tempDir();
    writeFiles(src, Object.fromEntries(Object.entries(documents).slice(0, 5)));
    const jobs = vi.spyOn(BrowserService.prototype, 'withPage');
    const result = await build({ root: src, paths: ['.'], outDir: tempDir(), formats: ['report-pdf'] });
    expect(result.failures).toEqual([]);
    // The first report claims a tab at once; the others queue meanwhile and print as one.
    expect(jobs.mock.calls.length).toBeLessThanOrEqual(3);
  }, 60_000);

  it('prints each report’s running heads and page numbers on its own pages', () => {
    const pages = pdfPages(path.join(together, 'e', 'report.pdf'));
    expect(pages.length).toBeGreaterThan(2);
    expect(pages[1]).toContain('북한 미사일 발사 5');
    expect(pages[1]).toContain(`Page 2 of ${pages.length}`);
    expect(pages.join('\n')).not.toMatch(/Shared print [1-4]/);
  });

  it('keeps each document’s words to itself', () => {
    const deck = pdfPages(path.join(together, 'b', 'deck.pdf')).join('\n');
    expect(deck).toContain('Word2alpha');
    expect(deck).not.toMatch(/Word[1345]alpha/);
    const handout = pdfPages(path.join(together, 'e', 'handout.pdf')).join('\n');
    expect(handout).toContain('Notes5');
    expect(handout).not.toMatch(/Notes[1-4]/);
  });

  it('names each slide its links reach as it does alone, and no name of the shared print is left', () => {
    for (const slug of ['a', 'b', 'e']) {
      const destinations = pdfDestinations(path.join(together, slug, 'deck.pdf'));
      expect(destinations.get('situation')).toBe(pdfDestinations(path.join(apart, slug, 'deck.pdf')).get('situation'));
      expect([...destinations.keys()].filter((name) => name.startsWith('bkp'))).toEqual([]);
    }
  });
});

/** Holds the browser's only tab (once it has one) until released. */
async function occupiedTab(browser: BrowserService): Promise<{ busy: Promise<void>; release: () => void }> {
  let release = (): void => undefined;
  let started = (): void => undefined;
  const running = new Promise<void>((resolve) => (started = resolve));
  const busy = browser.withPage(async () => {
    await new Promise<void>((resolve) => {
      release = resolve;
      started();
    });
  });
  await running;
  return { busy, release: () => release() };
}

/**
 * Prints `pages` through a SharedPrints of a one-tab browser, all queued while the tab was busy; gives the PDFs'
 * files and how many tab jobs the prints took.
 */
async function printQueued(pages: { html: string; startId: string; group?: string }[]): Promise<{ files: string[]; jobs: number }> {
  const { SharedPrints } = await import('../../src/pdf/shared-prints.js');
  const browser = new BrowserService({ maxTabs: 1 });
  try {
    const prints = new SharedPrints(browser, true);
    const { busy, release } = await occupiedTab(browser);
    const jobs = vi.spyOn(browser, 'withPage');
    const printed = pages.map((page) => prints.print({ group: '', ...page, pdf: { preferCSSPageSize: true, tagged: true }, pages: 2 }));
    release();
    await busy;
    const dir = tempDir();
    const files = (await Promise.all(printed)).map((bytes, i) => {
      writeFiles(dir, { [`${i + 1}.pdf`]: bytes });
      return path.join(dir, `${i + 1}.pdf`);
    });
    return { files, jobs: jobs.mock.calls.length };
  } finally {
    await browser.close();
  }
}

describe('SharedPrints', () => {
  const page = (n: number, id = 'top'): string =>
    `<!DOCTYPE html><html lang="en"><head><title>Doc ${n}</title><style>@page { size: A5; margin: 10mm; } p { break-after: page; }</style></head><body><h1 id="${id}">Heading${n}</h1><p>First${n}</p><p><a href="#top">Back${n}</a></p></body></html>`;

  it('prints pages queued while the tabs were busy in one print, each document getting its own pages', async () => {
    const { files, jobs } = await printQueued([1, 2, 3].map((n) => ({ html: page(n), startId: 'top' })));
    // The first page claimed the tab; all three were queued by the time it had it.
    expect(jobs).toBe(1);
    for (const [i, file] of files.entries()) {
      const n = i + 1;
      expect(pdfPages(file).map((text) => text.trim())).toEqual([`Heading${n}\nFirst${n}`, `Back${n}`]);
      expect([...pdfDestinations(file)]).toEqual([['top', 1]]);
      expect(await pdfLinkNames(file, 2)).toEqual(['top']);
    }
  }, 60_000);

  it('prints documents of different markings apart, each marking’s together', async () => {
    const { files, jobs } = await printQueued([
      { html: page(1), startId: 'top', group: 'SECRET' },
      { html: page(2), startId: 'top', group: 'UNCLASSIFIED' },
      { html: page(3), startId: 'top', group: 'SECRET' },
    ]);
    expect(jobs).toBe(2);
    expect(pdfPages(files[2]).map((text) => text.trim())).toEqual(['Heading3\nFirst3', 'Back3']);
  }, 60_000);

  it('prints each page alone when the shared print cannot be split by its documents', async () => {
    // The second document has no element with the id its start is looked for by.
    const { files, jobs } = await printQueued([
      { html: page(1), startId: 'top' },
      { html: page(2, 'elsewhere'), startId: 'top' },
    ]);
    expect(jobs).toBe(3);
    expect(pdfPages(files[1]).map((text) => text.trim())).toEqual(['Heading2\nFirst2', 'Back2']);
  }, 60_000);
});

/** A small report rendered with its labels: a cover, contents with page numbers, running heads, "Page n of m". */
function report(n: number, sections: number, extraCss = ''): (labels: PageLabels) => string {
  return (labels) => {
    const heads = labels.runningHeads.map((head) => `"${head}"`).join(' ') || '""';
    const ids = Array.from({ length: sections }, (_, i) => `s${i + 1}`);
    return `<!DOCTYPE html><html lang="en"><head><title>Report ${n}</title><style>
@counter-style heads-blank { system: cyclic; symbols: ""; }
@counter-style heads { system: fixed; symbols: ${heads}; fallback: heads-blank; }
@page { size: A5; margin: 15mm; @top-left { content: "Report ${n}"; width: 50%; } @top-right { content: counter(page, heads); width: 50%; }
  @bottom-right { content: "Page " counter(page) " of " counter(pages); width: 40%; } }
@page :first { @top-left { content: none; } @top-right { content: none; } }
body { margin: 0; font: 11pt sans-serif; } .cover { height: 150mm; break-after: page; } h2 { break-before: page; } ${extraCss}
</style></head><body>
<section class="cover"><h1>Report ${n} cover</h1></section>
<nav><ol>${ids.map((id) => `<li><a href="#${id}">Section ${id}</a> <span>${labels.pages[id] ?? ''}</span></li>`).join('')}</ol></nav>
${ids.map((id) => `<h2 id="${id}">Part ${id} of ${n}</h2>${'<p>Text of the part, long enough to fill some lines of the page.</p>'.repeat(12)}`).join('\n')}
</body></html>`;
  };
}

/** Prints `reports` through SharedReports of a one-tab browser, all queued while the tab was busy, and each alone. */
async function reportsQueued(reports: ((labels: PageLabels) => string)[]): Promise<{ together: string[]; apart: string[]; jobs: number; alone: number }> {
  const browser = new BrowserService({ maxTabs: 1 });
  const reportOptions = (render: (labels: PageLabels) => string): MeasuredPrintOptions => ({ ids: (render({ pages: {}, runningHeads: [] }).match(/id="s\d+"/g) ?? []).map((id) => id.slice(4, -1)), pdf: { preferCSSPageSize: true, tagged: true } });
  try {
    const shared = new SharedReports(browser, true);
    const alone = vi.spyOn(shared as unknown as { printAlone: () => void }, 'printAlone');
    const { busy, release } = await occupiedTab(browser);
    const jobs = vi.spyOn(browser, 'withPage');
    const printed = reports.map((render) => shared.print(render, reportOptions(render), ''));
    release();
    await busy;
    const dir = tempDir();
    const write = (name: string, bytes: Uint8Array): string => {
      writeFiles(dir, { [name]: bytes });
      return path.join(dir, name);
    };
    const together = (await Promise.all(printed)).map((p, i) => write(`together-${i}.pdf`, p.pdf.bytes));
    const counts = { jobs: jobs.mock.calls.length, alone: alone.mock.calls.length };
    const apart: string[] = [];
    for (const [i, render] of reports.entries()) apart.push(write(`apart-${i}.pdf`, (await printMeasured(browser, render, reportOptions(render))).pdf.bytes));
    return { together, apart, ...counts };
  } finally {
    await browser.close();
  }
}

describe('SharedReports', () => {
  it('prints reports queued while the tabs were busy in one print, each with its own pages, margins and contents', async () => {
    const { together, apart, jobs, alone } = await reportsQueued([report(1, 2), report(2, 4), report(3, 3)]);
    expect(jobs).toBe(1);
    expect(alone).toBe(0);
    for (const [i, file] of together.entries()) {
      expect(await summary(file, true, false), `report ${i + 1}`).toEqual(await summary(apart[i], true, false));
      expect(pdfPages(file)[1]).toContain(`Page 2 of ${pdfPages(file).length}`);
    }
    expect(pdfPages(together[1]).length).toBe(6);
  }, 60_000);

  it('prints each report alone when they cannot print as one: a body with a top margin would show once, not per report', async () => {
    const { together, apart, jobs, alone } = await reportsQueued([report(1, 2, 'body { padding-top: 5mm; }'), report(2, 2, 'body { padding-top: 5mm; }')]);
    expect(alone).toBe(2);
    expect(jobs).toBe(3);
    for (const [i, file] of together.entries()) expect(await summary(file, true)).toEqual(await summary(apart[i], true));
  }, 60_000);
});
