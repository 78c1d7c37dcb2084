// Simple bidi at word level: the direction of text and the visual order of a line's words.
import { appendAll } from './append.js';

export type Direction = 'rtl' | 'ltr' | 'neutral';

export function isRtlCodePoint(cp: number): boolean {
  return (cp >= 0x0590 && cp <= 0x08ff) || (cp >= 0xfb1d && cp <= 0xfdff) || (cp >= 0xfe70 && cp <= 0xfefc);
}

/** Direction of the first strong character (letters; digits and punctuation are neutral). */
export function direction(text: string): Direction {
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (isRtlCodePoint(cp) && /\p{L}/u.test(ch)) return 'rtl';
    if (/\p{L}/u.test(ch)) return 'ltr';
  }
  return 'neutral';
}

/** A paragraph whose first strong character is right-to-left is set right to left. */
export function paragraphIsRtl(texts: readonly { text: string }[]): boolean {
  for (const t of texts) {
    const d = direction(t.text);
    if (d !== 'neutral') return d === 'rtl';
  }
  return false;
}

/** What reordering needs of a line element: a word fragment's text, or the mark of a space between words. */
export interface BidiElement {
  seg?: { text: string };
  space?: unknown;
}

/**
 * fontkit already orders the glyphs inside a right-to-left word; this orders the words. In a left-to-right
 * paragraph each run of right-to-left words is reversed; in a right-to-left paragraph the line is reversed
 * and runs of left-to-right words are turned back. Neutral words follow their neighbour.
 */
export function reorderWords<E extends BidiElement>(elements: E[], rtlParagraph: boolean): E[] {
  if (!rtlParagraph && !elements.some((e) => e.seg && direction(e.seg.text) === 'rtl')) return elements;
  const words: E[][] = [];
  const spaces: E[] = [];
  let cur: E[] = [];
  for (const e of elements) {
    if (e.space) {
      words.push(cur);
      spaces.push(e);
      cur = [];
    } else cur.push(e);
  }
  words.push(cur);
  const base: Direction = rtlParagraph ? 'rtl' : 'ltr';
  const dirs: Direction[] = words.map((w) => direction(w.map((e) => e.seg?.text ?? '').join('')));
  for (let i = 0; i < dirs.length; i++) if (dirs[i] === 'neutral') dirs[i] = i > 0 ? dirs[i - 1]! : base;
  const other: Direction = rtlParagraph ? 'ltr' : 'rtl';
  let order = words.map((_, i) => i);
  if (rtlParagraph) order.reverse();
  // Reverse each maximal run of words that go against the paragraph direction.
  const fixed: number[] = [];
  let i = 0;
  while (i < order.length) {
    if (dirs[order[i]!] !== other) {
      fixed.push(order[i]!);
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < order.length && dirs[order[j + 1]!] === other) j++;
    for (let k = j; k >= i; k--) fixed.push(order[k]!);
    i = j + 1;
  }
  order = fixed;
  const out: E[] = [];
  order.forEach((wi, k) => {
    appendAll(out, words[wi]!);
    if (k < spaces.length) out.push(spaces[k]!);
  });
  return out;
}
