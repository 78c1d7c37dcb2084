// pdfkit as a low-level writer: positioned glyph runs with real spaces, tags, links, outline, metadata.
import { createHash } from 'node:crypto';
import zlib from 'node:zlib';
import PDFDocument from 'pdfkit';
import { FACE_FILES, type FaceId } from './faces.js';
import type { FontSet } from './fonts.js';
import type { FlowItem, LineItem, RowItem, StructNode } from './flow.js';
import type { FillRect, FramePage, PageSize, PlacedItem } from './frame.js';
import type { Line, Rgb, Run } from './layout-types.js';
import type { PdfDoc, PdfEmbeddedFont, PdfOutline, PdfStructureElement } from './pdfkit-api.js';
import { boundPreviewFontState, previewFontGeneration, resetPreviewFontState, shareFontState, type EncodedWord } from './preview-fonts.js';
import { NoTags, Tagger, type ContentMarker } from './tagging.js';
import { escapeInfoForXmp } from './xmp.js';

export interface DocInfo {
  title: string;
  author: string;
  subject: string;
  keywords: string;
  language: string;
  creationDate: Date;
}

export interface WriteInput {
  fonts: FontSet;
  page: PageSize;
  info: DocInfo;
  pdfa: boolean;
  /**
   * Fast output for the composer's live preview: untagged, uncompressed, no links or named destinations, fonts subset
   * once per process and lines encoded once per process (see preview-fonts.ts). Same pages, text and
   * bookmarks; not for saving.
   */
  preview?: boolean;
  pages: FramePage[];
}

const fmt = (n: number): string => {
  const r = Math.round(n * 1000) / 1000;
  return Object.is(r, -0) ? '0' : String(r);
};
const rgb = (c: Rgb) => `${fmt(c[0])} ${fmt(c[1])} ${fmt(c[2])}`;

export function writePdf(input: WriteInput): Uint8Array {
  const { page, info } = input;
  const preview = !!input.preview;
  if (preview) boundPreviewFontState();
  const doc = new PDFDocument({
    size: [page.width, page.height],
    margin: 0,
    autoFirstPage: false,
    // 1.7 always: tagged PDF needs >= 1.4, and pdfkit writes XMP (and PDF/A ids) only above 1.3.
    pdfVersion: '1.7',
    tagged: !preview,
    // A preview goes through memory to pdf.js at once: deflating its pages would cost more than it saves.
    compress: !preview,
    lang: info.language,
    displayTitle: true,
    // No default font: pdfkit would otherwise load Helvetica, which cannot be embedded.
    font: null as unknown as string,
    ...(input.pdfa && !preview ? { subset: 'PDF/A-2b' as const } : {}),
    info: {
      Title: info.title,
      Author: info.author,
      Subject: info.subject,
      Keywords: info.keywords,
      Creator: 'Briefing Builder',
      Producer: 'Briefing Builder (pdfkit)',
      CreationDate: info.creationDate,
    },
  }) as unknown as PdfDoc;
  escapeInfoForXmp(doc);
  const out = collectOutput(doc);
  const write = () => {
    new PageWriter(doc, input, preview).writeAll();
    doc.end();
  };
  if (!preview) withFastDeflate(write);
  else {
    try {
      write();
    } catch (e) {
      resetPreviewFontState();
      throw e;
    }
  }
  // pdfkit finishes synchronously once every object is ended; anything still open would truncate the file.
  if (doc._waiting !== 0) throw new Error(`internal error: ${doc._waiting} PDF objects were never finished`);
  return out();
}

/**
 * pdfkit deflates every stream with zlib's default level 6; level 1 is several times faster for a few
 * percent more bytes. Identical streams (font subsets, unchanged pages when one paragraph was edited) are
 * compressed once per process, found again by content hash. pdfkit has no hook for either, so
 * zlib.deflateSync is swapped for the duration of this synchronous call (nothing else runs meanwhile).
 */
