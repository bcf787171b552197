import { constants, deflateSync, inflateSync } from 'node:zlib';
import { PdfFile } from './pdf-file.js';
import { PdfName, PdfRef, PdfString, PdfSyntaxError, type PdfDict, type PdfValue } from './pdf-syntax.js';
import { PdfUpdate } from './pdf-update.js';
import { decodeName, destinationArray } from './read-destinations.js';
import { ObjectCopier } from './copy-objects.js';
import { hasType, SlideStructure } from './slide-structure.js';
import { byBytes, kidsOf, renameIds, treeEntries } from './structure-trees.js';
import { SubsetTags, subsetTagsIn } from './subset-tags.js';

/** Where slide `index` (0-based) goes in the handout: the ids of its page and of its place's two corners (see handoutPage). */
export type SlotIds = (index: number) => { page: string; start: string; end: string };

/** A point of a page, in PDF units. */
interface Point {
  x: number;
  y: number;
}

/** A name of the handout's `/Dests`: the page it points at and its position as Chromium wrote it. */
interface Spot {
  page: PdfRef;
  point: Point;
}

const name = (text: string): PdfName => new PdfName(text);
const numberAt = (array: PdfValue[], i: number): number => {
  const value = array[i];
  if (typeof value !== 'number') throw new PdfSyntaxError(`Expected a number in a page box, found ${String(value)}.`);
  return value;
};

/**
 * Bytes of a stream as drawn: inflated when Flate-encoded (the only filter Chromium uses for content). With `head`,
 * only about that many encoded bytes are inflated, for a look at how the stream starts.
 */
function decodedStream(file: PdfFile, ref: PdfValue, head?: number): Uint8Array {
  if (!(ref instanceof PdfRef)) throw new PdfSyntaxError('A page’s content is not a stream.');
  const stream = file.stream(ref);
  if (!stream) throw new PdfSyntaxError(`Content ${ref.num} is not a stream.`);
  const filter = file.resolve(stream.dict.get('Filter'));
  if (filter === undefined) return head === undefined ? stream.data : stream.data.subarray(0, head);
  const only = Array.isArray(filter) && filter.length === 1 ? filter[0] : filter;
  if (!(only instanceof PdfName) || only.text !== 'FlateDecode') throw new PdfSyntaxError(`Content ${ref.num} uses a filter other than FlateDecode.`);
  // A sync flush at the end of the input gives what the bytes so far decode to, without an error for the rest.
  return head === undefined ? inflateSync(stream.data) : inflateSync(stream.data.subarray(0, head), { finishFlush: constants.Z_SYNC_FLUSH });
}

/** A CSS pixel in PDF units: named destinations are written in these, unscaled (96 px to 72 pt). */
const pointsPerPixel = 0.75;

/**
 * Where a named destination's point prints on its page. Chromium writes destinations in the page's content box, in
 * CSS pixels at 0.75 pt, from the page's top left, as if the page had no margins and nothing were shrunk (Blink
 * places them in the content box: https://source.chromium.org/search?q=SetURLDestinationLocation; checked with
 * Chromium 156: a handout page's destination at x 0 where its margin is 14 mm, and unchanged where the page was
 * shrunk to fit a long URL). Skia starts each page's content with the page's own transform and then the one into
 * the content box, which carries the margins and any shrinking (`a 0 0 d e f cm q s 0 0 s x y cm`): a destination
 * is taken back to CSS pixels and through both.
 */
function pageTransform(file: PdfFile, page: PdfDict): (point: Point) => Point {
  const contents = file.resolve(page.get('Contents'));
  const first = Array.isArray(contents) ? contents[0] : page.get('Contents');
  const head = Buffer.from(decodedStream(file, first ?? null, 256)).toString('latin1');
  const number = '(-?[\\d.]+)';
  const match = new RegExp(`^\\s*${number} 0 0 ${number} ${number} ${number} cm\\s+q\\s+${number} 0 0 ${number} ${number} ${number} cm`).exec(head);
  if (!match) throw new PdfSyntaxError('A handout page does not start as Chromium’s pages do (its transforms), so its slides cannot be placed.');
  const [a, d, e, f, sx, sy, x0, y0] = match.slice(1).map(Number);
  return (point) => {
    const [x, y] = [(point.x - e) / pointsPerPixel, (f - point.y) / pointsPerPixel];
    return { x: a * (sx * x + x0) + e, y: d * (sy * y + y0) + f };
  };
}

