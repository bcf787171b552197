import type { Chunk } from '../content/types.js';

const codeFence = /^ {0,3}(`{3,}|~{3,})/;
const ruler = /^ {0,3}(?:-{3,}|\*{3,}|_{3,})\s*$/;

/**
 * Splits a `::: deck` block into slides at thematic breaks (`---` on a line of its own with a blank line
 * before it, as Marp reads them), ignoring breaks inside code fences. Each slide keeps its source line.
 */
export function splitSlides(chunk: Chunk): Chunk[] {
  const slides: Chunk[] = [];
  const lines = chunk.markdown.split('\n');
  let fence: string | undefined;
  let start = 0;
  const push = (end: number): void => {
    const body = lines.slice(start, end);
    const first = body.findIndex((l) => l.trim() !== '');
    if (first >= 0) slides.push({ markdown: body.slice(first).join('\n').trimEnd(), line: chunk.line + start + first });
  };
  lines.forEach((line, i) => {
    const fenceMatch = codeFence.exec(line);
    if (fence !== undefined) {
      if (fenceMatch && fenceMatch[1][0] === fence[0] && fenceMatch[1].length >= fence.length) fence = undefined;
      return;
    }
    if (fenceMatch) {
      fence = fenceMatch[1];
      return;
    }
    const previousBlank = i === 0 || lines[i - 1].trim() === '';
    if (ruler.test(line) && previousBlank) {
      push(i);
      start = i + 1;
    }
  });
  push(lines.length);
  return slides;
}
