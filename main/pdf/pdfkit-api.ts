// The slice of pdfkit 0.20 the writer relies on, typed narrowly (some of it is internal to pdfkit).
import type { Font } from 'fontkit';

/** pdfkit's PDFReference: numbered when made (doc.ref), written when ended; `String(ref)` is `N 0 R`. */
export interface PdfRef {
  readonly id: number;
  /** Byte offset of its `N 0 obj` line, for the xref table (set when written). */
  offset?: number;
  /** Written by pdfkit's PDFObject.convert; a RawPdf (pdf-objects.ts) is written as its text. */
  data: Record<string, unknown> | object;
  end(): void;
}

export interface PdfOutline {
  addItem(title: string, options?: { expanded?: boolean }): PdfOutline;
  outlineData: Record<string, unknown>;
}

/** pdfkit's EmbeddedFont: `layoutCache` is replaced by the process-wide one of the face. */
export interface PdfEmbeddedFont {
  /** Resource name (F1, F2, ... in order of first use); also the seed of the subset tag in BaseFont. */
  id: string;
  font: Font;
  /** 1000 / unitsPerEm. */
  scale: number;
  layoutCache: unknown;
  /** Per subset glyph id: code points (for ToUnicode) and advance width (for W), filled by encode(). */
  unicode: number[][];
  widths: number[];
  encode(text: string): [string[], { xAdvance: number; advanceWidth: number; xOffset: number; yOffset: number }[]];
  /** The shaping of a piece of text without spaces through `layoutCache` (positions scaled to 1/1000 em, plus advanceWidth). */
  layoutCached(text: string): { glyphs: { id: number; advanceWidth: number; codePoints: number[] }[]; positions: { xAdvance: number; advanceWidth: number; xOffset: number; yOffset: number }[] };
  ref(): PdfRef;
  /** fontkit's subset: original glyph ids in order of first use, and the encoder pdfkit calls once. */
  subset: { glyphs: number[]; encode(): Uint8Array; includeGlyph(glyph: number): number };
}

export interface PdfDoc {
  page: {
    width: number;
    height: number;
    dictionary: PdfRef;
    fonts: Record<string, PdfRef>;
    /** The page's Annots array (created on first use). */
    annotations: PdfRef[];
    /** The page's key in the structure parent tree (taken on first use). */
    structParentTreeKey: number;
  };
  outline: PdfOutline;
  /** The catalog: its Names dictionary's Dests name tree (what addNamedDestination adds to). */
  _root: { data: { Names: { data: { Dests: PdfNameTree } } } };
  info: Record<string, unknown>;
  _font: PdfEmbeddedFont;
  _fontFamilies: Record<string, PdfEmbeddedFont>;
  endMetadata(): void;
  /** Embeds a file (pdfkit's attachments mixin): an EmbeddedFile stream, its Filespec in the names tree and in AF. */
  file(data: Uint8Array, options: { name: string; type: string; description: string; relationship: 'Data'; creationDate: Date; modifiedDate: Date }): PdfRef;
  /** Where pdfkit sends every serialised piece of the file, and the running byte offset it keeps. */
  _write(data: string | Uint8Array): void;
  _offset: number;
  /** Records a written object's offset for the xref table (what PDFReference.finalize calls last). */
  _refEnd(ref: PdfRef): void;
  /** Objects created but not yet written; 0 after end() means the trailer has been written. */
  _waiting: number;
  /** Readable.read(): what was pushed before `_write` was taken over (the file header). */
  read(): Uint8Array | null;
  addPage(options: { size: [number, number]; margin: number }): PdfDoc;
  registerFont(name: string, src: Font): PdfDoc;
  font(name: string): PdfDoc;
  addContent(data: string | Uint8Array): PdfDoc;
  /** A new numbered object (written when ended). */
  ref(data?: object): PdfRef;
  /** Encryption (never set here: the structure tree and annotations are written as plain text). */
  _security: unknown;
  /** (x, top, w, h) in our top-down coordinates -> the PDF rectangle, through the page's transform. */
  _convertRect(x: number, y: number, w: number, h: number): [number, number, number, number];
  /** The catalog's StructTreeRoot (made when the document is tagged); its `K` lists the top-level elements. */
  getStructTreeRoot(): PdfRef & { data: { K?: PdfRef[] } };
  /** The parent tree: per page key, the element of each MCID; per annotation key, its element. */
  getStructParentTree(): { get(key: number): unknown; add(key: number, value: unknown): void };
  createStructParentTreeNextKey(): number;
  /** What endMarkings ends right after writing the StructTreeRoot. */
  structChildren: { end(): void }[];
  addNamedDestination(name: string, fit: 'XYZ', left: number | null, top: number, zoom: number | null): void;
  end(): void;
}

/** pdfkit's PDFNameTree (the Dests tree): its items by key, and how it sorts and writes them. */
export interface PdfNameTree {
  _items: Record<string, unknown>;
  limits: boolean;
  add(name: string, value: unknown): void;
  _compareKeys(a: string, b: string): number;
  toString(encryptFn?: unknown): string;
}