function withFastDeflate(fn: () => void): void {
  const original = zlib.deflateSync;
  zlib.deflateSync = ((buf: Uint8Array) => {
    const key = buf.length >= 2048 ? createHash('sha1').update(buf).digest('base64') : '';
    const hit = key ? deflateMemo.get(key) : undefined;
    if (hit) return hit;
    const out = original(buf, { level: 1 });
    if (key) {
      if (deflatedBytes > MAX_DEFLATED_BYTES) {
        deflateMemo.clear();
        deflatedBytes = 0;
      }
      deflateMemo.set(key, out);
      deflatedBytes += out.length;
    }
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
 */
function collectOutput(doc: PdfDoc): () => Uint8Array {
  // The header was already written through the stream when the document was created: take it from there.
  const head = doc.read();
  const parts: (string | Uint8Array)[] = head ? [head] : [];
  let pending = '';
  doc._write = function (data: string | Uint8Array) {
    if (typeof data === 'string') {
      pending += data + '\n';
      this._offset += data.length + 1;
    } else {
      if (pending) parts.push(pending);
      pending = '';
      parts.push(data);
      this._offset += data.length;
    }
  };
  return () => {
    if (pending) parts.push(pending);
    // pdfkit's strings are binary strings (one byte per character): latin1 is that encoding.
    const all = Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : p)));
    // A plain Uint8Array view (consumers such as pdfjs refuse Buffer).
    return new Uint8Array(all.buffer, all.byteOffset, all.byteLength);
  };
}

class PageWriter {
  private readonly embedded = new Map<FaceId, PdfEmbeddedFont>();
  private readonly wordMemo = new Map<PdfEmbeddedFont, Map<string, EncodedWord>>();
  private readonly tagger: ContentMarker;
  private readonly outlineStack: { level: number; item: PdfOutline }[] = [];

  constructor(
    private readonly doc: PdfDoc,
    private readonly input: WriteInput,
    private readonly preview: boolean,
  ) {
    if (preview) this.tagger = new NoTags();
    else {
      const root = doc.struct('Document');
      doc.addStructure(root);
      this.tagger = new Tagger(doc, root, () => this.flush());
    }
  }

  /**
   * Page content is collected here and handed to pdfkit in one piece per marked-content sequence: pdfkit
   * converts every addContent call to bytes separately, which dominated the writing time.
   */
  private buffer: string[] = [];

  private emit(ops: string): void {
    this.buffer.push(ops);
  }

  private flush(): void {
    if (!this.buffer.length) return;
    // As bytes: pdfkit would otherwise convert the string with a per-character loop.
    this.doc.addContent(Buffer.from(this.buffer.join('\n') + '\n', 'latin1'));
    this.buffer = [];
  }

  writeAll(): void {
    const { page } = this.input;
    for (const p of this.input.pages) {
      this.doc.addPage({ size: [page.width, page.height], margin: 0 });
      this.drawBackgrounds(p.backgrounds);
      for (const placed of p.placed) this.drawItem(placed);
      // Furniture last, so text extraction without tags still starts with the body.
      this.drawFurniture(p);
      this.tagger.close();
      this.flush();
    }
    // PDF/A forbids unembedded fonts; pdfkit would silently write a standard font if one slipped in.
    for (const f of Object.values(this.doc._fontFamilies)) {
      if (!('subset' in f)) throw new Error(`internal error: a non-embedded font (${String((f as { name?: string }).name)}) was used`);
    }
  }

  private font(face: FaceId): PdfEmbeddedFont {
    let f = this.embedded.get(face);
    if (!f) {
      // Registered on first use: faces are parsed lazily (fonts.ts), and pdfkit names fonts in order of use anyway.
      this.doc.registerFont(face, this.input.fonts.faces[face].font);
      this.doc.font(face);
      f = this.doc._font;
      // Share the process-wide shaping cache: words measured during layout are not shaped again.
      f.layoutCache = this.input.fonts.faces[face].layoutCache;
      if (this.preview) {
        // Fixed resource names, so a line encoded for an earlier preview names the same font in this one.
        f.id = `F${FACE_ORDER.indexOf(face) + 1}`;
        this.wordMemo.set(f, shareFontState(face, f));
      } else memoizeSubset(face, f.subset);
      this.embedded.set(face, f);
    }
    return f;
  }