/** The dictionary's named destinations as page and position (an `/XYZ` destination's left and top), by name as written. */
function spots(file: PdfFile, dests: PdfDict | undefined, decode = false): Map<string, Spot> {
  const found = new Map<string, Spot>();
  for (const [key, raw] of dests ?? []) {
    const array = destinationArray(file, raw);
    if (!array || !(array[0] instanceof PdfRef)) continue;
    const kind = array[1];
    const [x, y] = [array[2], array[3]];
    // An /XYZ destination may leave its left or top unset (null); such a one says nowhere in particular.
    if (!(kind instanceof PdfName) || kind.text !== 'XYZ' || typeof x !== 'number' || typeof y !== 'number') continue;
    found.set(decode ? decodeName(key) : key, { page: array[0], point: { x, y } });
  }
  return found;
}

/** A rectangle `[x1 y1 x2 y2]` through the transform `[s 0 0 s tx ty]`. */
function placedRect(rect: PdfValue | undefined, scale: number, tx: number, ty: number): PdfValue[] | undefined {
  if (!Array.isArray(rect) || rect.length !== 4 || !rect.every((v) => typeof v === 'number')) return undefined;
  const [x1, y1, x2, y2] = rect as number[];
  return [x1 * scale + tx, y1 * scale + ty, x2 * scale + tx, y2 * scale + ty];
}

/** Where a slide goes on its handout page: the page, and the transform from the deck page's space into the place. */
interface Placement {
  pageRef: PdfRef;
  page: PdfDict;
  /** The deck page's box, `[x1 y1 x2 y2]`. */
  box: number[];
  scale: number;
  tx: number;
  ty: number;
}

/** What placing slides changes on one handout page. */
interface PageEdit {
  page: PdfDict;
  contents: PdfValue[];
  xobjects: PdfDict;
  annots: PdfValue[];
}

/**
 * Draws each slide of a printed deck into its place in the printed handout (see handoutPage): the deck page's content
 * becomes a form XObject drawn into the place, its fonts and images copied once, as bytes. The slide's tags come
 * along: its structure elements are copied under the place's own element, their content found in the form (`/Stm`,
 * ISO 32000-1 §14.7.4.3), so the handout reads slide and notes in order as before; so do its links (positioned
 * anew) and the named destinations of its elements. `first` is the deck's first slide's index in the whole deck (a
 * long deck prints in parts, and the handout's part and the deck's hold the same slides). The changes are appended
 * as an incremental update, or with `whole` the file is written afresh, one cross-reference section, as
 * PrintedPartsJoiner expects of a part.
 */
export function placeSlides(handoutBytes: Uint8Array, deckBytes: Uint8Array, first: number, slots: SlotIds, { whole = false }: { whole?: boolean } = {}): Uint8Array {
  return new SlidePlacer(PdfFile.parse(handoutBytes), PdfFile.parse(deckBytes)).place(first, slots).bytes({ whole });
}

/** One handout file getting one deck file's slides (see placeSlides). */
class SlidePlacer {
  private readonly update: PdfUpdate;
  private readonly copier: ObjectCopier;
  private readonly structure: SlideStructure;
  private readonly rootRef: PdfValue | undefined;
  private readonly root: PdfDict | undefined;
  /** The handout's parent tree entries, and the next free key, with the slides' added. */
  private readonly parentTree: [number, PdfValue][];
  private nextKey: number;
  /** The handout's structure element IDs, with the slides' added. */
  private readonly ids: [PdfString, PdfValue][];
  private idsAdded = false;
  private readonly dests: PdfDict;
  private readonly pageEdits = new Map<number, PageEdit>();
  private readonly transforms = new Map<number, (point: Point) => Point>();

