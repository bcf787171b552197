/**
 * A generated briefing of about `sections` × 5 printed pages whose every word names its paragraph (`k17x` is in
 * paragraph 17) and whose table cells name their row (`r4x`), so a test can tell from extracted text which
 * paragraph or row each printed line belongs to.
 */
export function longBriefing(options: { sections: number; tableRows?: number; title?: string }): string {
  let paragraph = 0;
  const words = (n: number, count: number, prefix = 'k') =>
    Array.from({ length: count }, (_, i) => `${prefix}${n}${'abcdefgh'.slice(0, 1 + ((i * 7 + n) % 8))}`).join(' ');
  const para = (count: number) => {
    paragraph += 1;
    return `${words(paragraph, count)}.`;
  };
  const parts = [`---\ntitle: ${options.title ?? 'Long pagination briefing'}\nclassification: unclassified\norganization: Test Office\nsummary:\n  - Judgment one.\n---\n`];
  for (let s = 1; s <= options.sections; s += 1) {
    parts.push(`## Section heading ${s}\n`);
    // Paragraph lengths vary so headings land at every height of a page.
    for (let p = 0; p < 2 + (s % 3); p += 1) parts.push(para(40 + ((s * 37 + p * 53) % 160)));
    for (let sub = 1; sub <= 2; sub += 1) {
      parts.push(`### Detail ${s} point ${sub}\n`);
      for (let p = 0; p < 2 + ((s + sub) % 4); p += 1) parts.push(para(30 + ((s * 29 + sub * 61 + p * 17) % 170)));
    }
    if (s === 3 && options.tableRows) {
      const rows = Array.from({ length: options.tableRows }, (_, i) => `| r${i + 1} | ${words(i + 1, 6 + ((i + 1) % 9), 'r')} | ${words(i + 1, 3 + ((i + 1) % 5), 'r')} |`);
      parts.push(['Table: Long findings table', '', '| Row | Finding | Note |', '| --- | --- | --- |', ...rows].join('\n'));
    }
  }
  return parts.join('\n\n');
}
