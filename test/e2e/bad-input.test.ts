import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { repoRoot, runCli } from '../helpers/cli.js';
import { tempDir, tinyPng, writeFiles } from '../helpers/fixtures.js';
import { flat, pdfInfo, pdfPages } from '../helpers/pdf.js';

const hostileTitle = `<script>alert(1)</script> {{document.title}} "quoted" </style>`;

/** One batch: good documents beside every kind of bad input the issue lists. */
const batch: Record<string, string | Uint8Array> = {
  'content/good.md': '---\ntitle: Good briefing\n---\n## One\n\nFine.\n\n![Map](map.png)\n',
  'content/map.png': tinyPng,
  'content/yaml.md': '---\ntitle: Broken\nsummary: x: y\n---\n## One\n',
  'content/empty.md': '',
  'content/binary.md': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02]),
  'content/latin1.md': Buffer.from('---\ntitle: Caf\xe9 brief\n---\n## One\n', 'latin1'),
  'content/no-title.md': '---\nsubtitle: Untitled\n---\n## One\n',
  'content/wrong-type.md': '---\ntitle: Types\nsummary: 5\n---\n## One\n',
  'content/missing-image.md': '---\ntitle: Missing\n---\n## One\n\n![Map](images/nowhere.png)\n',
  'content/image-escape.md': '---\ntitle: Escape\n---\n## One\n\n![Secret](../../secret.png)\n',
  'content/link-escape.md': '---\ntitle: Escape link\n---\n## One\n\nRead [the key](../../../home/id_rsa).\n',
  'content/system-image.md': '---\ntitle: System\n---\n## One\n\n![pw](/etc/passwd)\n',
  'content/system-link.md': '---\ntitle: System link\n---\n## One\n\n<a href="file:///etc/shadow">shadow</a>\n',
  'content/remote.md': '---\ntitle: Remote\n---\n## One\n\n![Logo](https://example.com/logo.png)\n\n<iframe src="https://example.com/embed"></iframe>\n',
  'content/scripts.md':
    '---\ntitle: Scripts\n---\n## One <img src=x onerror="alert(1)">\n\n<script>alert("block")</script>\n\n<a href="javascript:alert(2)" onclick="alert(3)">click</a>\n\n::: deck\n<b onmouseover="alert(4)">bold</b> <script>alert(5)</script>\n:::\n\n::: notes\nNotes <img src=x onerror="alert(6)">\n:::\n',
  'content/hostile-title.md': `---\ntitle: '${hostileTitle}'\nclassification: '</style>{{x}}'\n---\n## One\n\nText.\n`,
  'content/bad-theme.md': '---\ntitle: Theme\ntheme: neon\n---\n## One\n',
  'content/bad-template.md': '---\ntitle: Template\ntemplate: glossy\n---\n## One\n',
  'content/no-headings.md': '---\ntitle: Just prose\n---\nA briefing with no sections at all.\n',
  'content/dead-link.md': '---\ntitle: Dead link\n---\n## Outlook for 2027\n\nSee [the outlook](#outlook-for-2027) and [the annex](#annex).\n',
};

