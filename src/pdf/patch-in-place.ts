import type { Page } from 'puppeteer-core';

/**
 * Makes the page loaded from `before` what loading `after` would give, by changing only the text and attributes
 * that differ: the report's second print, whose HTML differs from the first only in page numbers and running heads,
 * then needs no second load (for a 224-page report that load took longer than the print). Both are parsed in the
 * page and compared node by node; returns false, leaving the page as it was, when they differ in structure or in an
 * address (`src`, `href`...), or hold scripts, `<noscript>` or `<template>` (which a parser without scripting reads
 * differently): load `after` then. A changed style may want fonts not loaded yet: wait with untilPaintable after.
 */
export async function patchInPlace(page: Page, before: string, after: string): Promise<boolean> {
  return page.evaluate(
    (beforeHtml, afterHtml) => {
      type Edit = { path: number[]; name: string; text?: string; attributes?: [string, string][]; removed?: string[] };
      const parse = (html: string): Element => new DOMParser().parseFromString(html, 'text/html').documentElement;
      const unsafe = new Set(['SCRIPT', 'NOSCRIPT', 'TEMPLATE']);
      // A changed address would start a load of its own: such pages are loaded afresh.
      const fetching = ['src', 'srcset', 'srcdoc', 'href', 'data', 'poster'];
      const edits: Edit[] = [];
      const compare = (x: Node, y: Node, path: number[]): boolean => {
        if (x.nodeType !== y.nodeType || x.nodeName !== y.nodeName || unsafe.has(x.nodeName)) return false;
        if (x instanceof Element && y instanceof Element) {
          const next = Array.from(y.attributes, (a): [string, string] => [a.name, a.value]);
          const changed = x.attributes.length !== next.length || next.some(([name, value]) => x.getAttribute(name) !== value);
          if (changed && fetching.some((name) => x.getAttribute(name) !== y.getAttribute(name))) return false;
          if (changed) edits.push({ path, name: x.nodeName, attributes: next, removed: Array.from(x.attributes, (a) => a.name).filter((name) => !y.hasAttribute(name)) });
        } else if (x.nodeValue !== y.nodeValue) edits.push({ path, name: x.nodeName, text: y.nodeValue ?? '' });
        if (x.childNodes.length !== y.childNodes.length) return false;
        for (let i = 0; i < x.childNodes.length; i += 1) if (!compare(x.childNodes[i], y.childNodes[i], [...path, i])) return false;
        return true;
      };
      if (!compare(parse(beforeHtml), parse(afterHtml), [])) return false;
      // The loaded page may have gained nodes since (measuring links, the hiding style), always after the ones parsed.
      const targets = edits.map((edit) => edit.path.reduce<Node | undefined>((node, i) => node?.childNodes[i], document.documentElement));
      if (targets.some((node, i) => node?.nodeName !== edits[i].name)) return false;
      edits.forEach((edit, i) => {
        const node = targets[i] as Node;
        if (edit.text !== undefined) node.nodeValue = edit.text;
        if (node instanceof Element) {
          for (const name of edit.removed ?? []) node.removeAttribute(name);
          for (const [name, value] of edit.attributes ?? []) node.setAttribute(name, value);
        }
      });
      return true;
    },
    before,
    after,
  );
}
