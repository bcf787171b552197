import { escapeHtml } from '../html/escape-html.js';
import { formatFileNames, type OutputFormat } from '../config/formats.js';

/** One document's entry in the output index. */
export interface IndexEntry {
  slug: string;
  title: string;
  subtitle?: string;
  classification?: string;
  formats: OutputFormat[];
}

const labels: Record<OutputFormat, string> = {
  'deck-html': 'Slide deck (HTML)',
  'deck-pdf': 'Slide deck (PDF)',
  handout: 'Handout with speaker notes (PDF)',
  'report-html': 'Report (HTML)',
  'report-pdf': 'Report (PDF)',
};

/** The output folder's index.html: every document with a link to each of its outputs. */
export function outputIndexHtml(entries: readonly IndexEntry[], generator: string): string {
  const items = entries
    .map((e) => {
      const links = e.formats.map((f) => `<li><a href="${encodeURI(`${e.slug}/${formatFileNames[f]}`)}">${labels[f]}</a></li>`).join('');
      return `<article><h2>${escapeHtml(e.title)}</h2>${e.subtitle ? `<p class="sub">${escapeHtml(e.subtitle)}</p>` : ''}${e.classification ? `<p class="mark">${escapeHtml(e.classification.toUpperCase())}</p>` : ''}<ul>${links}</ul></article>`;
    })
    .join('\n');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="${escapeHtml(generator)}">
<title>Briefings</title>
<style>
body { font-family: "Noto Sans", "Noto Sans CJK KR", system-ui, sans-serif; max-width: 48rem; margin: 2rem auto; padding: 0 1rem; color: #1a1d21; }
h1 { color: #12284a; }
article { border-top: 1px solid #c5ceda; padding: 0.5rem 0 1rem; }
h2 { margin: 0.5rem 0 0.2rem; color: #12284a; font-size: 1.25rem; }
.sub { margin: 0; color: #55606e; }
.mark { margin: 0.3rem 0; font-size: 0.8rem; font-weight: 700; letter-spacing: 0.1em; color: #1f6f43; }
ul { display: flex; flex-wrap: wrap; gap: 0.5rem 1.2rem; padding: 0; list-style: none; }
a { color: #1a4fa0; }
</style>
</head>
<body>
<h1>Briefings</h1>
${items || '<p>No documents were built.</p>'}
</body>
</html>
`;
}
