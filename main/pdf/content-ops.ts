// Content-stream operators: numbers, filled rectangles, text objects with real spaces; and the page buffer they go to.
import type { FaceId } from './faces.js';
import type { FillRect } from './frame.js';
import type { Rgb, Run } from './layout-types.js';
import type { PdfDoc, PdfEmbeddedFont } from './pdfkit-api.js';
import { hex4, wordShape } from './word-shapes.js';

/** A word as TJ operands in a font subset (glyph ids in hex, kerning offsets), plus its advance in 1/1000 em. */
export interface EncodedWord {
  tj: string;
  advance: number;
  /** Some glyph carries a mark offset: the word must be placed glyph by glyph. */
  marks: boolean;
}

/** The fonts text operators draw with: a face's pdfkit font (made a resource of the current page), and its word memo. */
export interface TextFonts {
  use(face: FaceId): PdfEmbeddedFont;
  words(f: PdfEmbeddedFont): Map<string, EncodedWord>;
}

export const fmt = (n: number): string => {
  const r = Math.round(n * 1000) / 1000;
  return Object.is(r, -0) ? '0' : String(r);
};
const rgb = (c: Rgb) => `${fmt(c[0])} ${fmt(c[1])} ${fmt(c[2])}`;

export function rectOps(r: FillRect): string {
  return `q ${rgb(r.color)} rg ${fmt(r.x)} ${fmt(r.y)} ${fmt(r.width)} ${fmt(r.height)} re f Q`;
}

/**
 * Page content is collected here and handed to pdfkit in one piece per marked-content sequence: pdfkit
 * converts every addContent call to bytes separately, which dominated the writing time.
 */
export class ContentBuffer {
  private parts: string[] = [];

  constructor(private readonly doc: PdfDoc) {}

  emit(ops: string): void {
    this.parts.push(ops);
  }

  flush(): void {
    if (!this.parts.length) return;
    // As bytes: pdfkit would otherwise convert the string with a per-character loop.
    this.doc.addContent(Buffer.from(this.parts.join('\n') + '\n', 'latin1'));
    this.parts = [];
  }
}

/** One text object for the runs: each run placed absolutely, spaces kept as glyphs, justification as TJ offsets. */
export function runsOps(fonts: TextFonts, runs: Run[], x: number, baseline: number): string {
  const ops: string[] = ['BT'];
  let color = '';
  for (const run of runs) {
    if (!run.text) continue;
    const f = fonts.use(run.face);
    const c = rgb(run.color);
    if (c !== color) {
      ops.push(`${c} rg`);
      color = c;
    }
    ops.push(`/${f.id} ${fmt(run.size)} Tf`);
    glyphOps(ops, fonts.words(f), f, run, x + run.x, baseline - run.rise);
  }
  ops.push('ET');
  return ops.join('\n');
}

function glyphOps(ops: string[], memo: Map<string, EncodedWord>, f: PdfEmbeddedFont, run: Run, x0: number, y: number): void {
  ops.push(`1 0 0 -1 ${fmt(x0)} ${fmt(y)} Tm`);
  const words = run.text.split(' ');
  const space = encoded(memo, f, ' ');
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
    const enc = encoded(memo, f, word);
    if (enc.marks) {
      if (tj) ops.push(`[${tj}] TJ`);
      tj = '';
      markedWordOps(ops, f, word, x0 + (advance * run.size) / 1000, y, run.size);
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
 * A word as TJ operands, memoized in `memo` (per font: encoding also registers glyphs in the font's subset,
 * so the memo must not outlive the subset). The shaping comes from the process-wide word shapes; only the
 * subset ids are this document's. Does what pdfkit's `encode` does, byte for byte.
 */
function encoded(memo: Map<string, EncodedWord>, f: PdfEmbeddedFont, word: string): EncodedWord {
  let enc = memo.get(word);
  if (enc) return enc;
  const shape = wordShape(f, word, fmt);
  const { subset, widths, unicode, scale } = f;
  const kerns = shape.kerns;
  let tj = '';
  let run = '';
  const n = shape.glyphs.length;
  for (let g = 0; g < n; g++) {
    const gid = subset.includeGlyph(shape.glyphs[g]!);
    // pdfkit's encode: glyph.advanceWidth * this.scale, and the glyph's code points.
    if (widths[gid] == null) widths[gid] = shape.unitWidths[g]! * scale;
    if (unicode[gid] == null) {
      const cp = shape.codePoints[g]!;
      unicode[gid] = typeof cp === 'number' ? [cp] : cp;
    }
    run += hex4(gid);
    const kern = kerns?.[g];
    if (kern) {
      tj += `<${run}>${kern} `;
      run = '';
    }
  }
  if (run) tj += `<${run}>`;
  else if (tj) tj = tj.slice(0, -1);
  enc = { tj, advance: shape.advance, marks: shape.marks };
  memo.set(word, enc);
  return enc;
}

/** Mark positioning (Arabic, Hebrew, combining accents): each glyph placed with its own offsets. */
function markedWordOps(ops: string[], f: PdfEmbeddedFont, word: string, x0: number, y: number, size: number): void {
  const [hex, pos] = f.encode(word);
  const scale = size / 1000;
  let x = x0;
  for (let g = 0; g < hex.length; g++) {
    const p = pos[g]!;
    ops.push(`1 0 0 -1 ${fmt(x + p.xOffset * scale)} ${fmt(y - p.yOffset * scale)} Tm`, `<${hex[g]}> Tj`);
    x += p.xAdvance * scale;
  }
}