  private drawFurniture(p: FramePage): void {
    if (!p.furniture.length && !p.rules.length) return;
    this.tagger.artifact('Pagination');
    for (const r of p.rules) this.rule(r.x, r.y, r.width, r.thickness, r.color);
    for (const f of p.furniture) this.emit(this.lineOps(f.line, f.x, f.top + f.line.baseline));
    this.tagger.close();
  }

  /** Backgrounds and bars of summary boxes, quotes and pull quotes, drawn under their text. */
  private drawBackgrounds(rects: FillRect[]): void {
    if (!rects.length) return;
    this.tagger.artifact('Layout');
    for (const r of rects) this.rect(r.x, r.y, r.width, r.height, r.color);
    this.tagger.close();
  }

  private drawItem(p: PlacedItem): void {
    const { item, top } = p;
    if (item.anchor) this.anchor(item.anchor, top);
    switch (item.kind) {
      case 'line':
        this.drawLineItem(item, top);
        break;
      case 'rule':
        this.tagger.artifact('Layout');
        this.rule(item.x, top, item.width, item.thickness, item.color);
        break;
      case 'row':
        this.drawRow(item, top, !!p.repeat);
        break;
      case 'gap':
      case 'pagebreak':
        break;
    }
  }

  private anchor(anchor: NonNullable<FlowItem['anchor']>, top: number): void {
    // Named destinations serve internal links, which a preview does not write; bookmarks point at pages directly.
    if (!this.preview) this.doc.addNamedDestination(anchor.id, 'XYZ', null, top, null);
    if (!anchor.bookmark) return;
    const { level, title } = anchor.bookmark;
    while (this.outlineStack.length && this.outlineStack[this.outlineStack.length - 1]!.level >= level) this.outlineStack.pop();
    const parent = this.outlineStack[this.outlineStack.length - 1]?.item ?? this.doc.outline;
    const entry = parent.addItem(title);
    // pdfkit's own XYZ destination puts "left" at the page's right edge; point at the heading instead.
    entry.outlineData.Dest = [this.doc.page.dictionary, 'XYZ', null, this.doc.page.height - top, null];
    this.outlineStack.push({ level, item: entry });
  }

  private drawLineItem(item: LineItem, top: number): void {
    if (item.label) {
      const lbl = item.label;
      if (item.struct) this.tagger.content(lbl.struct);
      else this.tagger.artifact('Layout');
      this.emit(this.lineOps(lbl.line, lbl.x, top + lbl.line.baseline));
    }
    this.drawLine(item.line, item.x, top, item.struct);
  }

  /** Draw a line's runs; link and note-reference runs get their own Link element and annotation. */
  private drawLine(line: Line, x: number, top: number, struct: StructNode | null): void {
    const baseline = top + line.baseline;
    const runs = line.runs;
    if (this.preview) {
      // The composer draws preview pages onto a canvas with no annotation layer: link annotations would be
      // written for nothing (they were a quarter of preview writing). Untagged, the line is one piece of content.
      this.emit(this.lineOps(line, x, baseline));
      return;
    }
    for (let i = 0; i < runs.length; ) {
      const j = groupEnd(runs, i);
      const group = runs.slice(i, j);
      const target = runs[i]!.link;
      if (!target) {
        if (struct) this.tagger.content(struct);
        else this.tagger.artifact('Layout');
        this.emit(this.runsOps(group, x, baseline));
      } else {
        const link = struct ? this.tagger.beginLink(struct) : null;
        if (!link) this.tagger.artifact('Layout');
        this.emit(this.runsOps(group, x, baseline));
        this.annotate(group, target, x, top, line.height, link);
        if (link) this.tagger.endLink(link);
      }
      i = j;
    }
  }

