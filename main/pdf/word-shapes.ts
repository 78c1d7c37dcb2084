// Each word's shaping as the writer needs it (glyph ids, widths, code points, kerning), kept once per process per font.
import type { Font } from 'fontkit';
import type { StoredRun } from './engine-cache.js';
import { faceOf } from './fonts.js';
import type { PdfEmbeddedFont } from './pdfkit-api.js';

/**
 * A word shaped once: what pdfkit's `encode` would look up for it, minus the document's subset ids. Kept for the
 * whole process, so it holds as few objects as it can (a cold export keeps thousands; each one the young heap
 * copies): a run read back from the persistent cache lends it its own arrays, a glyph's single code point stays a
 * number, and a word without kerning has no kerning list.
 */
export interface WordShape {
  /** The font's own glyph ids. */
  glyphs: number[];
  /** Per glyph: advance width in font units (times the font's scale: pdfkit's W entry). */
  unitWidths: number[];
  /** Per glyph: its code points (its ToUnicode entry), a single one as a number. */
  codePoints: (number | number[])[];
  /** Per glyph: the TJ kerning operand after it (`' -12.5'`), or '' for none; null when no glyph has one. */
  kerns: string[] | null;
  /** The word's advance in 1/1000 em. */
  advance: number;
  /** Some glyph carries a mark offset: the word must be placed glyph by glyph. */
  marks: boolean;
}

/** Per fontkit font (shared by every document using that face), bounded. */
const shapes = new WeakMap<Font, Map<string, WordShape>>();
const MAX_WORDS_PER_FONT = 50_000;

let keepingShapes = true;
/**
 * Whether shapes are kept for later documents (the default). A document asks for each word's shape once per font
 * (content-ops.ts keeps the encoded word), so a process that exports one document and ends (a single `briefing
 * export`, keepLinesBetweenExports(false)) only made the young heap copy thousands of shapes it never asks for again.
 */
export function keepWordShapesBetweenExports(on: boolean): void {
  keepingShapes = on;
}

/** The word's shape in f's font: shaped through pdfkit's cache (the face's, shared with layout) on first use. */
export function wordShape(f: PdfEmbeddedFont, word: string, fmt: (n: number) => string): WordShape {
  let memo = shapes.get(f.font);
  if (!memo) shapes.set(f.font, (memo = new Map()));
  let shape = memo.get(word);
  if (shape) return shape;
  const stored = faceOf(f.font)?.storedRun(word);
  shape = stored ? storedShape(stored, fmt) : runShape(f, word, fmt);
  if (!keepingShapes) return shape;
  if (memo.size >= MAX_WORDS_PER_FONT) memo.clear();
  memo.set(word, shape);
  return shape;
}

/** The shape from a run read back from the persistent cache: the same numbers runShape takes from the decoded run, in the same operations. */
function storedShape([ids, widths, cps, pos]: StoredRun, fmt: (n: number) => string): WordShape {
  const n = ids.length;
  const shape: WordShape = { glyphs: ids, unitWidths: widths, codePoints: cps, kerns: null, advance: 0, marks: false };
  for (let g = 0; g < n; g++) {
    const xAdvance = pos[g * 5]!;
    if (pos[g * 5 + 2] || pos[g * 5 + 3]) shape.marks = true;
    const kern = xAdvance - pos[g * 5 + 4]!;
    if (Math.abs(kern) > 1e-6) (shape.kerns ??= new Array<string>(n).fill(''))[g] = ` ${fmt(-kern)}`;
    shape.advance += xAdvance;
  }
  return shape;
}

function runShape(f: PdfEmbeddedFont, word: string, fmt: (n: number) => string): WordShape {
  // The same call pdfkit's encode makes for a word without spaces (it lays out each space-separated piece).
  const run = f.layoutCached(word);
  const n = run.glyphs.length;
  const shape: WordShape = { glyphs: new Array<number>(n), unitWidths: new Array<number>(n), codePoints: new Array<number[]>(n), kerns: null, advance: 0, marks: false };
  for (let g = 0; g < n; g++) {
    const glyph = run.glyphs[g]!;
    const p = run.positions[g]!;
    shape.glyphs[g] = glyph.id;
    shape.unitWidths[g] = glyph.advanceWidth;
    shape.codePoints[g] = glyph.codePoints;
    if (p.xOffset || p.yOffset) shape.marks = true;
    const kern = p.xAdvance - p.advanceWidth;
    if (Math.abs(kern) > 1e-6) (shape.kerns ??= new Array<string>(n).fill(''))[g] = ` ${fmt(-kern)}`;
    shape.advance += p.xAdvance;
  }
  return shape;
}

const HEX4: string[] = [];
/** A subset glyph id as pdfkit writes it: four hex digits. */
export function hex4(gid: number): string {
  return (HEX4[gid] ??= `0000${gid.toString(16)}`.slice(-4));
}
