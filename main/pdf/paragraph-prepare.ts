// Paragraph step 2, prepare: words measured and split (hyphenation, URL breaks, forced cuts) into box/glue/penalty items.
import type { FontSet } from './fonts.js';
import type { LayoutCache } from './layout-cache.js';
import { INFINITY_COST, box, glue, penalty, type Item } from './linebreak.js';
import { tokenize, type TokenSink, type WordSpan } from './paragraph-collect.js';
import type { Piece } from './text-runs.js';
import { HYPHEN_COST, wordBreaks, type WordPart } from './word-breaks.js';
import { appendAll } from './append.js';

/** A measured word fragment in one piece. */
export interface Seg {
  piece: number;
  text: string;
  width: number;
}

/** What each item stands for, for setting the lines once the breaks are chosen (parallel to the items). */
export type Meta =
  | { kind: 'box'; segs: Seg[] }
  | { kind: 'space'; piece: number }
  | { kind: 'hyphen'; piece: number }
  | { kind: 'gap' } // a break opportunity that adds nothing (after '/', inside a forced split)
  | { kind: 'fill' }
  | { kind: 'break' };

export interface Prepared {
  items: Item[];
  meta: Meta[];
}

export interface PrepareOptions {
  width: number;
  /** Justified spaces stretch and shrink; ragged ones do not. */
  justify: boolean;
  /** 'long-words': only words wider than the line are hyphenated. */
  hyphenate: boolean | 'long-words';
}

const FILL = 100_000;
/** Past this many characters a word is only ever cut by characters (see wordEntries). */
export const LONG_WORD_CHARS = 500;

type Entry = readonly [Item, Meta];

/** The items of a paragraph's pieces, built as collect finds their words, spaces and breaks. */
export function prepare(fonts: FontSet, pieces: Piece[], opts: PrepareOptions): Prepared {
  const b = new ItemBuilder(fonts, pieces, opts);
  tokenize(pieces, b);
  return { items: b.items, meta: b.meta };
}

/**
 * Builds the box/glue/penalty list. Items of a word are memoized by piece and text and shared between its
 * occurrences (the line breakers only read them): long paragraphs repeat words, and allocation was the cost.
 */
class ItemBuilder implements TokenSink {
  readonly items: Item[] = [];
  readonly meta: Meta[] = [];
  private readonly wordMemo = new Map<string, Entry[]>();
  private readonly spaceMemo = new Map<number, Entry>();
  private readonly splits: LayoutCache;

  constructor(
    private readonly fonts: FontSet,
    private readonly pieces: Piece[],
    private readonly opts: PrepareOptions,
  ) {
    this.splits = fonts.layout;
  }

  private width(p: Piece, text: string): number {
    return (this.fonts.faces[p.face].advance(text) * p.size) / 1000;
  }

  private push(e: Entry): void {
    this.items.push(e[0]);
    this.meta.push(e[1]);
  }

  forcedBreak(): void {
    this.items.push(glue(0, FILL, 0), penalty(0, -INFINITY_COST, false));
    this.meta.push({ kind: 'fill' }, { kind: 'break' });
  }

  space(pi: number): void {
    let e = this.spaceMemo.get(pi);
    if (!e) {
      const w = this.width(this.pieces[pi]!, ' ');
      e = [this.opts.justify ? glue(w, w * 0.5, w * 0.33) : glue(w, 0, 0), { kind: 'space', piece: pi }];
      this.spaceMemo.set(pi, e);
    }
    this.push(e);
  }

  /** A word that mixes styles stays whole (no hyphenation). */
  mixedWord(spans: WordSpan[]): void {
    const segs: Seg[] = spans.map((s) => ({ piece: s.piece, text: s.text, width: this.width(this.pieces[s.piece]!, s.text) }));
    const total = segs.reduce((sum, g) => sum + g.width, 0);
    this.push([box(total), { kind: 'box', segs }]);
  }

  word(pi: number, text: string): void {
    const key = `${pi}\u0000${text}`;
    let entries = this.wordMemo.get(key);
    if (!entries) {
      entries = this.wordEntries(pi, text);
      this.wordMemo.set(key, entries);
    }
    for (const e of entries) this.push(e);
  }

  /** Boxes of a one-piece word, with hyphenation points and forced cuts for a word longer than a line. */
  private wordEntries(pi: number, text: string): Entry[] {
    // No line holds a word this long at any size we set: cut it by characters straight away. Shaping it whole
    // (and looking for syllables in it) cost time and memory out of all proportion (a 3 MB word: 13.6 s, 1.9 GB).
    if (text.length > LONG_WORD_CHARS) return this.boxes(pi, text, Number.POSITIVE_INFINITY);
    const p = this.pieces[pi]!;
    const opts = this.opts;
    const whole = this.width(p, text);
    const hyphenate = opts.hyphenate === true || (opts.hyphenate === 'long-words' && whole > opts.width);
    const parts: WordPart[] = this.splits.wordBreaks(text, hyphenate, () => wordBreaks(text, hyphenate));
    const out: Entry[] = [];
    parts.forEach((part, k) => {
      const w = parts.length === 1 ? whole : this.width(p, part.text);
      appendAll(out, this.boxes(pi, part.text, w));
      if (k < parts.length - 1) {
        if (part.hyphen) out.push([penalty(this.width(p, '-'), HYPHEN_COST, true), { kind: 'hyphen', piece: pi }]);
        else out.push([penalty(0, part.cost, part.flagged), { kind: 'gap' }]);
      }
    });
    return out;
  }

  private boxes(pi: number, text: string, width: number): Entry[] {
    if (width <= this.opts.width) return [[box(width), { kind: 'box', segs: [{ piece: pi, text, width }] }]];
    // Longer than a line: cut by characters so it can be set at all. Chunks are estimated from single
    // characters, then measured whole (kerning inside a run differs) and trimmed until they fit.
    const p = this.pieces[pi]!;
    const chars = Array.from(text);
    const out: Entry[] = [];
    let from = 0;
    while (from < chars.length) {
      let to = from;
      let estimate = 0;
      while (to < chars.length && (to === from || estimate + this.width(p, chars[to]!) <= this.opts.width)) estimate += this.width(p, chars[to++]!);
      let chunk = chars.slice(from, to).join('');
      let w = this.width(p, chunk);
      while (w > this.opts.width && to - from > 1) {
        to--;
        chunk = chars.slice(from, to).join('');
        w = this.width(p, chunk);
      }
      if (out.length) out.push([penalty(0, 0, false), { kind: 'gap' }]);
      out.push([box(w), { kind: 'box', segs: [{ piece: pi, text: chunk, width: w }] }]);
      from = to;
    }
    return out;
  }
}
