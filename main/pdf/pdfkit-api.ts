// The slice of pdfkit 0.20 the writer relies on, typed narrowly (some of it is internal to pdfkit).
import type { Font } from 'fontkit';

export interface PdfStructureElement {
  add(child: PdfStructureElement | PdfStructureContent): PdfStructureElement;
  end(): void;
}
export type PdfStructureContent = object;

export interface PdfRef {
  data: Record<string, unknown>;
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
  };
  outline: PdfOutline;
  info: Record<string, unknown>;
  _font: PdfEmbeddedFont;
  _fontFamilies: Record<string, PdfEmbeddedFont>;
  endMetadata(): void;
  /** Embeds a file (pdfkit's attachments mixin): an EmbeddedFile stream, its Filespec in the names tree and in AF. */
  file(data: Uint8Array, options: { name: string; type: string; description: string; relationship: 'Data'; creationDate: Date; modifiedDate: Date }): PdfRef;
  /** Where pdfkit sends every serialised piece of the file, and the running byte offset it keeps. */
  _write(data: string | Uint8Array): void;
  _offset: number;
  /** Objects created but not yet written; 0 after end() means the trailer has been written. */
  _waiting: number;
  /** Readable.read(): what was pushed before `_write` was taken over (the file header). */
  read(): Uint8Array | null;
  addPage(options: { size: [number, number]; margin: number }): PdfDoc;
  registerFont(name: string, src: Font): PdfDoc;
  font(name: string): PdfDoc;
  addContent(data: string | Uint8Array): PdfDoc;
  struct(type: string, options?: Record<string, unknown>): PdfStructureElement;
  addStructure(element: PdfStructureElement): PdfDoc;
  markStructureContent(tag: string): PdfStructureContent;
  markContent(tag: string, options?: Record<string, unknown>): PdfDoc;
  endMarkedContent(): PdfDoc;
  link(x: number, y: number, w: number, h: number, url: string, options?: Record<string, unknown>): PdfDoc;
  goTo(x: number, y: number, w: number, h: number, name: string, options?: Record<string, unknown>): PdfDoc;
  addNamedDestination(name: string, fit: 'XYZ', left: number | null, top: number, zoom: number | null): void;
  end(): void;
}
