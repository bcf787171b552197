import { describe, expect, it } from 'vitest';
import { BuildMemo } from '../../src/build/build-memo.js';
import { renderersKey } from '../../src/build/create-build-context.js';
import { resolveBuildOptions } from '../../src/config/build-options.js';
import { isSharedInput } from '../../src/serve/affected-documents.js';

describe('what the preview keeps between builds', () => {
  it('makes a value once and hands it out again until it is forgotten', () => {
    const memo = new BuildMemo();
    let made = 0;
    const make = (): { n: number } => ({ n: (made += 1) });
    const first = memo.get('templates', make);
    expect(memo.get('templates', make)).toBe(first);
    expect(memo.get('config', make)).not.toBe(first);
    memo.forget();
    expect(memo.get('templates', make)).not.toBe(first);
    expect(made).toBe(3);
  });

  it('does not keep a promise that rejected, so the next build tries again', async () => {
    const memo = new BuildMemo();
    const failing = memo.get('config', () => Promise.reject(new Error('bad config')));
    await expect(failing).rejects.toThrow('bad config');
    await expect(memo.get('config', () => Promise.resolve('good config'))).resolves.toBe('good config');
  });

  it('never hands out a value that was being made when everything was forgotten', async () => {
    const memo = new BuildMemo();
    let finish: (value: string) => void = () => undefined;
    const old = memo.get('templates', () => new Promise<string>((resolve) => (finish = resolve)));
    memo.forget();
    finish('old templates');
    await old;
    await expect(memo.get('templates', () => Promise.resolve('new templates'))).resolves.toBe('new templates');
  });

  it('shares renderers between builds of other formats or files, not of other templates, helpers or HTML trust', () => {
    const key = (options: Parameters<typeof resolveBuildOptions>[0]): string => renderersKey(resolveBuildOptions({ root: '/p', ...options }));
    const base = key({ formats: 'report-html' });
    expect(key({ formats: 'deck-html', paths: ['/p/content/a.md'] })).toBe(base);
    expect(key({ formats: 'report-html', templateDirs: ['more-templates'] })).not.toBe(base);
    expect(key({ formats: 'report-html', trustHtml: true })).not.toBe(base);
    expect(key({ formats: 'report-html', helpers: { shout: (s: string) => s.toUpperCase() } })).not.toBe(base);
  });

  it('counts templates, themes and config files as shared by every document, sources and images not', () => {
    const dirs = ['/p/templates'];
    const configs = ['/p/briefkit.config.json'];
    expect(isSharedInput('/p/templates/themes/custom.css', dirs, configs)).toBe(true);
    expect(isSharedInput('/p/briefkit.config.json', dirs, configs)).toBe(true);
    expect(isSharedInput('/p/content/memo.md', dirs, configs)).toBe(false);
    expect(isSharedInput('/p/content/chart.png', dirs, configs)).toBe(false);
    expect(isSharedInput('/p/templates-old/x.css', dirs, configs)).toBe(false);
  });
});
