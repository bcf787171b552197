/** Attributes whose value is a list of element ids (or one), besides `id` itself. */
const idListAttributes = ['aria-labelledby', 'aria-describedby', 'aria-controls', 'aria-owns', 'aria-details', 'aria-flowto', 'aria-activedescendant', 'aria-errormessage', 'headers', 'for', 'list'];

const idListPattern = new RegExp(`(\\s(?:${idListAttributes.join('|')})=")([^"]*)"`, 'g');

/**
 * HTML (as briefkit writes it: double-quoted attributes) with every element id given `prefix`, and every reference to
 * an id with it: in-page links (`href="#…"`) and the attributes that name ids (labels, table headers, ARIA). So the
 * bodies of several documents can share one page without one's ids answering another's links.
 */
export function prefixIds(html: string, prefix: string): string {
  return html
    .replace(/(\sid=")([^"]+)"/g, (_, head: string, id: string) => `${head}${prefix}${id}"`)
    .replace(/(\shref="#)([^"]+)"/g, (_, head: string, fragment: string) => `${head}${prefix}${fragment}"`)
    .replace(idListPattern, (_, head: string, ids: string) => `${head}${ids.replace(/\S+/g, (id) => prefix + id)}"`);
}