  /** A link annotation over a group of runs with the same target (in the structure tree under `link`, when tagged). */
  private annotate(group: Run[], target: NonNullable<Run['link']>, x: number, top: number, height: number, link: PdfStructureElement | null): void {
    const first = group[0]!;
    const last = group[group.length - 1]!;
    const left = x + first.x;
    const width = last.x + last.width - first.x;
    const options = link ? { structParent: link } : {};
    if ('uri' in target) this.doc.link(left, top, width, height, target.uri, { ...options, Contents: new String(target.uri) });
    else this.doc.goTo(left, top, width, height, target.dest, options);
  }

  /**
   * A whole line's text. Export: as runsOps. Preview: encoded once per process and kept with the Line object
   * (paragraph layout hands back the same Line objects for unchanged paragraphs), with coordinates relative to
   * the line's origin and a translation in front, so the cached text still fits when the line moves.
   */
  private lineOps(line: Line, x: number, baseline: number): string {
    if (!this.preview) return this.runsOps(line.runs, x, baseline);
    const generation = previewFontGeneration();
    let cached = lineOpsCache.get(line);
    if (cached?.generation !== generation) {
      cached = { generation, ops: this.runsOps(line.runs, 0, 0) };
      lineOpsCache.set(line, cached);
    } else {
      // The fonts still have to be resources of this page, as runsOps would have made them.
      for (const run of line.runs) if (run.text) this.useFont(this.font(run.face));
    }
    return `q 1 0 0 1 ${fmt(x)} ${fmt(baseline)} cm\n${cached.ops}\nQ`;
  }

  private useFont(f: PdfEmbeddedFont): void {
    this.doc.page.fonts[f.id] = f.ref();
  }

  private drawRow(row: RowItem, top: number, repeat: boolean): void {
    const shape = row.table;
    this.tagger.artifact('Layout');
    if (row.isHeader) this.rect(shape.x, top, shape.width, row.height, shape.headerFill);
    this.rule(shape.x, top + row.height, shape.width, row.isHeader ? 0.9 : 0.4, shape.rule);
    this.tagger.close();
    for (const cell of row.cells) {
      let y = top + cell.top;
      for (const line of cell.lines) {
        // A repeated header is a pagination artifact: tagged once, where the table starts.
        this.drawLine(line, cell.x, y, repeat ? null : cell.struct);
        y += line.height;
      }
      if (!repeat && !cell.lines.length) this.tagger.element(cell.struct);
    }
  }

  private rect(x: number, y: number, w: number, h: number, color: Rgb): void {
    this.emit(`q ${rgb(color)} rg ${fmt(x)} ${fmt(y)} ${fmt(w)} ${fmt(h)} re f Q`);
  }

  private rule(x: number, y: number, w: number, thickness: number, color: Rgb): void {
    this.rect(x, y - thickness / 2, w, thickness, color);
  }

  /** One text object for the runs: each run placed absolutely, spaces kept as glyphs, justification as TJ offsets. */
  private runsOps(runs: Run[], x: number, baseline: number): string {
    const ops: string[] = ['BT'];
    let color = '';
    for (const run of runs) {
      if (!run.text) continue;
      const f = this.font(run.face);
      this.useFont(f);
      const c = rgb(run.color);
      if (c !== color) {
        ops.push(`${c} rg`);
        color = c;
      }
      ops.push(`/${f.id} ${fmt(run.size)} Tf`);
      this.glyphOps(ops, f, run, x + run.x, baseline - run.rise);
    }
    ops.push('ET');
    return ops.join('\n');
  }

  private glyphOps(ops: string[], f: PdfEmbeddedFont, run: Run, x0: number, y: number): void {
    ops.push(`1 0 0 -1 ${fmt(x0)} ${fmt(y)} Tm`);
    const words = run.text.split(' ');
    const space = this.encoded(f, ' ');
    const spaceAdjust = run.spaceExtra ? ` ${fmt((-run.spaceExtra * 1000) / run.size)}` : '';
    let tj = '';
    let advance = 0; // in 1/1000 em, for placing glyphs that carry mark offsets
    for (let w = 0; w < words.length; w++) {
      if (w > 0) {
        tj += space.tj + spaceAdjust + ' ';
        advance += space.advance + (run.spaceExtra * 1000) / run.size;
      }
      const word = words[w]!;
      if (!word) continue;
      const enc = this.encoded(f, word);
      if (enc.marks) {
        if (tj) ops.push(`[${tj}] TJ`);
        tj = '';
        this.markedWordOps(ops, f, word, x0 + (advance * run.size) / 1000, y, run.size);
        advance += enc.advance;
        ops.push(`1 0 0 -1 ${fmt(x0 + (advance * run.size) / 1000)} ${fmt(y)} Tm`);
        continue;
      }
      tj += enc.tj + ' ';
      advance += enc.advance;
    }
    if (tj) ops.push(`[${tj}] TJ`);
  }