  constructor(
    private readonly handout: PdfFile,
    private readonly deck: PdfFile,
  ) {
    this.update = new PdfUpdate(handout);
    const skip = new Set<number>([deck.rootRef.num, ...deck.pageRefs().map((ref) => ref.num)]);
    const pagesRoot = deck.catalog.get('Pages');
    if (pagesRoot instanceof PdfRef) skip.add(pagesRoot.num);
    const text = Buffer.from(handout.bytes.buffer, handout.bytes.byteOffset, handout.bytes.byteLength).toString('latin1');
    this.copier = new ObjectCopier(deck, this.update, skip, new SubsetTags(new Set(subsetTagsIn(text))));
    this.structure = new SlideStructure(deck);
    this.rootRef = handout.catalog.get('StructTreeRoot');
    this.root = handout.dict(this.rootRef);
    this.parentTree = this.root ? treeEntries<number>(handout, this.root.get('ParentTree'), 'Nums').entries : [];
    const next = handout.resolve(this.root?.get('ParentTreeNextKey'));
    this.nextKey = this.parentTree.reduce((most, [key]) => Math.max(most, key + 1), typeof next === 'number' ? next : 0);
    this.ids = this.root ? treeEntries<PdfString>(handout, this.root.get('IDTree'), 'Names').entries : [];
    this.dests = new Map(handout.dict(handout.catalog.get('Dests')) ?? []);
  }

  /** Places every slide of the deck, slide `first + j` being the deck's page `j`. */
  place(first: number, slots: SlotIds): PdfUpdate {
    const { deck } = this;
    const placedAt = spots(this.handout, this.dests, true);
    // The deck's named destinations (its elements' ids) by the page they are on.
    const deckDests = new Map<number, [string, Point][]>();
    for (const [key, spot] of spots(deck, deck.dict(deck.catalog.get('Dests')))) {
      const onPage = deckDests.get(spot.page.num) ?? [];
      onPage.push([key, spot.point]);
      deckDests.set(spot.page.num, onPage);
    }
    deck.pageRefs().forEach((deckPageRef, j) => {
      const index = first + j;
      const ids = slots(index);
      const start = placedAt.get(ids.start);
      const end = placedAt.get(ids.end);
      this.dests.delete(ids.start);
      this.dests.delete(ids.end);
      // A place the handout's template does not show (`display: none`, for a handout of notes only) gets no slide, nor
      // does one taller than the page; links to the slide's elements then open its page of notes.
      if (!start || !end || start.page.num !== end.page.num) {
        const page = this.dests.get(ids.page);
        for (const [key] of deckDests.get(deckPageRef.num) ?? []) if (page !== undefined && !this.dests.has(key)) this.dests.set(key, page);
        return;
      }
      const deckPage = deck.dict(deckPageRef) ?? new Map<string, PdfValue>();
      const at = this.placement(start, end, deckPage, index);
      const formRef = this.update.reserve();
      const formKey = this.nextKey++;
      const form = this.form(deckPage, at.box, formKey);
      this.update.setStream(formRef, form.dict, form.data);
      const links = this.copyLinks(deckPage, at);
      this.copyTags(deckPage, j, index, at, { form: formRef, key: formKey, links, place: ids.start });
      // The deck's named destinations on this slide (its headings' ids) lead to its place in the handout.
      for (const [key, point] of deckDests.get(deckPageRef.num) ?? []) {
        if (!this.dests.has(key)) this.dests.set(key, [at.pageRef, name('XYZ'), point.x * at.scale + at.tx, point.y * at.scale + at.ty, 0]);
      }
      this.draw(at, `BkSlide${index + 1}`, formRef, [...links.values()].map((link) => link.ref));
      this.copier.flush();
    });
    this.finish();
    return this.update;
  }

