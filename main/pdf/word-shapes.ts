// Each word's shaping as the writer needs it (glyph ids, widths, code points, kerning), kept once per process per font.
import type { Font } from 'fontkit';
import type { StoredRun } from './engine-cache.js';
import { faceOf } from './fonts.js';
import type { PdfEmbeddedFont } from './pdfkit-api.js';

/** A word shaped once: what pdfkit's `encode` would look up for it, minus the document's subset ids. */
export interface WordShape {
  /** The font's own glyph ids. */
  glyphs: number[];
  /** Per glyph: advance width in 1/1000 em (pdfkit's W entry) and code points (its ToUnicode entry). */
  widths: number[];
  codePoints: number[][];
  /** Per glyph: the TJ kerning operand after it (`' -12.5'`), or '' for none. */
  kerns: string[];
  /** The word's advance in 1/1000 em. */
  advance: number;
  /** Some glyph carries a mark offset: the word must be placed glyph by glyph. */
  marks: boolean;
}

/** Per fontkit font (shared by every document using that face), bounded. */
const shapes = new WeakMap<Font, Map<string, WordShape>>();
const MAX_WORDS_PER_FONT = 50_000;

/** The word's shape in f's font: shaped through pdfkit's cache (the face's, shared with layout) on first use. */
export function wordShape(f: PdfEmbeddedFont, word: string, fmt: (n: number) => string): WordShape {
  let memo = shapes.get(f.font);
  if (!memo) shapes.set(f.font, (memo = new Map()));
  let shape = memo.get(word);
  if (shape) return shape;
  const stored = faceOf(f.font)?.storedRun(word);
  shape = stored ? storedShape(stored, f.scale, fmt) : runShape(f, word, fmt);
  if (memo.size >= MAX_WORDS_PER_FONT) memo.clear();
  memo.set(word, shape);
  return shape;
}

/** The shape from a run read back from the persistent cache: the same numbers runShape takes from the decoded run, in the same operations. */
function storedShape([ids, widths, cps, pos]: StoredRun, scale: number, fmt: (n: number) => string): WordShape {
  const n = ids.length;
  const shape: WordShape = { glyphs: ids, widths: new Array<number>(n), codePoints: new Array<number[]>(n), kerns: new Array<string>(n), advance: 0, marks: false };
  for (let g = 0; g < n; g++) {
    shape.widths[g] = widths[g]! * scale;
    const cp = cps[g]!;
    shape.codePoints[g] = typeof cp === 'number' ? [cp] : cp;
    const xAdvance = pos[g * 5]!;
    if (pos[g * 5 + 2] || pos[g * 5 + 3]) shape.marks = true;
    const kern = xAdvance - pos[g * 5 + 4]!;
    shape.kerns[g] = Math.abs(kern) > 1e-6 ? ` ${fmt(-kern)}` : '';
    shape.advance += xAdvance;
  }
  return shape;
}

function runShape(f: PdfEmbeddedFont, word: string, fmt: (n: number) => string): WordShape {
  // The same call pdfkit's encode makes for a word without spaces (it lays out each space-separated piece).
  const run = f.layoutCached(word);
  const n = run.glyphs.length;
  const shape: WordShape = { glyphs: new Array<number>(n), widths: new Array<number>(n), codePoints: new Array<number[]>(n), kerns: new Array<string>(n), advance: 0, marks: false };
  for (let g = 0; g < n; g++) {
    const glyph = run.glyphs[g]!;
    const p = run.positions[g]!;
    shape.glyphs[g] = glyph.id;
    shape.widths[g] = glyph.advanceWidth * f.scale;
    shape.codePoints[g] = glyph.codePoints;
    if (p.xOffset || p.yOffset) shape.marks = true;
    const kern = p.xAdvance - p.advanceWidth;
    shape.kerns[g] = Math.abs(kern) > 1e-6 ? ` ${fmt(-kern)}` : '';
    shape.advance += p.xAdvance;
  }
  return shape;
}

const HEX4: string[] = [];
/** A subset glyph id as pdfkit writes it: four hex digits. */
export function hex4(gid: number): string {
  return (HEX4[gid] ??= `0000${gid.toString(16)}`.slice(-4));
}
