/** The first sentence of a paragraph of prose: what a section without a `::: deck` block shows on its slide. */
export function leadSentence(markdown: string, maxLength = 220): string {
  const paragraph = markdown
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .find((p) => p && !/^(#|```|~~~|!\[|\||<|:::|\[\^)/.test(p));
  if (!paragraph) return '';
  const flat = paragraph.replace(/\s*\n\s*/g, ' ').replace(/\[\^[^\]]+\]/g, '');
  const match = /^(.+?[.!?。！？])(?=\s|$)/u.exec(flat);
  const sentence = match ? match[1] : flat;
  if (sentence.length <= maxLength) return sentence;
  const cut = sentence.slice(0, maxLength);
  return `${cut.slice(0, cut.lastIndexOf(' ') > 0 ? cut.lastIndexOf(' ') : maxLength)}…`;
}