  /** Where slide `index` prints: its place's corners taken to where they print (see pageTransform). */
  private placement(start: Spot, end: Spot, deckPage: PdfDict, index: number): Placement {
    const pageRef = start.page;
    const page = this.handout.dict(pageRef);
    if (!page) throw new PdfSyntaxError(`Slide ${index + 1}'s handout page is missing.`);
    const transform = this.transforms.get(pageRef.num) ?? pageTransform(this.handout, page);
    this.transforms.set(pageRef.num, transform);
    const written = this.deck.resolve(inherited(this.deck, deckPage, 'MediaBox'));
    if (!Array.isArray(written) || written.length !== 4) throw new PdfSyntaxError(`Slide ${index + 1} has no page size in the deck.`);
    const box = written.map((_, i) => numberAt(written, i));
    const [bx, by, bw, bh] = [box[0], box[1], box[2] - box[0], box[3] - box[1]];
    const [topLeft, bottomRight] = [transform(start.point), transform(end.point)];
    const width = bottomRight.x - topLeft.x;
    const height = topLeft.y - bottomRight.y;
    // The slide keeps its shape, centred should the place differ from it by a hair.
    const scale = Math.min(width / bw, height / bh);
    return { pageRef, page, box, scale, tx: topLeft.x + (width - bw * scale) / 2 - bx * scale, ty: bottomRight.y + (height - bh * scale) / 2 - by * scale };
  }

  /**
   * The form XObject for a deck page (its `/Length` is set by the update): the page's content stream copied as stored
   * (Chromium writes one per page; several are joined), its resources and transparency group.
   */
  private form(deckPage: PdfDict, box: number[], key: number): { dict: PdfDict; data: Uint8Array } {
    const dict: PdfDict = new Map<string, PdfValue>([
      ['Type', name('XObject')],
      ['Subtype', name('Form')],
      ['BBox', box],
      ['Resources', this.copier.value(inherited(this.deck, deckPage, 'Resources') ?? new Map())],
      ['StructParents', key],
    ]);
    if (deckPage.has('Group')) dict.set('Group', this.copier.value(deckPage.get('Group') ?? null));
    const contents = deckPage.get('Contents');
    const resolved = this.deck.resolve(contents);
    const single = contents instanceof PdfRef && !Array.isArray(resolved) ? this.deck.stream(contents) : undefined;
    if (single) {
      for (const entry of ['Filter', 'DecodeParms']) if (single.dict.has(entry)) dict.set(entry, this.copier.value(single.dict.get(entry) ?? null));
      return { dict, data: single.data };
    }
    const streams = Array.isArray(resolved) ? resolved : [contents ?? null];
    dict.set('Filter', name('FlateDecode'));
    return { dict, data: deflateSync(Buffer.concat(streams.flatMap((ref) => [decodedStream(this.deck, ref), Buffer.from('\n')]))) };
  }

  /** The deck page's links, placed anew on the handout page; each one's tag is found as the slide's elements are copied. */
  private copyLinks(deckPage: PdfDict, at: Placement): Map<number, { ref: PdfRef; copy: PdfDict }> {
    const links = new Map<number, { ref: PdfRef; copy: PdfDict }>();
    for (const annotRef of kidsOf(this.deck, deckPage.get('Annots'))) {
      const annot = this.deck.dict(annotRef);
      const subtype = annot?.get('Subtype');
      if (!(annotRef instanceof PdfRef) || !annot || !(subtype instanceof PdfName) || subtype.text !== 'Link') continue;
      const rect = placedRect(this.deck.resolve(annot.get('Rect')), at.scale, at.tx, at.ty);
      if (!rect) continue;
      const copy = this.copier.value(annot) as PdfDict;
      copy.set('Rect', rect);
      copy.set('P', at.pageRef);
      copy.delete('StructParent');
      const ref = this.update.reserve();
      links.set(annotRef.num, { ref, copy });
      this.update.set(ref, copy);
    }
    return links;
  }

