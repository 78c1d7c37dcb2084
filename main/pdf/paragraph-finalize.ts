// Paragraph step 4, finalize: chosen breaks -> lines of positioned runs (justified spaces, bidi order, alignment).
import { paragraphIsRtl, reorderWords } from './bidi.js';
import { faceFor } from './faces.js';
import type { FontSet } from './fonts.js';
import type { Line, Run, TextStyle } from './layout-types.js';
import { BOX, type Break } from './linebreak.js';
import type { Prepared, Seg } from './paragraph-prepare.js';
import type { Piece } from './text-runs.js';

export interface FinalizeOptions {
  fonts: FontSet;
  pieces: Piece[];
  prepared: Prepared;
  breaks: Break[];
  style: TextStyle;
  width: number;
  justify: boolean;
  align: 'left' | 'center' | 'right';
  /** The paragraph has right-to-left characters (words may need reordering). */
  bidi: boolean;
}

/** How every line of the paragraph is set: what buildLine needs besides the line's own span. */
interface LineSetting {
  fonts: FontSet;
  pieces: Piece[];
  prepared: Prepared;
  leading: number;
  baseline: number;
  bidi: boolean;
  rtl: boolean;
}

/** One line's stretch of items and how its glue is set. */
interface LineSpan {
  from: number;
  /** The break item the line ends at. */
  to: number;
  ratio: number;
  /** Add an invisible space at the end (the line ends at a space, so copied text keeps words apart). */
  trailingSpace: boolean;
}

export function finalizeLines(o: FinalizeOptions): Line[] {
  const { fonts, style, prepared, breaks } = o;
  const rtl = o.bidi && paragraphIsRtl(o.pieces);
  // Baseline from the style's own face, so a paragraph starting in a fallback font lines up with the rest.
  const primary = fonts.faces[faceFor(style.family, !!style.bold, !!style.italic)];
  const textHeight = ((primary.ascender - primary.descender) * style.size) / 1000;
  const baseline = (style.leading - textHeight) / 2 + (primary.ascender * style.size) / 1000;
  const setting: LineSetting = { fonts, pieces: o.pieces, prepared, leading: style.leading, baseline, bidi: o.bidi, rtl };
  const lines: Line[] = [];
  let start = 0;
  for (let li = 0; li < breaks.length; li++) {
    const br = breaks[li]!;
    const last = li === breaks.length - 1;
    // A break right before the paragraph end or a forced line break: set loose, never stretched.
    const final = prepared.meta[br.position]!.kind === 'break';
    const ratio = o.justify && !final ? br.ratio : Math.min(br.ratio, 0);
    // Only a line ending at a space gets the invisible trailing space (not a hyphen or a cut inside a word).
    const atSpace = prepared.meta[br.position]!.kind === 'space';
    const line = buildLine(setting, { from: start, to: br.position, ratio, trailingSpace: atSpace && !last });
    // Right-to-left paragraphs end their short lines at the right margin.
    const align = rtl && (!o.justify || final) ? 'right' : o.justify ? 'left' : o.align;
    if (align !== 'left') {
      const offset = align === 'center' ? (o.width - line.width) / 2 : o.width - line.width;
      for (const run of line.runs) run.x += Math.max(0, offset);
    }
    lines.push(line);
    start = br.position + 1;
  }
  return lines;
}

interface Element {
  seg?: Seg;
  /** A space: its piece and its set width. */
  space?: { piece: number; width: number };
}

function buildLine(s: LineSetting, span: LineSpan): Line {
  const { fonts, pieces } = s;
  const { items, meta } = s.prepared;
  const { from, to, ratio } = span;
  const elements: Element[] = [];
  let first = from;
  while (first < to && items[first]!.type !== BOX) first++;
  for (let i = first; i <= to; i++) {
    const m = meta[i]!;
    const it = items[i]!;
    if (m.kind === 'box') for (const seg of m.segs) elements.push({ seg });
    else if (m.kind === 'space' && i < to) {
      const set = it.width + (ratio >= 0 ? ratio * it.stretch : ratio * it.shrink);
      elements.push({ space: { piece: m.piece, width: set } });
    } else if (m.kind === 'hyphen' && i === to) {
      const p = pieces[m.piece]!;
      elements.push({ seg: { piece: m.piece, text: '-', width: (fonts.faces[p.face].advance('-') * p.size) / 1000 } });
    }
  }
  const ordered = s.bidi ? reorderWords(elements, s.rtl) : elements;
  const runs: Run[] = [];
  let x = 0;
  let current: Run | null = null;
  let currentPiece = -1;
  for (const el of ordered) {
    if (el.seg) {
      const p = pieces[el.seg.piece]!;
      if (!current || !samePieceStyle(pieces[currentPiece]!, p)) {
        current = { x, text: '', face: p.face, size: p.size, color: p.color, rise: p.rise, spaceExtra: 0, width: 0, role: p.role, ...(p.link ? { link: p.link } : {}) };
        runs.push(current);
        currentPiece = el.seg.piece;
      }
      current.text += el.seg.text;
      current.width += el.seg.width;
      x += el.seg.width;
    } else if (el.space) {
      // The space glyph is drawn in the face of the run it follows; the set width decides the extra.
      const host: Run | null = current;
      if (host) {
        const natural: number = (fonts.faces[host.face].advance(' ') * host.size) / 1000;
        const extra: number = el.space.width - natural;
        const spaces = countSpaces(host.text);
        if (spaces > 0 && Math.abs(extra - host.spaceExtra) > 0.01) {
          // A different extra than earlier spaces of this run: start a fresh run for the rest.
          const fresh: Run = { ...host, x, text: ' ', width: el.space.width, spaceExtra: extra };
          runs.push(fresh);
          current = fresh;
        } else {
          host.spaceExtra = extra;
          host.text += ' ';
          host.width += el.space.width;
        }
      }
      x += el.space.width;
    }
  }
  if (span.trailingSpace && current && !current.text.endsWith(' ')) {
    // Not visible (past the last word) but keeps words apart when the text is copied or extracted.
    current.text += ' ';
  }
  return { runs, width: x, height: s.leading, baseline: s.baseline };
}

function countSpaces(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 32) n++;
  return n;
}

function samePieceStyle(a: Piece, b: Piece): boolean {
  return a.face === b.face && a.size === b.size && a.color === b.color && a.rise === b.rise && a.role === b.role && linkKey(a) === linkKey(b);
}

function linkKey(p: Piece): string {
  if (!p.link) return '';
  return 'uri' in p.link ? `u:${p.link.uri}` : `d:${p.link.dest}`;
}
