import { describe, expect, it } from 'vitest';
import { allowLiveReload } from '../../src/serve/allow-live-reload.js';
import { liveReloadScript } from '../../src/serve/live-reload.js';
import { contentSecurityPolicy, cspMetaTag } from '../../src/html/content-security-policy.js';

const page = (policy: string): string => `<!doctype html><html><head>${cspMetaTag(policy)}</head><body></body></html>`;
const policyOf = (html: string): string => /content="([^"]*)"/.exec(html)?.[1] ?? '';

describe('allowLiveReload', () => {
  it('lets a page without scripts run exactly the live-reload script (by hash) and reach its own server', () => {
    const policy = policyOf(allowLiveReload(page(contentSecurityPolicy({ inlineScripts: false })), 'reload()'));
    expect(policy).toMatch(/script-src 'sha256-[A-Za-z0-9+/]+=*'(;|$)/);
    expect(policy).not.toContain("script-src 'none'");
    expect(policy).toContain("connect-src 'self'");
    expect(policy).toContain("img-src data: blob:");
  });

  it('adds no hash where inline scripts are already allowed, since a hash would switch them off', () => {
    const policy = policyOf(allowLiveReload(page(contentSecurityPolicy({ inlineScripts: true })), 'reload()'));
    expect(policy).toContain("script-src 'unsafe-inline';");
    expect(policy).not.toContain('sha256-');
    expect(policy).toContain("connect-src 'self'");
  });

  it('leaves a page without a policy as it is', () => {
    expect(allowLiveReload('<p>Hi</p>', 'reload()')).toBe('<p>Hi</p>');
  });
});

describe('the live-reload script', () => {
  it('is valid JavaScript, marked so a page refreshed in place does not run it twice', () => {
    const source = /^<script data-briefkit-live-reload>([\s\S]*)<\/script>$/.exec(liveReloadScript)?.[1];
    expect(source).toBeDefined();
    expect(() => new Function(source ?? '')).not.toThrow();
  });
});
