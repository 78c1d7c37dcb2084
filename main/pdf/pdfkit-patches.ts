// Every change we make to pdfkit's (and zlib's) behaviour, in one place: pinned pdfkit 0.20.x, see pdfkit-api.ts.
import { createHash } from 'node:crypto';
import zlib from 'node:zlib';
import type { GlyphRun } from 'fontkit';
import type { PdfDoc, PdfEmbeddedFont } from './pdfkit-api.js';
import { pdfString, RawPdf } from './pdf-objects.js';
import { escapeXml, stripXmlInvalid } from './xmp.js';

/**
 * pdfkit deflates every stream with zlib's default level 6; level 1 is several times faster for a few
 * percent more bytes. Identical streams (font subsets, unchanged pages when one paragraph was edited) are
 * compressed once per process, found again by content (a SHA-1 of it past 2 KB). pdfkit has no hook for either, so
 * zlib.deflateSync is swapped for the duration of this synchronous call (nothing else runs meanwhile).
 */
export function withFastDeflate(fn: () => void): void {
  const original = zlib.deflateSync;
  zlib.deflateSync = ((buf: Uint8Array) => {
    // A small stream (a ToUnicode map, a short page) is its own key: zlib's set-up per call costs more than
    // compressing it (~0.1 ms), and hashing it would cost more than comparing it.
    const key = buf.length >= 2048 ? createHash('sha1').update(buf).digest('base64') : `=${Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength).toString('latin1')}`;
    const hit = deflateMemo.get(key);
    if (hit) return hit;
    const out = original(buf, { level: 1 });
    if (deflatedBytes > MAX_DEFLATED_BYTES) {
      deflateMemo.clear();
      deflatedBytes = 0;
    }
    deflateMemo.set(key, out);
    deflatedBytes += out.length + (buf.length < 2048 ? key.length : 0);
    return out;
  }) as typeof zlib.deflateSync;
  try {
    fn();
  } finally {
    zlib.deflateSync = original;
  }
}

const deflateMemo = new Map<string, Buffer>();
const MAX_DEFLATED_BYTES = 32 * 1024 * 1024;
let deflatedBytes = 0;

/**
 * pdfkit pushes every object through its Readable stream, converting each string by a JavaScript loop;
 * collecting the pieces directly and converting once is several times cheaper. The result is the same bytes.
 * Each piece is copied into one growing buffer as it comes (pdfkit's strings are binary strings, one byte per
 * character: latin1 is that encoding), so the file's thousands of pieces are not kept as strings until the end,
 * where every garbage collection in between had to copy them.
 * Returns the function that hands over the whole file once the document has ended.
 */
export function collectOutput(doc: PdfDoc): () => Uint8Array {
  let buf = Buffer.allocUnsafe(OUTPUT_START_BYTES);
  let length = 0;
  const room = (n: number) => {
    if (length + n <= buf.length) return;
    const next = Buffer.allocUnsafe(Math.max(buf.length * 2, length + n));
    buf.copy(next, 0, 0, length);
    buf = next;
  };
  // The header was already written through the stream when the document was created: take it from there.
  const head = doc.read();
  if (head) {
    room(head.length);
    buf.set(head, length);
    length += head.length;
  }
  doc._write = function (data: string | Uint8Array) {
    if (typeof data === 'string') {
      room(data.length + 1);
      length += buf.write(data, length, 'latin1');
      buf[length++] = 0x0a;
      this._offset += data.length + 1;
    } else {
      room(data.length);
      buf.set(data, length);
      length += data.length;
      this._offset += data.length;
    }
  };
  return () => {
    // A plain Uint8Array of the file's own size (consumers such as pdfjs refuse Buffer; a worker may transfer it).
    const out = new Uint8Array(length);
    out.set(buf.subarray(0, length));
    return out;
  };
}
/** A brief's PDF is a few hundred KB: most start and end in the first buffer. */
const OUTPUT_START_BYTES = 512 * 1024;

/**
 * pdfkit writes the Info dictionary (as PDF strings, which need no XML escaping) before it builds the XMP
 * packet from the same `info` object; swapping in escaped values in between fixes the packet only.
 */
