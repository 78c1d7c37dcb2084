// PDF values serialised by hand, exactly as pdfkit's PDFObject.convert writes them, and objects written with such a body.
import type { PdfDoc, PdfRef } from './pdfkit-api.js';

/**
 * An object body already serialised. pdfkit's PDFObject.convert writes any value it does not recognise
 * (not a string, String, array, plain object, number, Date, ref or tree) as `${value}`; the tag makes
 * `Object.prototype.toString` say this is no plain object, so a ref whose data is a RawPdf is written as
 * this text, with pdfkit's own numbering, offsets and `obj`/`endobj` lines.
 */
export class RawPdf {
  constructor(private readonly text: string) {}
  get [Symbol.toStringTag](): string {
    return 'RawPdf';
  }
  toString(): string {
    return this.text;
  }
}

/** A number as pdfkit writes it (rounded to 6 decimals). */
export function pdfNumber(n: number): string {
  if (!(n > -1e21 && n < 1e21)) throw new Error(`unsupported number: ${n}`);
  return String(Math.round(n * 1e6) / 1e6);
}

const ESCAPES: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f', '\\': '\\\\', '(': '\\(', ')': '\\)' };
// eslint-disable-next-line no-control-regex
const NON_ASCII = /[^\x00-\x7f]/;
const ESCAPABLE = /[\n\r\t\b\f()\\]/;
const ESCAPABLE_ALL = /[\n\r\t\b\f()\\]/g;

/** A text string as pdfkit writes a `new String(s)`: bytes when ASCII, else UTF-16BE with a byte-order mark; escaped. */
export function pdfString(s: string): string {
  let bin = s;
  if (NON_ASCII.test(s)) {
    const codes: number[] = [0xfe, 0xff];
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      codes.push(c >> 8, c & 0xff);
    }
    bin = '';
    for (let i = 0; i < codes.length; i += 0x4000) bin += String.fromCharCode(...codes.slice(i, i + 0x4000));
  }
  // Most strings (URIs, anchors, titles) have nothing to escape: no replace call for them.
  return ESCAPABLE.test(bin) ? `(${bin.replace(ESCAPABLE_ALL, (c) => ESCAPES[c]!)})` : `(${bin})`;
}

/** `[page /XYZ null y null]`: a destination at `top` (from the page's top) on `page`, as pdfkit writes the array it makes. */
export function xyzDestination(page: { dictionary: PdfRef; height: number }, top: number): string {
  return `[${page.dictionary} /XYZ null ${pdfNumber(page.height - top)} null]`;
}

/** A plain dictionary as pdfkit writes one: `<<`, one `/Key value` line per entry, `>>`. */
export function pdfDict(entries: string[]): string {
  return entries.length ? `<<\n${entries.join('\n')}\n>>` : '<<\n>>';
}

/**
 * Writes `ref` (no stream) with `body` as its object, the bytes `ref.data = new RawPdf(body); ref.end()` writes
 * (PDFReference.finalize: the offset taken, `N 0 obj`, the body, `endobj`, then `_refEnd`), without pdfkit's
 * generic conversion; the structure tree and link annotations are most of a brief's objects. Unencrypted only (the
 * Tagger checks). `body` is a binary string (one byte per character), as everything pdf-objects.ts makes.
 */
export function writeRawObject(doc: PdfDoc, ref: PdfRef, body: string): void {
  ref.offset = doc._offset;
  // One piece instead of three: pdfkit's _write (and collectOutput's) ends each piece with a newline.
  doc._write(`${ref.id} 0 obj\n${body}\nendobj`);
  doc._refEnd(ref);
}

/**
 * Raw objects written back to back with one `_write`: the bytes, offsets and xref entries writeRawObject gives
 * each in turn (pieces joined by the newline `_write` would end each with), for the ~1,400 elements of a brief's
 * structure tree, each of which cost a `_write` (a latin1 copy into the output) and its bookkeeping. Offsets are
 * counted from `doc._offset` when the first object is added, so nothing else may write before `flush` (checked).
 */
export class RawObjectBatch {
  private readonly pieces: string[] = [];
  private readonly refs: PdfRef[] = [];
  private start = -1;
  private length = 0;

  constructor(private readonly doc: PdfDoc) {}

  add(ref: PdfRef, body: string): void {
    if (this.start < 0) this.start = this.doc._offset;
    const piece = `${ref.id} 0 obj\n${body}\nendobj`;
    ref.offset = this.start + this.length;
    this.length += piece.length + 1;
    this.pieces.push(piece);
    this.refs.push(ref);
  }

  flush(): void {
    if (!this.refs.length) return;
    if (this.doc._offset !== this.start) throw new Error('internal error: the PDF was written to during a batch of raw objects');
    this.doc._write(this.pieces.join('\n'));
    for (const ref of this.refs) this.doc._refEnd(ref);
    this.pieces.length = 0;
    this.refs.length = 0;
    this.start = -1;
    this.length = 0;
  }
}