  /**
   * Copies the slide's own structure elements under the element the handout's print tagged its place as (which becomes
   * a `Div`): their content is the form's, their links the copied annotations.
   */
  private copyTags(deckPage: PdfDict, j: number, index: number, at: Placement, made: { form: PdfRef; key: number; links: Map<number, { ref: PdfRef; copy: PdfDict }>; place: string }): void {
    if (!this.root) return;
    const place = findPlace(this.handout, at.page, this.parentTree, made.place);
    if (!place) throw new PdfSyntaxError(`The handout's print did not tag slide ${index + 1}'s place (an image with the alternative text ${made.place}).`);
    const { deck, update, copier } = this;
    const copies = new Map<number, PdfRef>();
    const copyElement = (ref: PdfRef, parent: PdfRef): PdfRef => {
      const element = deck.dict(ref);
      const newRef = update.reserve();
      copies.set(ref.num, newRef);
      if (!element) return newRef;
      const copy = new Map<string, PdfValue>();
      for (const [key, value] of element) {
        if (key === 'P') copy.set('P', parent);
        else if (key === 'Pg') copy.set('Pg', at.pageRef);
        else if (key === 'K') continue;
        else if (key === 'ID' && value instanceof PdfString) copy.set('ID', slideId(value, index));
        else if (key === 'A') copy.set('A', renameIds(copier.value(resolvedAttributes(deck, value)), headerRenames(deck, value, index)));
        else copy.set(key, copier.value(value));
      }
      const id = copy.get('ID');
      if (id instanceof PdfString) {
        this.ids.push([id, newRef]);
        this.idsAdded = true;
      }
      const kids: PdfValue[] = [];
      for (const kid of kidsOf(deck, element.get('K'))) {
        const dict = kid instanceof Map ? kid : undefined;
        const mcid = typeof kid === 'number' ? kid : hasType(dict, 'MCR') ? dict?.get('MCID') : undefined;
        const obj = hasType(dict, 'OBJR') ? dict?.get('Obj') : undefined;
        const link = obj instanceof PdfRef ? made.links.get(obj.num) : undefined;
        if (typeof mcid === 'number') kids.push(markedContent(at.pageRef, made.form, mcid));
        else if (link) {
          const key = this.nextKey++;
          link.copy.set('StructParent', key);
          this.parentTree.push([key, newRef]);
          kids.push(new Map<string, PdfValue>([['Type', name('OBJR')], ['Obj', link.ref], ['Pg', at.pageRef]]));
        } else if (kid instanceof PdfRef && hasType(deck.dict(kid), 'StructElem')) kids.push(copyElement(kid, newRef));
      }
      copy.set('K', kids);
      update.set(newRef, copy);
      return newRef;
    };
    const tops = this.structure.ownElements(deckPage, j).map((top) => copyElement(top, place.ref));
    const element = new Map(place.element);
    element.set('S', name('Div'));
    element.delete('Alt');
    element.set('K', [...kidsOf(this.handout, place.element.get('K')), ...tops]);
    update.set(place.ref, element);
    this.parentTree.push([made.key, this.structure.entry(deckPage).map((item) => (item instanceof PdfRef ? (copies.get(item.num) ?? null) : null))]);
  }

  /** Has the handout page draw the form into the place, over the image that held it, with the slide's links. */
  private draw(at: Placement, formName: string, formRef: PdfRef, links: PdfRef[]): void {
    const { handout, update } = this;
    let edit = this.pageEdits.get(at.pageRef.num);
    if (!edit) {
      const { page } = at;
      const resources = handout.dict(page.get('Resources'));
      const contents = handout.resolve(page.get('Contents'));
      // The page's own content leaves its transform in place (Skia never restores the first one): it is put between
      // q and Q, so what is drawn after it starts from the page's default coordinates.
      const own = Array.isArray(contents) ? contents : [page.get('Contents') ?? null];
      const bracket = (text: string): PdfRef => update.addStream(new Map(), Buffer.from(text, 'latin1'));
      edit = { page, contents: [bracket('q\n'), ...own, bracket('\nQ\n')], xobjects: new Map(handout.dict(resources?.get('XObject')) ?? []), annots: kidsOf(handout, page.get('Annots')) };
      this.pageEdits.set(at.pageRef.num, edit);
    }
    edit.xobjects.set(formName, formRef);
    edit.contents.push(update.addStream(new Map(), Buffer.from(`q ${at.scale} 0 0 ${at.scale} ${at.tx} ${at.ty} cm /${formName} Do Q\n`, 'latin1')));
    edit.annots.push(...links);
  }

