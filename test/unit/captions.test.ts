import { describe, expect, it } from 'vitest';
import { parseBriefing } from '../../src/content/load-briefing.js';
import { createReportMarkdown } from '../../src/markdown/create-markdown.js';
import { buildReportContext } from '../../src/report/build-report-context.js';
import { hyphenatorFor } from '../../src/report/hyphenator.js';

function sectionHtml(body: string, fm = 'title: Brief', hyphenate = false): string {
  const parsed = parseBriefing(`---\n${fm}\n---\n${body}`, '/d.md');
  const lang = /lang: (\S+)/.exec(fm)?.[1] ?? 'en';
  const ctx = buildReportContext({ ...parsed, assets: new Map(), warnings: [] }, createReportMarkdown(), {
    paper: 'A4',
    css: '',
    now: new Date(0),
    hyphenate: hyphenate ? hyphenatorFor(lang) : undefined,
  });
  return ctx.sections.map((s) => s.html).join('\n') + ctx.endnotes;
}

describe('numbered captions', () => {
  it('go on numbering across renders that share their counts, as the notes of one deck do', () => {
    const md = createReportMarkdown();
    const captionCounts = { figure: 0, table: 0 };
    const table = 'Table: Launches\n\n| a |\n| - |\n| 1 |\n';
    const first = md.render(`${table}\n![Map](m.png)\n`, { captionCounts });
    const second = md.render(table, { captionCounts });
    expect(first).toContain('Table 1:');
    expect(first).toContain('Figure 1:');
    expect(second).toContain('Table 2:');
    expect(second).toContain('id="table-2"');
    expect(md.render(table, {})).toContain('Table 1:');
  });

  it('turns an image alone in a paragraph into a numbered figure captioned with its alt text or title', () => {
    const html = sectionHtml('## A\n\n![Launch *sites*](a.png)\n\nText ![inline](b.png) stays inline.\n\n![Alt](c.png "Range of the Hwasong-18")');
    expect(html).toContain('<figure id="figure-1" class="figure" role="group"><img src="a.png" alt="Launch sites" /><figcaption class="caption caption-figure"><span class="caption-label">Figure 1:</span> Launch <em>sites</em></figcaption></figure>');
    expect(html).toContain('<p>Text <img src="b.png" alt="inline" /> stays inline.</p>');
    expect(html).toContain('<span class="caption-label">Figure 2:</span> Range of the Hwasong-18</figcaption>');
  });

  it('moves a "Table:" paragraph before or after a table into a numbered caption', () => {
    const html = sectionHtml('## A\n\nTable: Launches by *year*\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\nBetween.\n\n| c |\n|---|\n| 3 |\n\nTable: Second table\n\n| d |\n|---|\n| 4 |');
    expect(html).toMatch(/<table id="table-1">\s*<caption class="caption caption-table"><span class="caption-label">Table 1:<\/span> Launches by <em>year<\/em><\/caption>/);
    expect(html).toMatch(/<table id="table-2">\s*<caption class="caption caption-table"><span class="caption-label">Table 2:<\/span> Second table<\/caption>/);
    expect(html).not.toContain('Table:');
    expect(html.match(/<caption/g)).toHaveLength(2);
  });

  it('labels captions in the document language', () => {
    const html = sectionHtml('## 가\n\n![지도](m.png)\n\nTable: 현황\n\n| a |\n|---|\n| 1 |', 'title: 보고서\nlang: ko');
    expect(html).toContain('<span class="caption-label">그림 1:</span> 지도');
    expect(html).toContain('<span class="caption-label">표 1:</span> 현황');
    expect(sectionHtml('## ア\n\n![地図](m.png)', 'title: 報告\nlang: ja')).toContain('<span class="caption-label">図1：</span>地図');
  });
});

describe('endnotes and hyphenation', () => {
  it('links each endnote back to the place that cites it', () => {
    const html = sectionHtml('## A\n\nClaim.[^a]\n\n[^a]: Source.');
    expect(html).toMatch(/<a href="#fn1" id="fnref1">/);
    expect(html).toMatch(/<li id="fn1" class="footnote-item"><p>Source\. <a href="#fnref1" class="footnote-backref">/);
  });

  it('soft-hyphenates long words of running text by the document language, never headings or codes', () => {
    const html = sectionHtml('## A\n\n### Internationalization\n\nCharacteristically the internationalization of k17abcdefgh.', 'title: T', true);
    expect(html).toMatch(/<h3 id="internationalization"[^>]*>Internationalization<\/h3>/);
    expect(html).toContain('Char\u00adac\u00adter\u00adis\u00adti\u00adcal\u00adly');
    expect(html).toContain('in\u00adter\u00adna\u00adtion\u00adal\u00adiza\u00adtion');
    expect(html).toContain(' k17abcdefgh.');
  });

  it('leaves table cells and captions unhyphenated', () => {
    const html = sectionHtml('## A\n\nTable: Characteristically\n\n| Internationalization |\n|---|\n| characteristically |', 'title: T', true);
    expect(html).not.toContain('\u00ad');
  });

  it('does not hyphenate Korean, Japanese or Chinese, and falls back from a regional tag to its language', () => {
    expect(hyphenatorFor('ko')).toBeUndefined();
    expect(hyphenatorFor('zh-Hans')).toBeUndefined();
    expect(hyphenatorFor('en-GB')?.('characteristically')).toContain('\u00ad');
    expect(hyphenatorFor('de-AT')?.('Sicherheitspolitik')).toContain('\u00ad');
  });
});

describe('words in Chinese', () => {
  it('are Traditional for zh-TW, zh-HK and zh-Hant, and Simplified for zh and zh-CN', async () => {
    const { captionLabel, uiLabels } = await import('../../src/content/ui-labels.js');
    for (const lang of ['zh-TW', 'zh-HK', 'zh-Hant', 'zh-Hant-TW']) {
      expect(uiLabels(lang).contents, lang).toBe('目錄');
      expect(captionLabel(uiLabels(lang), 'figure', 2), lang).toBe('圖2：');
    }
    for (const lang of ['zh', 'zh-CN', 'zh-Hans', 'zh-Hans-HK']) {
      expect(uiLabels(lang).contents, lang).toBe('目录');
      expect(captionLabel(uiLabels(lang), 'figure', 2), lang).toBe('图2：');
    }
    expect(uiLabels('fr').contents).toBe('Contents');
  });
});