export function escapeInfoForXmp(doc: { info: Record<string, unknown>; endMetadata(): void }): void {
  const original = doc.endMetadata.bind(doc);
  doc.endMetadata = () => {
    for (const [key, value] of Object.entries(doc.info)) {
      if (typeof value === 'string') doc.info[key] = escapeXml(stripXmlInvalid(value));
    }
    original();
  };
}

/*
 * pdfkit sorts a name tree's keys with localeCompare when it writes the tree. The first localeCompare of a process
 * sets up ICU's collator, several milliseconds of a cold export that needs nothing else of ICU. For keys made only
 * of ASCII lowercase letters, digits and '-' (the anchors compose makes: headings' slugs, `note-N`), the default
 * collation orders them as their code units do ('-' < digits < letters, a prefix first), so those pairs are
 * compared without ICU and get the same answer; any other pair still goes to localeCompare. Same order, same bytes
 * (test/unit/pdf/pdf-objects.test.ts holds the comparison to localeCompare).
 */
const SIMPLE_NAME = /^[a-z0-9-]*$/;
export function compareNames(a: string, b: string): number {
  if (SIMPLE_NAME.test(a) && SIMPLE_NAME.test(b)) return a < b ? -1 : a > b ? 1 : 0;
  return a.localeCompare(b);
}

/**
 * The document's Dests name tree compares its keys with compareNames, and writes itself with the keys as pdfString
 * makes them: pdfkit's PDFTree.toString converts each key as a `new String` (a byte array there and back, and a
 * regular expression, per key: a brief has hundreds of headings and notes). Same text: `<<`, `/Limits [first last]`
 * when there are two keys or more, `/Names [`, one `(key) value` line per key in order, `]`, `>>`. Only when every
 * value is a RawPdf (what destination() adds) and nothing is encrypted; otherwise pdfkit's own.
 */
export function fastDestsTree(doc: PdfDoc): void {
  const tree = doc._root.data.Names.data.Dests;
  tree._compareKeys = compareNames;
  const original = tree.toString.bind(tree);
  tree.toString = (encryptFn: unknown = null) => {
    const items = tree._items;
    const keys = Object.keys(items).sort(compareNames);
    if (encryptFn || !tree.limits || !keys.every((k) => items[k] instanceof RawPdf)) return original(encryptFn);
    const out = ['<<'];
    if (keys.length > 1) out.push(`  /Limits [${pdfString(keys[0]!)} ${pdfString(keys[keys.length - 1]!)}]`);
    out.push('  /Names [');
    for (const k of keys) out.push(`    ${pdfString(k)} ${String(items[k])}`);
    out.push(']', '>>');
    return out.join('\n');
  };
}

/** pdfkit's PDFNumberTree (the structure parent tree): its items by key, written by toString. */
interface PdfNumberTree {
  _items: Record<string, unknown>;
  limits: boolean;
  toString(encryptFn?: unknown): string;
}

const TREE_KEY = /^(0|[1-9][0-9]*)$/;

/**
 * The structure parent tree writes itself when every value is a RawPdf (what the Tagger puts there: each page's
 * entry and each link annotation's element) and nothing is encrypted: pdfkit's PDFTree.toString sorts the keys with
 * parseInt and converts each key and value (~350 per brief). Same text: `<<`, `/Limits [first last]` when there are
 * two keys or more, `/Nums [`, one `key value` line per key in numeric order, `]`, `>>`. Otherwise pdfkit's own.
 */
export function fastParentTree(doc: PdfDoc): void {
  const tree = doc.getStructParentTree() as unknown as PdfNumberTree;
  const original = tree.toString.bind(tree);
  tree.toString = (encryptFn: unknown = null) => {
    const items = tree._items;
    const keys = Object.keys(items);
    if (encryptFn || !tree.limits || !keys.every((k) => TREE_KEY.test(k) && items[k] instanceof RawPdf)) return original(encryptFn);
    const nums = keys.map(Number).sort((a, b) => a - b);
    const out = ['<<'];
    if (nums.length > 1) out.push(`  /Limits [${nums[0]!} ${nums[nums.length - 1]!}]`);
    out.push('  /Nums [');
    for (const n of nums) out.push(`    ${n} ${String(items[n])}`);
    out.push(']', '>>');
    return out.join('\n');
  };
}

