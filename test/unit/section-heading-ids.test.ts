import { describe, expect, it } from 'vitest';
import { createMarp } from '../../src/deck/create-marp.js';
import { sectionIdAttribute } from '../../src/deck/section-heading-ids.js';

const sectionHeading = (id: string, title: string) => `## <span class="section-number" ${sectionIdAttribute}="${id}">2</span> ${title}`;
const headingTags = (markdown: string) => createMarp([]).render(markdown).html.match(/<\/?h\d[^>]*>/g) ?? [];

describe("section slides' heading ids", () => {
  it("give a section's slide the section's own id, written on its opening tag only", () => {
    expect(headingTags(`${sectionHeading('outlook', 'Outlook')}\n`)).toEqual(['<h2 id="outlook">', '</h2>']);
  });

  it('keep the id for the section when a heading on an earlier slide has the same words, and number its continued slide', () => {
    const tags = headingTags(`## Intro\n\n### Outlook\n\n---\n\n${sectionHeading('outlook', 'Outlook')}\n\n---\n\n${sectionHeading('outlook', 'Outlook (continued)')}\n`).filter((t) => !t.startsWith('</'));
    expect(tags).toEqual(['<h2 id="intro">', '<h3 id="outlook-1">', '<h2 id="outlook">', '<h2 id="outlook-2">']);
  });
});
