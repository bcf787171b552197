/** The level a classification marking states, for colouring its band: US banner levels, and the Korean grades. */
export type MarkingLevel = 'unclassified' | 'cui' | 'confidential' | 'secret' | 'top-secret';

/** Korean grades: Ⅰ급 (top secret), Ⅱ급 (secret), Ⅲ급 (confidential), in Roman or Arabic numerals. */
const koreanGrade = /^(Ⅰ|Ⅱ|Ⅲ|III|II|I|1|2|3)\s*급\s*비밀/;

/**
 * The level a marking begins with (`SECRET//NOFORN` is secret, `TOP SECRET//SCI` top secret, `CUI` or
 * `CONTROLLED` controlled unclassified, `Ⅱ급비밀` secret), or undefined for a marking that states none of them
 * (`대외비`, `INTERNAL`): those keep the theme's own colour. The colours themselves are the templates' (the US
 * banner colours in the built-in ones: https://www.archives.gov/cui/registry/marking and the CAPCO register).
 */
export function markingLevel(marking: string | undefined): MarkingLevel | undefined {
  const text = (marking ?? '').trim().replace(/^\(+/, '').toUpperCase();
  if (/^TOP\s*SECRET\b/.test(text)) return 'top-secret';
  if (/^SECRET\b/.test(text)) return 'secret';
  if (/^CONFIDENTIAL\b/.test(text)) return 'confidential';
  if (/^(CUI|CONTROLLED)\b/.test(text)) return 'cui';
  if (/^UNCLASSIFIED\b/.test(text)) return 'unclassified';
  const grade = koreanGrade.exec(text)?.[1];
  if (grade === 'Ⅰ' || grade === 'I' || grade === '1') return 'top-secret';
  if (grade === 'Ⅱ' || grade === 'II' || grade === '2') return 'secret';
  if (grade) return 'confidential';
  return undefined;
}

/** The class a marking's element carries for its level (` bk-level-secret`, with a leading space), or '' for none. */
export function markingLevelClass(marking: string | undefined): string {
  const level = markingLevel(marking);
  return level ? ` bk-level-${level}` : '';
}
