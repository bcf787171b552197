import { existsSync } from 'node:fs';

/** Edits (insert, delete, replace, swap two neighbours) that turn `a` into `b`: optimal string alignment distance. */
function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i += 1) {
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

/**
 * The command a first argument was probably meant to be, when it names no file or folder and is a bare word a
 * couple of edits from a command (`biuld` → `build`): `build` is the default command, so any other word is taken
 * for a path and would otherwise be reported as a missing file.
 */
export function mistypedCommand(word: string | undefined, commands: readonly string[]): string | undefined {
  if (!word || !/^[a-z][a-z-]*$/i.test(word) || existsSync(word)) return undefined;
  const ranked = commands.map((name) => ({ name, distance: editDistance(word.toLowerCase(), name) })).sort((x, y) => x.distance - y.distance);
  const best = ranked[0];
  return best && word !== best.name && best.distance <= Math.max(1, Math.floor(best.name.length / 3)) ? best.name : undefined;
}
