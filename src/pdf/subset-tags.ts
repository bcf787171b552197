/** A font subset's tag: six capital letters and a plus sign before the font's name (PDF 1.7 §9.6.4). */
const subsetTag = /(\/(?:BaseFont|FontName)\s*\/)([A-Z]{6})\+/g;

/** The `n`th six-letter tag (AAAAAA, BAAAAA, …), as Skia numbers them. */
function nthTag(n: number): string {
  let tag = '';
  for (let i = 0, rest = n; i < 6; i += 1, rest = Math.floor(rest / 26)) tag += String.fromCharCode(65 + (rest % 26));
  return tag;
}

/** The font subset tags named anywhere in some PDF object text. */
export function subsetTagsIn(text: string): string[] {
  return [...text.matchAll(subsetTag)].map((match) => match[2]);
}

/**
 * Font subset tags kept unique in one file made from several printed ones: each print numbers its subsets from AAAAAA
 * again, and two different subsets under one tag break preflight checks and tools that merge fonts by name.
 */
export class SubsetTags {
  private nextTag = 0;

  constructor(private readonly used = new Set<string>()) {}

  /**
   * Object text with its subset tags rewritten: `tags` maps one source file's tags to those they are written with,
   * and a tag that file has not used yet gets the first one no file has.
   */
  retagged(text: string, tags: Map<string, string>): string {
    if (!text.includes('+')) return text;
    return text.replace(subsetTag, (_, key: string, tag: string) => {
      let written = tags.get(tag);
      if (written === undefined) {
        written = tag;
        while (this.used.has(written)) written = nthTag(this.nextTag++);
        this.used.add(written);
        tags.set(tag, written);
      }
      return `${key}${written}+`;
    });
  }
}
