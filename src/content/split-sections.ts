import { ContentError } from '../errors.js';
import { createIdAllocator } from './slugify.js';
import type { Chunk, Faces, Section } from './types.js';

/** The face names a fenced div can carry: `::: deck`, `::: notes`, `::: report`. */
export type FaceName = 'deck' | 'notes' | 'report';

const faceNames = new Set<string>(['deck', 'notes', 'report']);
const codeFence = /^ {0,3}(`{3,}|~{3,})/;
const divFence = /^ {0,3}(:{3,})\s*(.*?)\s*$/;
const sectionHeading = /^ {0,3}##(?!#)[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/;

/** The body of a briefing cut into introduction and `##` sections, each split into its faces. */
export interface SplitBody {
  intro: Faces;
  sections: Section[];
}

/** Parses a fenced div opener's name: `::: deck`, `::: {.deck}`, `:::deck`. Returns undefined for a closer. */
function divName(rest: string): string | undefined {
  const match = /^\{?\s*\.?([\w-]+)/.exec(rest);
  return match ? match[1] : undefined;
}

interface Builder {
  faces: Faces;
  /** The chunk of prose being filled, if any. */
  open?: { face: 'prose' | FaceName; lines: string[]; line: number };
}

function emptyFaces(): Faces {
  return { report: [], prose: [], deck: [], notes: [] };
}

function flush(builder: Builder): void {
  const open = builder.open;
  builder.open = undefined;
  if (!open) return;
  const markdown = open.lines.join('\n').replace(/^\s*\n/, '').trimEnd();
  if (!markdown.trim()) return;
  const leadingBlank = open.lines.findIndex((l) => l.trim() !== '');
  const chunk: Chunk = { markdown, line: open.line + Math.max(0, leadingBlank) };
  if (open.face === 'prose') {
    builder.faces.prose.push(chunk);
    builder.faces.report.push(chunk);
  } else {
    builder.faces[open.face].push(chunk);
  }
}

function append(builder: Builder, face: 'prose' | FaceName, text: string, line: number): void {
  if (!builder.open || builder.open.face !== face) {
    flush(builder);
    builder.open = { face, lines: [], line };
  }
  builder.open.lines.push(text);
}

/**
 * Cuts a Markdown body into the introduction and its `##` sections, and each of those into faces
 * (`::: deck`, `::: notes`, `::: report` fenced divs; everything else is prose). Code fences are respected.
 */
export function splitSections(body: string, file: string, firstLine: number): SplitBody {
  const lines = body.split(/\r?\n/);
  const nextId = createIdAllocator();
  const intro: Builder = { faces: emptyFaces() };
  const sections: Section[] = [];
  let current: Builder = intro;
  let fence: string | undefined;
  /** The face div we are inside (top level only), its colon count and its opening line. */
  let face: { name: FaceName; colons: number; line: number; depth: number } | undefined;

  const startSection = (title: string, line: number): void => {
    flush(current);
    const builder: Builder = { faces: emptyFaces() };
    sections.push({ index: sections.length, title, id: nextId(title), line, ...builder.faces });
    current = builder;
  };

  lines.forEach((text, i) => {
    const line = firstLine + i;
    if (fence !== undefined) {
      if (new RegExp(`^ {0,3}${fence[0] === '`' ? '`' : '~'}{${fence.length},}\\s*$`).test(text)) fence = undefined;
      append(current, face?.name ?? 'prose', text, line);
      return;
    }
    const codeMatch = codeFence.exec(text);
    if (codeMatch) {
      fence = codeMatch[1];
      append(current, face?.name ?? 'prose', text, line);
      return;
    }
    const divMatch = divFence.exec(text);
    if (divMatch) {
      const colons = divMatch[1].length;
      const name = divName(divMatch[2]);
      if (face) {
        if (name !== undefined) face.depth += 1;
        else if (face.depth > 0) face.depth -= 1;
        else if (colons >= face.colons) {
          flush(current);
          face = undefined;
          return;
        }
        append(current, face.name, text, line);
        return;
      }
      if (name !== undefined && faceNames.has(name)) {
        flush(current);
        face = { name: name as FaceName, colons, line, depth: 0 };
        return;
      }
      append(current, 'prose', text, line);
      return;
    }
    if (!face) {
      const heading = sectionHeading.exec(text);
      if (heading) {
        startSection(heading[1], line);
        return;
      }
    }
    append(current, face?.name ?? 'prose', text, line);
  });

  if (face) {
    throw new ContentError(`The \`::: ${face.name}\` block opened here is never closed.`, {
      location: { file, line: face.line },
      hint: 'Close it with a line of `:::` on its own.',
    });
  }
  flush(current);
  // Sections were pushed with the builder's face arrays by reference, so they hold the flushed chunks.
  return { intro: intro.faces, sections };
}
