// Generates benchmark inputs: briefings in briefkit's format, and the same content as Marp slides (for
// marp-cli) and as a plain Markdown essay (for md-to-pdf).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const words = 'deterrence signalling regime missile launch alliance sanctions diplomacy readiness doctrine capability posture negotiation escalation verification satellite artillery peninsula pressure leverage'.split(' ');

function sentence(seed, n = 14) {
  const out = [];
  for (let i = 0; i < n; i += 1) out.push(words[(seed * 7 + i * 13) % words.length]);
  out[0] = out[0][0].toUpperCase() + out[0].slice(1);
  return `${out.join(' ')}.`;
}

/** A briefing with `sections` sections, each with prose, a deck block and every third one a notes block. */
export function briefing(title, sections, seed = 1) {
  const lines = ['---', `title: ${title}`, 'subtitle: Generated for the benchmark', 'organization: Bench Office', 'date: 2026-11-27', 'classification: UNCLASSIFIED', 'summary:', `  - ${sentence(seed)}`, `  - ${sentence(seed + 1)}`, '---', '', sentence(seed + 2, 30), ''];
  for (let s = 0; s < sections; s += 1) {
    lines.push(`## Section ${s + 1}: ${words[(seed + s) % words.length]} and ${words[(seed + s * 3) % words.length]}`, '');
    lines.push(`${sentence(seed + s, 24)} ${sentence(seed + s + 3, 20)}`, '', `${sentence(seed + s + 5, 28)}`, '');
    lines.push('::: deck', `- ${sentence(seed + s, 6)}`, `- ${sentence(seed + s + 1, 6)}`, `- ${sentence(seed + s + 2, 6)}`, ':::', '');
  }
  return lines.join('\n');
}

/** Splits a briefing into front matter fields, introduction and sections (heading, prose, deck bullets). */
export function parse(text) {
  const [, fm, body] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text);
  const title = /^title:\s*(.*)$/m.exec(fm)[1].replace(/^(["'])(.*)\1$/, '$2');
  const parts = body.split(/^## /m);
  const intro = parts.shift();
  const sections = parts.map((part) => {
    const [heading, ...rest] = part.split('\n');
    const text = rest.join('\n');
    const blocks = [...text.matchAll(/^::: (deck|notes|report)\n([\s\S]*?)^:::$/gm)];
    const deck = blocks.filter((b) => b[1] === 'deck').map((b) => b[2].trim()).join('\n');
    const prose = text.replace(/^::: (deck|notes|report)\n[\s\S]*?^:::$/gm, '').trim();
    return { heading: heading.trim(), prose, deck };
  });
  return { title, intro: intro.trim(), sections };
}

/** The same content as a Marp deck: a title slide, then one slide per section. */
export function asMarp(text) {
  const doc = parse(text);
  const slides = [`---\nmarp: true\ntheme: default\npaginate: true\n---\n\n# ${doc.title}`];
  for (const s of doc.sections) slides.push(`## ${s.heading}\n\n${s.deck || s.prose.split('\n')[0]}\n\n<!--\n${s.prose}\n-->`);
  return slides.join('\n\n---\n\n') + '\n';
}

/** The same content as one Markdown essay, for md-to-pdf. */
export function asEssay(text) {
  const doc = parse(text);
  return [`# ${doc.title}`, doc.intro, ...doc.sections.map((s) => `## ${s.heading}\n\n${s.prose}`)].join('\n\n') + '\n';
}

/** Writes a case: briefkit sources under briefkit/, Marp under marp/, essays under essay/. */
export function writeCase(dir, docs) {
  for (const sub of ['briefkit', 'marp', 'essay']) mkdirSync(path.join(dir, sub), { recursive: true });
  for (const [name, text] of docs) {
    writeFileSync(path.join(dir, 'briefkit', `${name}.md`), text);
    writeFileSync(path.join(dir, 'marp', `${name}.md`), asMarp(text));
    writeFileSync(path.join(dir, 'essay', `${name}.md`), asEssay(text));
  }
}

/** Reads the seed briefing of the repository. */
export function seed(repo) {
  return readFileSync(path.join(repo, 'content/north-korea-missile-launches.md'), 'utf8');
}
