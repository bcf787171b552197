import { createHash } from 'node:crypto';
import { editContentSecurityPolicy } from '../html/content-security-policy.js';

/**
 * Loosens a served page's Content-Security-Policy just enough for the preview's live-reload script: that one
 * inline script (by its SHA-256 hash, see https://www.w3.org/TR/CSP3/#grammardef-hash-source) and connections
 * back to the preview server (`connect-src 'self'`, for its event stream). A page whose policy already allows
 * inline scripts keeps it as it is, because adding a hash would switch its `'unsafe-inline'` off. Without this,
 * the policy briefkit writes into every page (`default-src 'none'`) blocks the reload in the browser.
 */
export function allowLiveReload(html: string, script: string): string {
  const hash = `'sha256-${createHash('sha256').update(script).digest('base64')}'`;
  return editContentSecurityPolicy(html, (policy) => {
    const directives = policy.split(';').map((d) => d.trim()).filter(Boolean);
    const find = (name: string): number => directives.findIndex((d) => d.toLowerCase().split(/\s+/)[0] === name);
    const scripts = find('script-src');
    if (scripts === -1) directives.push(`script-src ${hash}`);
    else if (!/'unsafe-inline'/i.test(directives[scripts])) directives[scripts] = `${directives[scripts].replace(/\s+'none'/i, '')} ${hash}`;
    const connect = find('connect-src');
    if (connect === -1) directives.push("connect-src 'self'");
    else directives[connect] = `${directives[connect].replace(/\s+'none'/i, '')} 'self'`;
    return directives.join('; ');
  });
}