  /** Writes the edited pages, the named destinations, and the structure tree's root, parent tree and IDs. */
  private finish(): void {
    const { handout, update } = this;
    for (const [num, { page, contents, xobjects, annots }] of this.pageEdits) {
      const resources = new Map(handout.dict(page.get('Resources')) ?? []);
      resources.set('XObject', xobjects);
      const edited = new Map(page);
      edited.set('Resources', resources);
      edited.set('Contents', contents);
      if (annots.length) edited.set('Annots', annots);
      update.set(new PdfRef(num), edited);
    }
    const destsRef = handout.catalog.get('Dests');
    if (destsRef instanceof PdfRef) update.set(destsRef, this.dests);
    else update.editCatalog((catalog) => catalog.set('Dests', this.dests));
    if (!this.root || !(this.rootRef instanceof PdfRef)) return;
    const nums: PdfValue[] = this.parentTree.sort((a, b) => a[0] - b[0]).flat();
    const root = new Map(this.root);
    const treeRef = this.root.get('ParentTree');
    if (treeRef instanceof PdfRef) update.set(treeRef, new Map([['Nums', nums]]));
    else root.set('ParentTree', update.add(new Map([['Nums', nums]])));
    root.set('ParentTreeNextKey', this.nextKey);
    if (this.idsAdded) root.set('IDTree', update.add(new Map([['Names', this.ids.sort(([a], [b]) => byBytes(a, b)).flat()]])));
    update.set(this.rootRef, root);
    this.copier.flush();
  }
}

/** A page attribute the page has, or inherits from the page tree above it (ISO 32000-1 §7.7.3.4). */
function inherited(file: PdfFile, page: PdfDict, key: 'MediaBox' | 'Resources'): PdfValue | undefined {
  let node: PdfDict | undefined = page;
  for (let depth = 0; node && depth < 64; depth += 1) {
    if (node.has(key)) return node.get(key);
    node = file.dict(node.get('Parent'));
  }
  return undefined;
}

/** A marked-content reference to content drawn by a form (ISO 32000-1 §14.7.4.3). */
function markedContent(page: PdfRef, form: PdfRef, mcid: number): PdfDict {
  return new Map<string, PdfValue>([['Type', new PdfName('MCR')], ['Pg', page], ['Stm', form], ['MCID', mcid]]);
}

/** A slide's element ID, made unique in the handout (every slide's deck page was printed with IDs of its own). */
function slideId(id: PdfString, index: number): PdfString {
  return new PdfString(Buffer.concat([Buffer.from(`bk-slide-${index + 1}-`), Buffer.from(id.bytes)]));
}

/** An element's attributes (`/A`: a dictionary, a reference, or a list of them) with the references followed. */
function resolvedAttributes(file: PdfFile, value: PdfValue): PdfValue {
  const resolved = file.resolve(value) ?? null;
  return Array.isArray(resolved) ? resolved.map((item) => file.resolve(item) ?? null) : resolved;
}

/** The renames of the IDs a table cell's `/Headers` names, to the IDs its slide's elements get (see slideId). */
function headerRenames(file: PdfFile, value: PdfValue, index: number): Map<string, PdfString> {
  const renames = new Map<string, PdfString>();
  const visit = (item: PdfValue | undefined): void => {
    const resolved = file.resolve(item);
    if (Array.isArray(resolved)) resolved.forEach(visit);
    else if (resolved instanceof Map) {
      const headers = resolved.get('Headers');
      if (Array.isArray(headers)) for (const header of headers) if (header instanceof PdfString) renames.set(Buffer.from(header.bytes).toString('hex'), slideId(header, index));
    }
  };
  visit(value);
  return renames;
}

/** The element the handout's print tagged a slide's place as: the image whose alternative text is the place's id. */
function findPlace(file: PdfFile, page: PdfDict, parentTree: readonly [number, PdfValue][], id: string): { ref: PdfRef; element: PdfDict } | undefined {
  const key = page.get('StructParents');
  const entry = file.resolve(parentTree.find(([k]) => k === key)?.[1]);
  if (!Array.isArray(entry)) return undefined;
  for (const item of entry) {
    const element = item instanceof PdfRef ? file.dict(item) : undefined;
    const alt = element?.get('Alt');
    if (item instanceof PdfRef && element && alt instanceof PdfString && alt.decodeText() === id) return { ref: item, element };
  }
  return undefined;
}
