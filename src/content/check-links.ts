import path from 'node:path';
import { ContentError } from '../errors.js';
import { classifyHref } from './classify-href.js';
import type { LinkRef } from './find-link-refs.js';
import type { Diagnostic } from './types.js';
import { isInside, localTarget } from './local-path.js';

/**
 * Checks links and embeds against the project folders. A local link that leaves them (`../../x`, `/etc/passwd`,
 * `file:///…`) is refused: published outputs must not point readers at files outside the project. Embeds
 * (`<iframe>`, `<video>`, CSS `url()`…) are removed by the sanitiser and never fetched; each gets a warning.
 */
export function checkLinks(refs: readonly LinkRef[], file: string, roots: readonly string[]): Diagnostic[] {
  const warnings: Diagnostic[] = [];
  const dir = path.dirname(file);
  for (const ref of refs) {
    const kind = classifyHref(ref.href);
    if (ref.kind === 'link') {
      if (kind !== 'local' || ref.href.trim() === '') continue;
      const target = localTarget(ref.href, dir);
      if (target === undefined || !roots.some((root) => isInside(target, root))) {
        const absolute = /^file:/i.test(ref.href.trim()) || path.isAbsolute(ref.href.trim());
        throw new ContentError(`Link \`${ref.href}\` ${absolute ? 'is an absolute path to a file' : 'points to a file'} outside the project folder, so it is refused.`, {
          location: { file, line: ref.line },
          hint: 'Link to a web address, or copy the file into the project and link to it by a relative path.',
        });
      }
      continue;
    }
    if (ref.href === '') {
      warnings.push({ file, line: ref.line, message: `<${ref.tag}> is removed: raw ${ref.tag === 'script' ? 'scripts' : 'embeds'} are stripped from the outputs unless you build with --trust-html.` });
      continue;
    }
    const what = ref.kind === 'css' ? `CSS url(${ref.href})` : `<${ref.tag} ${ref.href}>`;
    const remote = kind === 'remote' ? ' is a remote resource and' : '';
    warnings.push({
      file,
      line: ref.line,
      message: `${what}${remote} is not loaded: outputs are self-contained, so embedded pages, media, scripts and remote styles are removed (with --trust-html, kept but blocked). Use a Markdown image of a local file, or a link.`,
    });
  }
  return warnings;
}
