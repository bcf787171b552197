import { describe, expect, it } from 'vitest';
import { pageParts } from '../../src/pdf/shared-prints.js';

const page = (css: string, body = '<p id="a">x</p>'): string => `<!DOCTYPE html><html lang="en"><head><title>T</title><style>${css}</style></head><body class="b">${body}</body></html>`;

describe('pageParts', () => {
  it('splits a page into its head less the title, its body tag and its body', () => {
    expect(pageParts(page('p { color: #123456 }'))).toEqual({
      head: '<!DOCTYPE html><html lang="en"><head><style>p { color: #123456 }</style></head>',
      bodyTag: '<body class="b">',
      body: '<p id="a">x</p>',
    });
  });

  it('refuses pages whose CSS names an element by id or a child of the body or root, or that hold scripts', () => {
    for (const css of ['#intro h1 { margin: 0 }', 'body > main { }', 'html>body { }', ':root > body { }']) expect(pageParts(page(css)), css).toBeUndefined();
    expect(pageParts(page('p { }', '<p>x</p><script>1</script>'))).toBeUndefined();
  });

  it('refuses pages with a style sheet in the body, which would style every document of a shared print', () => {
    expect(pageParts(page('p { }', '<style>p { color: red }</style><p>x</p>'))).toBeUndefined();
    expect(pageParts(page('p { }', '<link rel="stylesheet" href="data:text/css,p{}"><p>x</p>'))).toBeUndefined();
  });

  it('leaves out the metadata that only describes the document, so documents by different authors share a print', () => {
    const described = (author: string): string => page('p { }').replace('<title>T</title>', `<title>T</title><meta name="author" content="${author}"><meta name="viewport" content="width=device-width">`);
    expect(pageParts(described('A'))?.head).toBe(pageParts(described('B'))?.head);
    expect(pageParts(described('A'))?.head).toContain('name="viewport"');
  });

  it('lets colours, fragment URLs, table bodies and comments that mention ids pass', () => {
    for (const css of ['tbody > tr { }', 'a[href^="#"] { color: #fff }', '.x { background: url(#g) }', '/* see #relative-weighting */ p { }']) expect(pageParts(page(css)), css).toBeDefined();
  });
});