  /**
   * A word as TJ operands (glyph ids in hex with kerning offsets), memoized per font for this document:
   * encoding also registers glyphs in the font subset, so the memo cannot outlive the document.
   */
  private encoded(f: PdfEmbeddedFont, word: string): EncodedWord {
    let memo = this.wordMemo.get(f);
    if (!memo) this.wordMemo.set(f, (memo = new Map()));
    let enc = memo.get(word);
    if (enc) return enc;
    const [hex, pos] = f.encode(word);
    let tj = '';
    let run = '';
    let advance = 0;
    let marks = false;
    for (let g = 0; g < hex.length; g++) {
      const p = pos[g]!;
      if (p.xOffset || p.yOffset) marks = true;
      run += hex[g];
      const kern = p.xAdvance - p.advanceWidth;
      if (Math.abs(kern) > 1e-6) {
        tj += `<${run}> ${fmt(-kern)} `;
        run = '';
      }
      advance += p.xAdvance;
    }
    if (run) tj += `<${run}>`;
    enc = { tj: tj.trimEnd(), advance, marks };
    memo.set(word, enc);
    return enc;
  }

  /** Mark positioning (Arabic, Hebrew, combining accents): each glyph placed with its own offsets. */
  private markedWordOps(ops: string[], f: PdfEmbeddedFont, word: string, x0: number, y: number, size: number): void {
    const [hex, pos] = f.encode(word);
    const scale = size / 1000;
    let x = x0;
    for (let g = 0; g < hex.length; g++) {
      const p = pos[g]!;
      ops.push(`1 0 0 -1 ${fmt(x + p.xOffset * scale)} ${fmt(y - p.yOffset * scale)} Tm`, `<${hex[g]}> Tj`);
      x += p.xAdvance * scale;
    }
  }
}

/** Where the end of run i's group is: runs with the same link target, or a stretch of runs without one. */
function groupEnd(runs: Run[], i: number): number {
  const target = runs[i]!.link;
  let j = i + 1;
  if (target) while (j < runs.length && runs[j]!.link && sameTarget(runs[j]!.link!, target)) j++;
  else while (j < runs.length && !runs[j]!.link) j++;
  return j;
}

/** Preview only: a line's text operators relative to its origin, valid while the font generation holds. */
const lineOpsCache = new WeakMap<Line, { generation: number; ops: string }>();

/** Preview resource names follow this fixed order of the faces. */
const FACE_ORDER = Object.keys(FACE_FILES) as FaceId[];

const subsetMemo = new Map<string, Uint8Array>();
const MAX_SUBSETS = 200;

/**
 * Encoding a font subset re-parses every glyph; the same glyphs in the same order give the same bytes, so
 * an unchanged document (or an edit that adds no new character) reuses the previous export's subset.
 */
function memoizeSubset(face: FaceId, subset: PdfEmbeddedFont['subset']): void {
  const encode = subset.encode.bind(subset);
  subset.encode = () => {
    const key = `${face}:${subset.glyphs.join(',')}`;
    let bytes = subsetMemo.get(key);
    if (!bytes) {
      bytes = encode();
      if (subsetMemo.size >= MAX_SUBSETS) subsetMemo.clear();
      subsetMemo.set(key, bytes);
    }
    return bytes;
  };
}

function sameTarget(a: NonNullable<Run['link']>, b: NonNullable<Run['link']>): boolean {
  return 'uri' in a ? 'uri' in b && a.uri === b.uri : 'dest' in b && a.dest === b.dest;
}