describe('a batch with every kind of bad input', () => {
  let root: string;
  let out: string;
  let run: ReturnType<typeof runCli>;
  const errorFor = (name: string): string => run.stderr.split(/\n(?=error |warning |built |\d+ of )/).find((p) => p.startsWith(`error  content/${name}`)) ?? `(no error for ${name})`;

  beforeAll(() => {
    root = tempDir();
    out = path.join(root, 'output');
    writeFiles(root, batch);
    run = runCli(['build', 'content', '--out', 'output'], { cwd: root });
  }, 300_000);

  it('exits 1, builds the good documents and prints no stack trace', () => {
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/6 of 19 documents built/);
    expect(run.stderr).not.toMatch(/^\s+at .*:\d+:\d+\)?$/m);
    for (const slug of ['good', 'remote', 'scripts', 'hostile-title', 'no-headings', 'dead-link']) {
      for (const name of ['deck.html', 'deck.pdf', 'report.html', 'report.pdf']) expect(existsSync(path.join(out, slug, name)), `${slug}/${name}`).toBe(true);
    }
    expect(pdfPages(path.join(out, 'good/report.pdf')).join('')).toContain('Fine.');
  });

  it.each([
    ['yaml.md', /^error {2}content\/yaml\.md:3:11: The front matter is not valid YAML: .*\n {2}Fix the YAML between the two `---` lines/],
    ['empty.md', /^error {2}content\/empty\.md:1: The file is empty\.\n {2}Start it with front matter/],
    ['binary.md', /^error {2}content\/binary\.md: This is not a text file \(it contains NUL bytes\)\.\n {2}Pass only Markdown/],
    ['latin1.md', /^error {2}content\/latin1\.md:2:11: The file is not UTF-8: byte 0xE9 here is not valid UTF-8\.\n {2}Save the file as UTF-8/],
    ['no-title.md', /^error {2}content\/no-title\.md:1: The front matter has no `title`\.\n {2}Add `title: Your title`/],
    ['wrong-type.md', /^error {2}content\/wrong-type\.md:3: Front matter `summary` must be a list of text items .*, but it is number `5`\.\n {2}Change `summary:` to a list/],
    ['missing-image.md', /^error {2}content\/missing-image\.md:6: Image `images\/nowhere\.png` was not found \(looked for .*content\/images\/nowhere\.png\)\.\n {2}Check the path: it is relative to the Markdown file\./],
    ['image-escape.md', /^error {2}content\/image-escape\.md:6: Image `\.\.\/\.\.\/secret\.png` is outside the project folder, so it is refused\.\n {2}Copy the image into content/],
    ['link-escape.md', /^error {2}content\/link-escape\.md:6: Link `\.\.\/\.\.\/\.\.\/home\/id_rsa` points to a file outside the project folder, so it is refused\.\n {2}Link to a web address, or copy the file into the project/],
    ['system-image.md', /^error {2}content\/system-image\.md:6: Image `\/etc\/passwd` is an absolute path to a file outside the project folder, so it is refused\./],
    ['system-link.md', /^error {2}content\/system-link\.md:6: Link `file:\/\/\/etc\/shadow` is an absolute path to a file outside the project folder, so it is refused\./],
    // At the line that set the name, saying which layer it was (front matter here; the config file and --theme too).
    ['bad-theme.md', /^error {2}content\/bad-theme\.md:3: Unknown deck theme `neon` \(set by `theme:` in the front matter\)\.\n {2}Known themes: briefing, /],
    ['bad-template.md', /^error {2}content\/bad-template\.md:3: Unknown report template `glossy` \(set by `template:` in the front matter\)\.\n {2}Known templates: briefing/],
  ])('explains %s with its file, line and what to do', (name, message) => {
    expect(errorFor(name)).toMatch(message);
  });

  it('warns that remote images and iframes are not fetched, and still builds the document', () => {
    expect(run.stderr).toMatch(/^warning content\/remote\.md:6: Remote image https:\/\/example\.com\/logo\.png is not fetched: briefkit never reaches the network while rendering\. Download it/m);
    expect(run.stderr).toMatch(/^warning content\/remote\.md:8: <iframe https:\/\/example\.com\/embed> is a remote resource and is not loaded/m);
    expect(readFileSync(path.join(out, 'remote/report.html'), 'utf8')).not.toContain('example.com');
  });

  it('warns of a link to a section that does not exist, at its line, and still builds the document', () => {
    expect(run.stderr).toMatch(/^warning content\/dead-link\.md:6: Link `#annex` leads nowhere: no section, heading or element has the id `annex`\./m);
    expect(run.stderr).not.toMatch(/Link `#outlook-for-2027` leads nowhere/);
  });

  it('strips scripts, event handlers and javascript: URLs from report and deck, speaker notes included', () => {
    for (const name of ['report.html', 'deck.html']) {
      const html = readFileSync(path.join(out, 'scripts', name), 'utf8').replace(/<script data-briefkit-viewer>\n\/\/ briefkit deck viewer[\s\S]*?<\/script>/, '');
      expect(html, name).not.toMatch(/<script(?! type="application\/json")|<[^>]*\son[a-z]+\s*=|javascript:|alert\((1|2|3|4|5|6)\)/);
      expect(html, name).toContain(name === 'deck.html' ? 'bold' : 'click');
    }
  });

  it('prints front matter with HTML or {{ }} as text in the deck, report, running header, index and PDF metadata', () => {
    for (const name of ['report.pdf', 'deck.pdf']) {
      expect(pdfInfo(path.join(out, 'hostile-title', name)).Title).toBe(hostileTitle);
    }
    const reportText = pdfPages(path.join(out, 'hostile-title/report.pdf'));
    expect(reportText[0]).toContain('{{document.title}}');
    expect(reportText[reportText.length - 1]).toContain('<script>alert(1)</script>'); // the @page running header
    expect(reportText.join('')).toContain('</STYLE>{{X}}');
    const titleSlide = flat(pdfPages(path.join(out, 'hostile-title/deck.pdf'))[0]);
    expect(titleSlide).toContain('<script>alert(1)</script> {{document.title}} “quoted” </style>');
    expect(titleSlide).toContain('</STYLE>{{X}}');
    const index = readFileSync(path.join(out, 'index.html'), 'utf8');
    expect(index).toContain('&lt;script&gt;alert(1)&lt;/script&gt; {{document.title}} &quot;quoted&quot; &lt;/style&gt;');
    expect(index).not.toContain('<script>alert(1)');
  });

  it('builds a document with no ## headings', () => {
    expect(pdfPages(path.join(out, 'no-headings/report.pdf')).join('')).toContain('A briefing with no sections at all.');
  });

  it('exits 1 at once when every document fails before printing, with no browser left running to keep it alive', { timeout: 120_000 }, () => {
    // The deck fails on the unknown theme while the report is still printing; that report used to ask for the
    // browser after the build had closed it, start a new one, and hang the command for good.
    for (const file of ['content/bad-theme.md', 'content/bad-template.md']) {
      const started = Date.now();
      const alone = spawnSync(process.execPath, [path.join(repoRoot, 'dist/bin/briefkit.js'), 'build', file, '--out', 'alone'], { cwd: root, encoding: 'utf8', timeout: 60_000 });
      expect(alone.status, `${file}: ${alone.stderr}`).toBe(1);
      expect(Date.now() - started, file).toBeLessThan(60_000);
    }
  });

  it('keeps raw HTML with --trust-html', { timeout: 300_000 }, () => {
    const trusted = runCli(['build', 'content/scripts.md', '--out', 'trusted', '--formats', 'deck-html,report-html', '--trust-html'], { cwd: root });
    expect(trusted.code).toBe(0);
    expect(readFileSync(path.join(root, 'trusted/scripts/report.html'), 'utf8')).toContain('<script>alert("block")</script>');
    expect(readFileSync(path.join(root, 'trusted/scripts/deck.html'), 'utf8')).toContain('onmouseover="alert(4)"');
  });
});
