import { readdirSync, readFileSync } from 'node:fs';

/** Process ids of this process's children whose command name matches (Linux /proc). */
export function childProcesses(namePattern: RegExp, parent = process.pid): number[] {
  const found: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // Format: pid (comm) state ppid ...; comm may hold spaces, so split after the last ')'.
      const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === parent && namePattern.test(comm)) found.push(Number(entry));
    } catch {
      // The process ended while we looked.
    }
  }
  return found;
}
