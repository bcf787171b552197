import type { PlannedSlide } from './deck-model.js';

/** One top-level block of a slide body: a list item, a paragraph, a table, a code block, a comment. */
interface Unit {
  text: string;
  /** Repeated on every continuation slide: Marp directive comments and `![bg]` images. */
  sticky: boolean;
  /** For an ordered list item: its number within the list as rendered (1-based, counting from the list's start). */
  ordinal?: number;
}

const codeFence = /^ {0,3}(`{3,}|~{3,})/;
const listItem = /^ {0,3}(?:[-*+]|(\d{1,9})[.)])(?:[ \t]|$)/;
const directiveComment = /^\s*<!--\s*_?[\w-]+\s*:[\s\S]*-->\s*$/;
const backgroundImage = /^\s*!\[[^\]]*\bbg\b[^\]]*\]\([^)]*\)\s*$/;

/** Cuts a slide body into top-level blocks, keeping code fences whole and each list item with its lines. */
export function bodyUnits(body: string): Unit[] {
  const units: { lines: string[] }[] = [];
  let fence: string | undefined;
  let previousBlank = true;
  for (const line of body.split('\n')) {
    const blank = line.trim() === '';
    const fenceMatch = codeFence.exec(line);
    if (fence !== undefined) {
      units[units.length - 1].lines.push(line);
      if (fenceMatch && fenceMatch[1][0] === fence[0] && fenceMatch[1].length >= fence.length) fence = undefined;
      previousBlank = false;
      continue;
    }
    const indent = /^ */.exec(line)?.[0].length ?? 0;
    const starts = !blank && indent < 2 && (listItem.test(line) || previousBlank);
    if (starts || units.length === 0) units.push({ lines: [] });
    units[units.length - 1].lines.push(line);
    if (fenceMatch) fence = fenceMatch[1];
    previousBlank = blank;
  }
  let ordinal = 0;
  return units
    .map((u) => u.lines.join('\n').trimEnd())
    .filter((text) => text.trim() !== '')
    .map((text) => {
      const number = listItem.exec(text)?.[1];
      ordinal = number === undefined ? 0 : ordinal + 1;
      return { text, sticky: directiveComment.test(text) || backgroundImage.test(text), ordinal: number === undefined ? undefined : ordinal };
    });
}

/** Text of a piece: units joined so a list stays one list; an ordered list resumes its numbering. */
function joinPiece(units: readonly Unit[], firstNumber: Map<Unit, number>): string {
  return units
    .map((u, i) => {
      const start = firstNumber.get(u);
      return i === 0 && start !== undefined ? u.text.replace(/^( {0,3})\d{1,9}([.)])/, `$1${start}$2`) : u.text;
    })
    .reduce((out, text, i) => {
      if (i === 0) return text;
      const bothItems = listItem.test(units[i - 1].text) && listItem.test(units[i].text);
      return `${out}${bothItems ? '\n' : '\n\n'}${text}`;
    }, '');
}

/**
 * Splits a slide that is too long into `pieces` slides of about equal length, cutting only between
 * top-level blocks. The first keeps the slide's head and notes; the others repeat its continued head.
 * Returns the slide unchanged when it cannot be split (no split info, or fewer than two blocks).
 */
export function splitOverflowingSlide(slide: PlannedSlide, pieces: number): PlannedSlide[] {
  if (!slide.split || pieces < 2) return [slide];
  const all = bodyUnits(slide.split.body);
  const sticky = all.filter((u) => u.sticky);
  const units = all.filter((u) => !u.sticky);
  if (units.length < 2) return [slide];
  const count = Math.min(pieces, units.length);
  // The number each ordered item shows: the first item's number in the source, counted on from there.
  const firstNumber = new Map<Unit, number>();
  let listStart = 1;
  for (const u of units) {
    if (u.ordinal === 1) listStart = Number(listItem.exec(u.text)?.[1] ?? 1);
    if (u.ordinal !== undefined) firstNumber.set(u, listStart + u.ordinal - 1);
  }
  const weight = (u: Unit): number => u.text.length + 40;
  const total = units.reduce((sum, u) => sum + weight(u), 0);
  const groups: Unit[][] = [[]];
  let filled = 0;
  for (const [i, u] of units.entries()) {
    const left = units.length - i;
    const groupsLeft = count - groups.length;
    const current = groups[groups.length - 1];
    const wantNew = current.length > 0 && groupsLeft > 0 && (filled + weight(u) / 2 > (total * groups.length) / count || left <= groupsLeft);
    if (wantNew) groups.push([]);
    groups[groups.length - 1].push(u);
    filled += weight(u);
  }
  return groups.map((group, i) => {
    const body = [sticky.length ? sticky.map((u) => u.text).join('\n\n') : '', joinPiece(group, firstNumber)].filter(Boolean).join('\n\n');
    const head = i === 0 ? slide.split!.head : slide.split!.continuedHead;
    return {
      ...slide,
      markdown: `${head}\n\n${body}`,
      notes: i === 0 ? slide.notes : '',
      fit: undefined,
      split: { head, body, continuedHead: slide.split!.continuedHead },
    };
  });
}
