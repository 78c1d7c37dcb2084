// Break opportunities inside one word: after explicit hyphens and dashes, inside URLs, and at syllables.
import { syllables } from './hyphenate.js';

/** Cost of breaking at a hyphen (syllable or explicit): Knuth-Plass weighs it against loose lines. */
export const HYPHEN_COST = 50;

export interface WordPart {
  text: string;
  /** Break after this part adds a hyphen. */
  hyphen: boolean;
  cost: number;
  flagged: boolean;
}

const URL_BREAK_AFTER = /[/.?&=_#-]/;

/** The parts a word may break between (one part: nowhere). Syllables only when `hyphenate`. */
export function wordBreaks(text: string, hyphenate: boolean): WordPart[] {
  if (text.length < 6 && !/[-\u2013\u2014]/.test(text)) return [{ text, hyphen: false, cost: 0, flagged: false }];
  if (/^(https?:|mailto:|www\.)/i.test(text) && text.length > 20) {
    const parts: WordPart[] = [];
    let cur = '';
    for (const ch of text) {
      cur += ch;
      if (URL_BREAK_AFTER.test(ch) && cur.length >= 3) {
        parts.push({ text: cur, hyphen: false, cost: 100, flagged: false });
        cur = '';
      }
    }
    if (cur) parts.push({ text: cur, hyphen: false, cost: 0, flagged: false });
    return parts;
  }
  const pieces = text.split(/(?<=[\u002d\u2013\u2014])(?=.)/u);
  const parts: WordPart[] = [];
  for (const piece of pieces) {
    const explicit = /[\u002d\u2013\u2014]$/.test(piece);
    // Like TeX, a compound with its own hyphen breaks only there (no "law-en-forcement").
    const m = hyphenate && pieces.length === 1 ? /^([^\p{L}]*)(\p{L}+)([^\p{L}]*)$/u.exec(piece) : null;
    const syl = m ? [...syllables(m[2]!)] : []; // a copy: the cached array must not get punctuation
    if (m && syl.length > 1) {
      syl[0] = m[1]! + syl[0]!;
      syl[syl.length - 1] = syl[syl.length - 1]! + m[3]!;
      syl.forEach((s, k) => parts.push({ text: s, hyphen: k < syl.length - 1, cost: HYPHEN_COST, flagged: true }));
    } else parts.push({ text: piece, hyphen: false, cost: 0, flagged: false });
    if (explicit) {
      const lastPart = parts[parts.length - 1]!;
      lastPart.cost = HYPHEN_COST;
      lastPart.flagged = piece.endsWith('-');
    }
  }
  return parts;
}
