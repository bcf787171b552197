import type { Briefing, Chunk } from '../content/types.js';
import { formatDate } from '../templates/helpers.js';
import { sectionOf, uiLabels } from '../content/ui-labels.js';
import type { DeckPlan, PlannedSlide } from './deck-model.js';
import { escapeInline } from '../markdown/escape-inline.js';
import { markingLevelClass } from '../content/marking-level.js';
import { leadSentence } from './lead-sentence.js';
import { withoutFootnoteMarks } from './notes-footnotes.js';
import { splitSlides } from './split-slides.js';
import { sectionIdAttribute } from './section-heading-ids.js';

function joinChunks(chunks: readonly Chunk[]): string {
  return chunks.map((c) => c.markdown).join('\n\n');
}

function plainTitle(markdownTitle: string): string {
  return markdownTitle.replace(/<[^>]*>/g, '').replace(/[*_`~]/g, '').replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').trim();
}

const startsWithHeading = /^ {0,3}#{1,6}[ \t]/;

/** How long a classification marking is for setting it in a band: `long` (> 56 characters) and `longer` (> 90) get smaller type. */
export function markingLength(classification: string | undefined): '' | 'long' | 'longer' {
  const length = classification?.length ?? 0;
  return length > 90 ? 'longer' : length > 56 ? 'long' : '';
}

/** A slide whose body may be cut into continuation slides after measuring. */
function splittable(slide: { kind: PlannedSlide['kind']; title: string; head: string; continuedHead: string; body: string; notes: string }): PlannedSlide {
  const { head, continuedHead, body, ...rest } = slide;
  return { ...rest, markdown: body ? `${head}\n\n${body}` : head, split: { head, body, continuedHead } };
}

/** Plans the slides for a briefing: title, key judgments, agenda, the sections, closing. `theme` is the
 * theme after precedence (CLI over front matter over config). */
export function planDeck(briefing: Briefing, options: { theme: string }): DeckPlan {
  const { meta } = briefing;
  const labels = uiLabels(meta.lang);
  const continued = `<span class="continued">${labels.continued}</span>`;
  const slides: PlannedSlide[] = [];
  const date = formatDate(meta.date, meta.lang);
  const byline = [meta.organization, meta.author, date].filter(Boolean).map((s) => escapeInline(String(s))).join(' · ');

  slides.push({
    kind: 'title',
    title: meta.title,
    markdown: ['<!-- _class: title -->', `# ${escapeInline(meta.title)}`, meta.subtitle ? `## ${escapeInline(meta.subtitle)}` : '', byline].filter(Boolean).join('\n\n'),
    notes: joinChunks(briefing.intro.notes) || joinChunks(briefing.intro.prose),
    line: briefing.intro.report[0]?.line,
  });
  if (meta.summary.length > 0) {
    slides.push(splittable({
      kind: 'judgments',
      title: labels.keyJudgments,
      head: `<!-- _class: judgments -->\n\n## ${labels.keyJudgments}`,
      continuedHead: `<!-- _class: judgments -->\n\n## ${labels.keyJudgments} ${continued}`,
      body: meta.summary.map((j, i) => `${i + 1}. ${withoutFootnoteMarks(j)}`).join('\n'),
      notes: '',
    }));
  }
  if (briefing.sections.length > 0) {
    const agendaClass = `<!-- _class: agenda${briefing.sections.length > 6 ? ' two-column' : ''} -->`;
    slides.push(splittable({
      kind: 'agenda',
      title: labels.agenda,
      head: `${agendaClass}\n\n## ${labels.agenda}`,
      continuedHead: `${agendaClass}\n\n## ${labels.agenda} ${continued}`,
      body: briefing.sections.map((s, i) => `${i + 1}. ${s.title}`).join('\n'),
      notes: '',
    }));
  }
  const total = briefing.sections.length;
  for (const section of briefing.sections) {
    const number = `${section.index + 1}`;
    const notes = joinChunks(section.notes) || joinChunks(section.prose);
    const directives = `<!-- _class: section -->\n\n<p class="section-progress">${sectionOf(labels, section.index + 1, total)}</p>`;
    const heading = `## <span class="section-number" ${sectionIdAttribute}="${section.id}">${number}</span> ${section.title}`;
    const continuedHead = `${directives}\n\n${heading} ${continued}`;
    const deckSlides = section.deck.flatMap(splitSlides);
    if (deckSlides.length === 0) {
      const lead = leadSentence(joinChunks(section.prose));
      // Markdown inside the block (blank lines around it), so the sentence's emphasis, links and quotes are set.
      deckSlides.push({ markdown: lead ? `<div class="lead">\n\n${lead}\n\n</div>` : '', line: section.line });
    }
    deckSlides.forEach((slide, i) => {
      const ownHeading = startsWithHeading.test(slide.markdown);
      const head = ownHeading ? directives : i > 0 ? continuedHead : `${directives}\n\n${heading}`;
      slides.push({
        ...splittable({ kind: 'section', title: plainTitle(section.title), head, continuedHead, body: slide.markdown, notes: i === 0 ? notes : '' }),
        line: slide.line,
        sectionIndex: section.index,
      });
    });
  }
  slides.push({
    kind: 'closing',
    title: labels.questions,
    markdown: ['<!-- _class: closing -->', `# ${labels.questions}`, escapeInline(meta.title), meta.organization ? escapeInline(meta.organization) : ''].filter(Boolean).join('\n\n'),
    notes: '',
  });
  const marking = meta.classification ? escapeInline(meta.classification.toLocaleUpperCase()) : '';
  // A long marking ("TOP SECRET//SCI//…//HANDLE VIA SPECIAL CHANNELS ONLY") is set smaller, then on two lines, so
  // all of it fits the band: it must be read whole.
  const length = markingLength(meta.classification);
  const size = length ? ` bk-marking-${length}` : '';
  // The level the marking states, for the themes to colour its bands (`header:has(.bk-level-secret)`).
  const levelClass = markingLevelClass(meta.classification);
  return {
    theme: options.theme,
    lang: meta.lang,
    header: marking && (size || levelClass) ? `<span class="bk-marking-text${size}${levelClass}">${marking}</span>` : marking,
    // The marking goes at the bottom too (the built-in themes set it as a band; a theme that does not know the
    // classes shows "MARKING · Title" in its footer).
    footer: marking
      ? `<span class="bk-marking${size}${levelClass}">${marking}</span><span class="bk-footer-sep"> · </span><span class="bk-footer-title">${escapeInline(meta.title)}</span>`
      : escapeInline(meta.title),
    slides,
  };
}