/** Point the font at the face's process-wide shaping cache: words measured during layout are not shaped again. */
export function shareLayoutCache(f: PdfEmbeddedFont, cache: Record<string, GlyphRun>): void {
  f.layoutCache = cache;
}

const MAX_SUBSETS = 200;

/** Encoded subsets by font key and glyph list, shared by every export in the process (and the persistent cache). */
class SubsetMemo {
  private readonly map = new Map<string, Uint8Array>();
  private added = 0;

  get(key: string): Uint8Array | undefined {
    return this.map.get(key);
  }

  set(key: string, bytes: Uint8Array): void {
    if (this.map.size >= MAX_SUBSETS) this.map.clear();
    this.map.set(key, bytes);
    this.added++;
  }

  /** Entries of one font folder (keys start with its path), with that path taken off, for engine-cache.ts. */
  entries(prefix: string): [string, Uint8Array][] {
    return [...this.map].filter(([k]) => k.startsWith(prefix)).map(([k, v]) => [k.slice(prefix.length), v]);
  }

  /** Entries read back for the font folder `prefix` names (the same fonts, by content, wherever they are now). */
  seed(prefix: string, entries: [string, Uint8Array][]): void {
    for (const [k, v] of entries) if (this.map.size < MAX_SUBSETS) this.map.set(prefix + k, v);
  }

  takeAdded(): number {
    const n = this.added;
    this.added = 0;
    return n;
  }
}

export const subsetMemo = new SubsetMemo();

/**
 * Encoding a font subset re-parses every glyph; the same glyphs of the same font file in the same order give
 * the same bytes, so an unchanged document (or an edit that adds no new character) reuses the previous
 * export's subset. `fontKey` names the font file (folder and face).
 */
export function memoizeSubset(fontKey: string, subset: PdfEmbeddedFont['subset']): void {
  const encode = subset.encode.bind(subset);
  subset.encode = () => {
    const key = `${fontKey}:${subset.glyphs.join(',')}`;
    let bytes = subsetMemo.get(key);
    if (!bytes) {
      bytes = encode();
      subsetMemo.set(key, bytes);
    }
    return bytes;
  };
}

/** A font's subset with its widths (W) and code points (ToUnicode) per subset glyph, as pdfkit keeps them. */
export interface SubsetState {
  subset: PdfEmbeddedFont['subset'];
  unicode: number[][];
  widths: number[];
}

/**
 * Take over this font's subset for later documents (see adoptSubset). The subset only grows, so its glyph
 * count identifies its contents: it is encoded again only when that changed. fontkit adds the components of
 * composite glyphs to the subset while encoding, after pdfkit recorded widths and code points; in a subset
 * that keeps growing those would become holes in the middle of the W array and the ToUnicode list (pdfkit
 * writes both densely), shifting every later glyph's width. They are filled in after each encode.
 */
export function growingSubset(f: PdfEmbeddedFont): SubsetState {
  const s: SubsetState = { subset: f.subset, unicode: f.unicode, widths: f.widths };
  const encode = s.subset.encode.bind(s.subset);
  let count = -1;
  let bytes: Uint8Array | null = null;
  s.subset.encode = () => {
    if (!bytes || count !== s.subset.glyphs.length) {
      bytes = encode();
      count = s.subset.glyphs.length;
    }
    for (let gid = s.widths.length; gid < s.subset.glyphs.length; gid++) {
      const glyph = f.font.getGlyph(s.subset.glyphs[gid]!);
      s.widths[gid] = glyph.advanceWidth * f.scale;
      s.unicode[gid] = glyph.codePoints;
    }
    return bytes;
  };
  return s;
}

/** Make a new document's font write an earlier document's subset (so glyph ids stay what they were). */
export function adoptSubset(f: PdfEmbeddedFont, s: SubsetState): void {
  f.subset = s.subset;
  f.unicode = s.unicode;
  f.widths = s.widths;
}

/** pdfkit names fonts F1, F2, ... in order of first use; a fixed name lets content written earlier name the same font. */
export function fixResourceName(f: PdfEmbeddedFont, id: string): void {
  f.id = id;
}
