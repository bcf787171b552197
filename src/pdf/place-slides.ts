import { constants, deflateSync, inflateSync } from 'node:zlib';
import { PdfFile } from './pdf-file.js';
import { PdfName, PdfRef, PdfString, PdfSyntaxError, type PdfDict, type PdfValue } from './pdf-syntax.js';
import { PdfUpdate } from './pdf-update.js';
import { decodeName } from './read-destinations.js';
import { renumberedText } from './renumber.js';
import { byBytes, kidsOf, renameIds, treeEntries } from './structure-trees.js';
import { SubsetTags, subsetTagsIn } from './subset-tags.js';

/** Where slide `index` (0-based) goes in the handout: the ids of its place's two corners (see handoutPage). */
export type SlotIds = (index: number) => { start: string; end: string };

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
const typeIs = (dict: PdfDict | undefined, type: string): boolean => {
  const value = dict?.get('Type');
  return value instanceof PdfName && value.text === type;
};
const numberAt = (array: PdfValue[], i: number): number => {
  const value = array[i];
  if (typeof value !== 'number') throw new PdfSyntaxError(`Expected a number in a destination or box, found ${String(value)}.`);
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

/**
 * How far Chromium's named destinations are from where their elements print: it writes them as if the page had no
 * margins. Skia starts each page's content with the page's own transform and then the one into the page's content
 * box (`a 0 0 d e f cm q s 0 0 s x y cm`); the second's offset, in page units, is the margin.
 */
function marginOffset(file: PdfFile, page: PdfDict): Point {
  const contents = file.resolve(page.get('Contents'));
  const first = Array.isArray(contents) ? contents[0] : page.get('Contents');
  const head = Buffer.from(decodedStream(file, first ?? null, 256)).toString('latin1');
  const number = '(-?[\\d.]+)';
  const match = new RegExp(`^\\s*${number} 0 0 ${number} ${number} ${number} cm\\s+q\\s+${number} 0 0 ${number} ${number} ${number} cm`).exec(head);
  if (!match) throw new PdfSyntaxError('A handout page does not start as Chromium’s pages do (its transforms), so its slides cannot be placed.');
  const [a, d, , , , , e, f] = match.slice(1).map(Number);
  return { x: a * e, y: d * f };
}

/** The dictionary's named destinations as page and position (an `/XYZ` destination's left and top), by name as written. */
function spots(file: PdfFile, dests: PdfDict | undefined, decode = false): Map<string, Spot> {
  const found = new Map<string, Spot>();
  for (const [key, raw] of dests ?? []) {
    const value = file.resolve(raw);
    const array = value instanceof Map ? file.resolve(value.get('D')) : value;
    if (!Array.isArray(array) || !(array[0] instanceof PdfRef)) continue;
    const kind = array[1];
    if (!(kind instanceof PdfName) || kind.text !== 'XYZ') continue;
    found.set(decode ? decodeName(key) : key, { page: array[0], point: { x: numberAt(array, 2), y: numberAt(array, 3) } });
  }
  return found;
}

/** A rectangle `[x1 y1 x2 y2]` through the transform `[s 0 0 s tx ty]`. */
function placedRect(rect: PdfValue | undefined, scale: number, tx: number, ty: number): PdfValue[] | undefined {
  if (!Array.isArray(rect) || rect.length !== 4 || !rect.every((v) => typeof v === 'number')) return undefined;
  const [x1, y1, x2, y2] = rect as number[];
  return [x1 * scale + tx, y1 * scale + ty, x2 * scale + tx, y2 * scale + ty];
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
  const handout = PdfFile.parse(handoutBytes);
  const deck = PdfFile.parse(deckBytes);
  const update = new PdfUpdate(handout);
  const deckPages = deck.pageRefs();

  // Deck objects copied so far, by number: fonts and images shared by many slides are copied once.
  const copies = new Map<number, number>();
  const queue: number[] = [];
  const structural = new Set<number>([deck.rootRef.num, ...deckPages.map((ref) => ref.num)]);
  const pagesRoot = deck.catalog.get('Pages');
  if (pagesRoot instanceof PdfRef) structural.add(pagesRoot.num);
  const handoutText = Buffer.from(handoutBytes.buffer, handoutBytes.byteOffset, handoutBytes.byteLength).toString('latin1');
  const subsetTags = new SubsetTags(new Set(subsetTagsIn(handoutText)));
  const deckTags = new Map<string, string>();
  /** The handout's number for a deck object, copied (with what it refers to) when first asked for. */
  const copyNum = (num: number): number => {
    if (structural.has(num)) return 0;
    let copy = copies.get(num);
    if (copy === undefined) {
      copy = update.reserve().num;
      copies.set(num, copy);
      queue.push(num);
    }
    return copy;
  };
  const copied = (value: PdfValue): PdfValue => {
    if (value instanceof PdfRef) return copyNum(value.num) === 0 ? null : new PdfRef(copyNum(value.num));
    if (Array.isArray(value)) return value.map(copied);
    if (value instanceof Map) return new Map([...value].map(([key, item]) => [key, copied(item)]));
    return value;
  };
  const drainCopies = (): void => {
    for (let num = queue.pop(); num !== undefined; num = queue.pop()) {
      const raw = deck.rawObject(num);
      const start = deck.offsetOf(num);
      if (!raw || start === undefined) throw new PdfSyntaxError(`The deck has no object ${num}.`);
      const head = /^\d+\s+\d+\s+obj/.exec(Buffer.from(raw.bytes.subarray(0, 32)).toString('latin1'));
      if (!head) throw new PdfSyntaxError(`Object ${num} of the deck is not where its cross-reference table says.`);
      const bodyStart = start + head[0].length;
      const bodyEnd = start + raw.bytes.byteLength - 'endobj'.length;
      const data = deck.dataRange(num);
      const textEnd = data ? data.start : bodyEnd;
      const text = subsetTags.retagged(renumberedText(Buffer.from(deck.bytes.subarray(bodyStart, textEnd)).toString('latin1'), copyNum), deckTags);
      const pieces = [Buffer.from(text, 'latin1')];
      if (data) pieces.push(Buffer.from(deck.bytes.subarray(data.start, bodyEnd)));
      update.setRaw(new PdfRef(copies.get(num) ?? 0), Buffer.concat(pieces));
    }
  };

  // The handout's structure: its parent tree (extended below) and the elements the slides' places were tagged as.
  const rootRef = handout.catalog.get('StructTreeRoot');
  const root = handout.dict(rootRef);
  const parentTree = root ? treeEntries<number>(handout, root.get('ParentTree'), 'Nums').entries : [];
  const next = handout.resolve(root?.get('ParentTreeNextKey'));
  let nextKey = parentTree.reduce((most, [key]) => Math.max(most, key + 1), typeof next === 'number' ? next : 0);
  const ids = root ? treeEntries<PdfString>(handout, root.get('IDTree'), 'Names').entries : [];
  let idsAdded = false;

  // The deck's structure: which page each element's content is on, to find each slide's own elements.
  const deckRoot = deck.dict(deck.catalog.get('StructTreeRoot'));
  const deckParentTree = new Map(deckRoot ? treeEntries<number>(deck, deckRoot.get('ParentTree'), 'Nums').entries : []);
  const pageOfElement = new Map<number, number>();
  const parentOf = (ref: PdfRef): PdfRef | undefined => {
    const parent = deck.dict(ref)?.get('P');
    return parent instanceof PdfRef && typeIs(deck.dict(parent), 'StructElem') ? parent : undefined;
  };
  /** A deck page's elements by MCID (null where none), from the parent tree. */
  const entryOf = (page: PdfDict): PdfValue[] => {
    const key = page.get('StructParents');
    const entry = typeof key === 'number' ? deck.resolve(deckParentTree.get(key)) : undefined;
    return Array.isArray(entry) ? entry.map((item) => deck.resolve(item) instanceof Map || item instanceof PdfRef ? item : null) : [];
  };
  const leavesOf = (page: PdfDict): PdfRef[] => entryOf(page).filter((item): item is PdfRef => item instanceof PdfRef);
  deckPages.forEach((pageRef, index) => {
    for (const leaf of leavesOf(deck.dict(pageRef) ?? new Map())) {
      for (let at: PdfRef | undefined = leaf; at; at = parentOf(at)) {
        const seen = pageOfElement.get(at.num);
        if (seen === index || seen === -1) break;
        pageOfElement.set(at.num, seen === undefined ? index : -1);
      }
    }
  });

  const destsRef = handout.catalog.get('Dests');
  const dests = new Map(handout.dict(destsRef) ?? []);
  const placedAt = spots(handout, dests, true);
  const deckSpots = spots(deck, deck.dict(deck.catalog.get('Dests')));
  const slotNames = new Set<string>();
  const pageEdits = new Map<number, { page: PdfDict; contents: PdfValue[]; xobjects: PdfDict; annots: PdfValue[] }>();
  const margins = new Map<number, Point>();

  deckPages.forEach((deckPageRef, j) => {
    const index = first + j;
    const placeIds = slots(index);
    const start = placedAt.get(placeIds.start);
    const end = placedAt.get(placeIds.end);
    // A place the handout's template does not show (`display: none`, for a handout of notes only) gets no slide.
    if (!start || !end) return;
    if (start.page.num !== end.page.num) throw new PdfSyntaxError(`Slide ${index + 1}'s place in the handout starts and ends on different pages.`);
    slotNames.add(placeIds.start).add(placeIds.end);
    const pageRef = start.page;
    const page = handout.dict(pageRef);
    if (!page) throw new PdfSyntaxError(`Slide ${index + 1}'s handout page is missing.`);
    const margin = margins.get(pageRef.num) ?? marginOffset(handout, page);
    margins.set(pageRef.num, margin);
    const deckPage = deck.dict(deckPageRef) ?? new Map<string, PdfValue>();
    const box = deck.resolve(deckPage.get('MediaBox'));
    if (!Array.isArray(box) || box.length !== 4) throw new PdfSyntaxError(`Slide ${index + 1} has no page size in the deck.`);
    const [bx, by, bw, bh] = [numberAt(box, 0), numberAt(box, 1), numberAt(box, 2) - numberAt(box, 0), numberAt(box, 3) - numberAt(box, 1)];
    // The place's corners, where they print; the slide keeps its shape, centred should the place differ by a hair.
    const left = start.point.x + margin.x;
    const top = start.point.y + margin.y;
    const width = end.point.x - start.point.x;
    const height = start.point.y - end.point.y;
    const scale = Math.min(width / bw, height / bh);
    const tx = left + (width - bw * scale) / 2 - bx * scale;
    const ty = top - height + (height - bh * scale) / 2 - by * scale;

    // The slide's content as a form: Chromium writes one content stream per page; several are joined.
    const contents = deck.resolve(deckPage.get('Contents'));
    const streams = Array.isArray(contents) ? contents : [deckPage.get('Contents') ?? null];
    let formDict: PdfDict;
    let formData: Uint8Array;
    const single = streams.length === 1 && streams[0] instanceof PdfRef ? deck.stream(streams[0]) : undefined;
    if (single) {
      formDict = new Map();
      for (const key of ['Filter', 'DecodeParms']) if (single.dict.has(key)) formDict.set(key, copied(single.dict.get(key) ?? null));
      formData = single.data;
    } else {
      formDict = new Map([['Filter', name('FlateDecode')]]);
      formData = deflateSync(Buffer.concat(streams.flatMap((ref) => [decodedStream(deck, ref), Buffer.from('\n')])));
    }
    const formRef = update.reserve();
    const formKey = nextKey++;
    formDict.set('Type', name('XObject'));
    formDict.set('Subtype', name('Form'));
    formDict.set('BBox', [bx, by, bx + bw, by + bh]);
    formDict.set('Resources', copied(deckPage.get('Resources') ?? new Map()));
    if (deckPage.has('Group')) formDict.set('Group', copied(deckPage.get('Group') ?? null));
    formDict.set('StructParents', formKey);
    update.setStream(formRef, formDict, formData);

    // Its links, placed anew; each annotation's tag is found as the slide's elements are copied.
    const annotCopies = new Map<number, { ref: PdfRef; key: number }>();
    const annots: PdfRef[] = [];
    for (const annotRef of kidsOf(deck, deckPage.get('Annots'))) {
      const annot = deck.dict(annotRef);
      const subtype = annot?.get('Subtype');
      if (!(annotRef instanceof PdfRef) || !annot || !(subtype instanceof PdfName) || subtype.text !== 'Link') continue;
      const rect = placedRect(deck.resolve(annot.get('Rect')), scale, tx, ty);
      if (!rect) continue;
      const copy = copied(annot) as PdfDict;
      copy.set('Rect', rect);
      copy.set('P', pageRef);
      copy.delete('StructParent');
      const ref = update.reserve();
      annotCopies.set(annotRef.num, { ref, key: -1 });
      annots.push(ref);
      update.set(ref, copy);
    }

    // The slide's elements: those whose content is all on this page, from the top down.
    const place = findPlace(handout, page, parentTree, placeIds.start);
    const leaves = leavesOf(deckPage);
    const tops: PdfRef[] = [];
    for (const leaf of leaves) {
      let top = leaf;
      for (let up = parentOf(top); up && pageOfElement.get(up.num) === j; up = parentOf(up)) top = up;
      if (pageOfElement.get(top.num) === j && !tops.some((t) => t.num === top.num)) tops.push(top);
    }
    const elementCopies = new Map<number, PdfRef>();
    const copyElement = (ref: PdfRef, parent: PdfRef): PdfRef => {
      const element = deck.dict(ref);
      const newRef = update.reserve();
      elementCopies.set(ref.num, newRef);
      if (!element) return newRef;
      const copy = new Map<string, PdfValue>();
      for (const [key, value] of element) {
        if (key === 'P') copy.set('P', parent);
        else if (key === 'Pg') copy.set('Pg', pageRef);
        else if (key === 'K') continue;
        else if (key === 'ID' && value instanceof PdfString) copy.set('ID', slideId(value, index));
        else if (key === 'A') copy.set('A', renameIds(copied(resolvedAttributes(deck, value)), headerRenames(deck, value, index)));
        else copy.set(key, copied(value));
      }
      if (copy.has('ID')) {
        ids.push([copy.get('ID') as PdfString, newRef]);
        idsAdded = true;
      }
      const kids: PdfValue[] = [];
      for (const kid of kidsOf(deck, element.get('K'))) {
        const kidDict = kid instanceof Map ? kid : undefined;
        if (typeof kid === 'number') kids.push(markedContent(pageRef, formRef, kid));
        else if (kidDict && typeIs(kidDict, 'MCR')) {
          const mcid = kidDict.get('MCID');
          if (typeof mcid === 'number') kids.push(markedContent(pageRef, formRef, mcid));
        } else if (kidDict && typeIs(kidDict, 'OBJR')) {
          const obj = kidDict.get('Obj');
          const annot = obj instanceof PdfRef ? annotCopies.get(obj.num) : undefined;
          if (annot) {
            annot.key = nextKey++;
            parentTree.push([annot.key, newRef]);
            kids.push(new Map<string, PdfValue>([['Type', name('OBJR')], ['Obj', annot.ref], ['Pg', pageRef]]));
          }
        } else if (kid instanceof PdfRef && typeIs(deck.dict(kid), 'StructElem')) kids.push(copyElement(kid, newRef));
      }
      copy.set('K', kids);
      update.set(newRef, copy);
      return newRef;
    };
    const topCopies = place ? tops.map((top) => copyElement(top, place.ref)) : [];
    if (place) {
      const element = new Map(place.element);
      element.set('S', name('Div'));
      element.delete('Alt');
      element.set('K', [...kidsOf(handout, place.element.get('K')), ...topCopies]);
      update.set(place.ref, element);
      parentTree.push([formKey, entryOf(deckPage).map((item) => (item instanceof PdfRef ? (elementCopies.get(item.num) ?? null) : null))]);
    } else if (root) throw new PdfSyntaxError(`The handout's print did not tag slide ${index + 1}'s place (an image with the alternative text ${placeIds.start}).`);
    for (const { ref, key } of annotCopies.values()) {
      const annot = update.current(ref);
      if (annot instanceof Map && key >= 0) annot.set('StructParent', key);
    }

    // The deck's named destinations on this slide (its headings' ids) lead to its place in the handout.
    for (const [key, spot] of deckSpots) {
      if (spot.page.num !== deckPageRef.num || dests.has(key)) continue;
      dests.set(key, [pageRef, name('XYZ'), spot.point.x * scale + tx, spot.point.y * scale + ty, 0]);
    }

    // The page draws the form into the place, over the image that held it.
    let edit = pageEdits.get(pageRef.num);
    if (!edit) {
      const resources = new Map(handout.dict(page.get('Resources')) ?? []);
      const xobjects = new Map(handout.dict(resources.get('XObject')) ?? []);
      const contentsNow = handout.resolve(page.get('Contents'));
      // The page's own content leaves its transform in place (Skia never restores the first one): it is put between
      // q and Q, so what is drawn after it starts from the page's default coordinates.
      const own = Array.isArray(contentsNow) ? contentsNow : [page.get('Contents') ?? null];
      const bracket = (text: string): PdfRef => update.addStream(new Map(), Buffer.from(text, 'latin1'));
      edit = { page, contents: [bracket('q\n'), ...own, bracket('\nQ\n')], xobjects, annots: kidsOf(handout, page.get('Annots')) };
      pageEdits.set(pageRef.num, edit);
    }
    const formName = `BkSlide${index + 1}`;
    edit.xobjects.set(formName, formRef);
    edit.contents.push(update.addStream(new Map(), Buffer.from(`q ${scale} 0 0 ${scale} ${tx} ${ty} cm /${formName} Do Q\n`, 'latin1')));
    edit.annots.push(...annots);
    drainCopies();
  });

  for (const [num, { page, contents, xobjects, annots }] of pageEdits) {
    const resources = new Map(handout.dict(page.get('Resources')) ?? []);
    resources.set('XObject', xobjects);
    const edited = new Map(page);
    edited.set('Resources', resources);
    edited.set('Contents', contents);
    if (annots.length) edited.set('Annots', annots);
    update.set(new PdfRef(num), edited);
  }
  for (const slot of slotNames) dests.delete(slot);
  if (destsRef instanceof PdfRef) update.set(destsRef, dests);
  else update.editCatalog((catalog) => catalog.set('Dests', dests));
  if (root && rootRef instanceof PdfRef) {
    const nums: PdfValue[] = [];
    for (const [key, value] of parentTree.sort((a, b) => a[0] - b[0])) nums.push(key, value);
    const edited = new Map(root);
    const treeRef = root.get('ParentTree');
    if (treeRef instanceof PdfRef) update.set(treeRef, new Map([['Nums', nums]]));
    else edited.set('ParentTree', update.add(new Map([['Nums', nums]])));
    edited.set('ParentTreeNextKey', nextKey);
    if (idsAdded) {
      const names: PdfValue[] = ids.sort(([a], [b]) => byBytes(a, b)).flat();
      edited.set('IDTree', update.add(new Map([['Names', names]])));
    }
    update.set(rootRef, edited);
  }
  drainCopies();
  return update.bytes({ whole });
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
