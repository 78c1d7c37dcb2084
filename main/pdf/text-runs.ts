// Inline runs of the document tree -> styled pieces, each in a face that has its glyphs (fallback by character).
import type { Inline } from '../../shared/model/composed-doc.js';
import { isRtlCodePoint } from './bidi.js';
import { FALLBACK_FACES, faceFor, type FaceId } from './faces.js';
import type { FontSet } from './fonts.js';
import type { LinkTarget, Rgb, RunRole, TextStyle } from './layout-types.js';
import type { TextNotes } from './warnings.js';

export const LINK_COLOR: Rgb = [0.06, 0.27, 0.55];
export const PLACEHOLDER_COLOR: Rgb = [0.78, 0.05, 0.05];

/** A stretch of text in one face, size and colour; a `break` piece is a forced line break. */
export interface Piece {
  text: string;
  face: FaceId;
  size: number;
  color: Rgb;
  rise: number;
  link?: LinkTarget;
  role: RunRole;
  brk?: boolean;
}

export function noteDest(n: number): string {
  return `note-${n}`;
}

// Whitespace becomes a plain space; soft hyphens, zero-width and other control characters are dropped
// (they would otherwise reach the PDF as invisible glyphs or boxes).
const WHITESPACE = /[\t\n\r\f\v\u2028\u2029]/g;
// eslint-disable-next-line no-control-regex -- control characters are exactly what is being removed
const INVISIBLE = /[\u0000-\u0008\u000e-\u001f\u007f-\u009f\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]/g;

export function cleanText(text: string): string {
  return text.replace(WHITESPACE, ' ').replace(INVISIBLE, '');
}

/** Resolve inline styles, then split each run where the chosen face lacks a character. */
export function toPieces(fonts: FontSet, inlines: Inline[], style: TextStyle, notes: TextNotes): Piece[] {
  const out: Piece[] = [];
  for (const inline of inlines) {
    switch (inline.kind) {
      case 'text': {
        const family = inline.code ? 'mono' : style.family;
        const bold = !!style.bold || !!inline.bold;
        // Emphasis inside italic text is set upright (the typographic convention).
        const italic = !!style.italic !== !!inline.italic;
        const base: Omit<Piece, 'text' | 'face'> = {
          size: inline.code ? style.size * 0.88 : style.size,
          color: inline.href ? LINK_COLOR : style.color,
          rise: 0,
          role: inline.href ? 'link' : 'text',
          ...(inline.href ? { link: { uri: inline.href } } : {}),
        };
        splitByCoverage(fonts, cleanText(inline.text), faceFor(family, bold, italic), base, out, notes);
        break;
      }
      case 'note':
        out.push({
          text: String(inline.n),
          face: faceFor(style.family === 'mono' ? 'serif' : style.family, false, false),
          size: style.size * 0.62,
          color: LINK_COLOR,
          rise: style.size * 0.36,
          role: 'noteref',
          link: { dest: noteDest(inline.n) },
        });
        break;
      case 'placeholder': {
        const base = { size: style.size, color: PLACEHOLDER_COLOR, rise: 0, role: 'text' as const };
        const family = style.family === 'mono' ? 'sans' : style.family;
        splitByCoverage(fonts, cleanText(inline.text), faceFor(family, true, false), base, out, notes);
        break;
      }
      case 'break':
        out.push({ text: '', face: faceFor(style.family, false, false), size: style.size, color: style.color, rise: 0, role: 'text', brk: true });
        break;
    }
  }
  return out;
}

function splitByCoverage(fonts: FontSet, text: string, primary: FaceId, base: Omit<Piece, 'text' | 'face'>, out: Piece[], notes: TextNotes): void {
  if (!text) return;
  const main = fonts.faces[primary];
  let current: FaceId = primary;
  let start = 0;
  let i = 0;
  while (i < text.length) {
    const cp = text.codePointAt(i)!;
    const len = cp > 0xffff ? 2 : 1;
    let face: FaceId = primary;
    if (cp !== 0x20 && !main.covers(cp)) {
      const fallback = FALLBACK_FACES.find((f) => fonts.faces[f].covers(cp));
      if (fallback) face = fallback;
      else notes.missing.add(cp);
    }
    if (isRtlCodePoint(cp)) notes.rtl = true;
    // A space keeps the face of the text around it rather than starting a new piece.
    if (cp !== 0x20 && face !== current) {
      if (i > start) out.push({ ...base, text: text.slice(start, i), face: current });
      start = i;
      current = face;
    }
    i += len;
  }
  out.push({ ...base, text: text.slice(start), face: current });
}
