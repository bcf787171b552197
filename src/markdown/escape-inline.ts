/** Escapes text so Markdown (ours or Marp's) reads it as plain inline text: front matter values are text, never HTML or Markdown. */
export function escapeInline(text: string): string {
  return text.replace(/([\\`*_{}[\]()#+!|<>~&])/g, '\\$1');
}
