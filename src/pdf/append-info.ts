/** Document information fields, as PDF names them. */
export type InfoFields = Partial<Record<'Title' | 'Author' | 'Subject' | 'Keywords' | 'Creator' | 'Producer', string>> & { date: Date };

/** A PDF text string: literal when plain ASCII, else UTF-16BE with a byte order mark, as the PDF spec allows. */
export function pdfString(text: string): string {
  if (/^[\x20-\x7e]*$/.test(text)) return `(${text.replace(/[\\()]/g, (c) => `\\${c}`)})`;
  const utf16 = Buffer.from(text, 'utf16le').swap16().toString('hex').toUpperCase();
  return `<FEFF${utf16}>`;
}

/** A PDF date string, D:YYYYMMDDHHmmSS+00'00', in UTC. */
export function pdfDate(date: Date): string {
  const p = (n: number): string => String(n).padStart(2, '0');
  return `(D:${date.getUTCFullYear()}${p(date.getUTCMonth() + 1)}${p(date.getUTCDate())}${p(date.getUTCHours())}${p(date.getUTCMinutes())}${p(date.getUTCSeconds())}+00'00')`;
}

/**
 * Writes a new document information dictionary into a PDF as an incremental update (PDF 1.7, section 7.5.6):
 * the original bytes stay as they are and a new object, cross-reference section and trailer are appended.
 * This costs microseconds where loading and re-saving the whole file costs time in proportion to its size.
 * Returns undefined when the file does not end in a classic `trailer` (e.g. a cross-reference stream), so the
 * caller can fall back to a full rewrite.
 */
export function appendInfo(pdf: Uint8Array, fields: InfoFields): Uint8Array | undefined {
  const tailStart = Math.max(0, pdf.byteLength - 4096);
  const tail = Buffer.from(pdf.buffer, pdf.byteOffset + tailStart, pdf.byteLength - tailStart).toString('latin1');
  const end = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail);
  const trailerAt = tail.lastIndexOf('trailer');
  if (!end || trailerAt === -1) return undefined;
  const trailer = tail.slice(trailerAt, end.index);
  const size = /\/Size\s+(\d+)/.exec(trailer);
  const root = /\/Root\s+(\d+\s+\d+\s+R)/.exec(trailer);
  if (!size || !root || /\/Encrypt\b/.test(trailer)) return undefined;
  const id = /\/ID\s*(\[[^\]]*\])/.exec(trailer);

  const number = Number(size[1]);
  const date = pdfDate(fields.date);
  const entries = (['Title', 'Author', 'Subject', 'Keywords', 'Creator', 'Producer'] as const)
    .filter((name) => fields[name] !== undefined)
    .map((name) => `/${name} ${pdfString(fields[name] as string)}`);
  entries.push(`/CreationDate ${date}`, `/ModDate ${date}`);
  const separator = pdf[pdf.byteLength - 1] === 0x0a ? '' : '\n';
  const objectOffset = pdf.byteLength + separator.length;
  const object = `${number} 0 obj\n<<${entries.join('\n')}>>\nendobj\n`;
  const xrefOffset = objectOffset + Buffer.byteLength(object, 'latin1');
  const update =
    `${separator}${object}xref\n${number} 1\n${String(objectOffset).padStart(10, '0')} 00000 n \n` +
    `trailer\n<</Size ${number + 1}\n/Root ${root[1]}\n/Info ${number} 0 R\n/Prev ${end[1]}${id ? `\n/ID ${id[1]}` : ''}>>\nstartxref\n${xrefOffset}\n%%EOF\n`;
  const out = new Uint8Array(pdf.byteLength + Buffer.byteLength(update, 'latin1'));
  out.set(pdf, 0);
  out.set(Buffer.from(update, 'latin1'), pdf.byteLength);
  return out;
}

/**
 * The text of the PDF's catalog dictionary, found through the classic cross-reference table (so only a few
 * hundred bytes are read, however large the file). Undefined when the file is laid out otherwise.
 */
export function catalogText(pdf: Uint8Array): string | undefined {
  const bytes = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  const tail = bytes.toString('latin1', Math.max(0, bytes.byteLength - 4096));
  const end = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail);
  const root = /\/Root\s+(\d+)\s+0\s+R/.exec(tail.slice(tail.lastIndexOf('trailer')));
  if (!end || !root) return undefined;
  const xrefAt = Number(end[1]);
  const head = /^xref\s+(\d+)\s+(\d+)\s*?\r?\n/.exec(bytes.toString('latin1', xrefAt, xrefAt + 64));
  if (!head) return undefined;
  const first = Number(head[1]);
  const index = Number(root[1]) - first;
  if (index < 0 || index >= Number(head[2])) return undefined;
  const entryAt = xrefAt + head[0].length + index * 20;
  const entry = /^(\d{10}) \d{5} n/.exec(bytes.toString('latin1', entryAt, entryAt + 20));
  if (!entry) return undefined;
  const objectAt = Number(entry[1]);
  const text = bytes.toString('latin1', objectAt, Math.min(bytes.byteLength, objectAt + 8192));
  const close = text.indexOf('endobj');
  return close === -1 || !text.startsWith(`${root[1]} 0 obj`) ? undefined : text.slice(0, close);
}
