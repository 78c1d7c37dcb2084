// Paragraph layout: inline runs -> words -> Knuth-Plass items -> justified lines, memoized by content key.
import type { Inline } from '../../shared/model/composed-doc.js';
import { faceFor } from './faces.js';
import type { FontSet } from './fonts.js';
import { syllables } from './hyphenate.js';
import type { Line, Run, TextStyle } from './layout-types.js';
import { BOX, INFINITY_COST, PENALTY, box, firstFit, glue, knuthPlass, penalty, type Break, type Item } from './linebreak.js';
import { isRtlCodePoint, toPieces, type Piece } from './text-runs.js';
import { emptyNotes, type TextNotes } from './warnings.js';

export interface ParagraphOptions {
  width: number;
  /** Justify with Knuth-Plass; otherwise ragged (first-fit), aligned as given. */
  justify: boolean;
  align?: 'left' | 'center' | 'right';
  /** 'long-words': only words wider than the line (ragged text, table cells) are hyphenated. */
  hyphenate: boolean | 'long-words';
}

export interface Paragraph {
  lines: Line[];
  notes: TextNotes;
}

/** Knuth-Plass is kept for paragraphs up to this many items; beyond, first-fit keeps time linear. */
const MAX_OPTIMAL_ITEMS = 60_000;
const FILL = 100_000;
const HYPHEN_COST = 50;
const MAX_CACHE_ENTRIES = 20_000;
const MAX_CACHED_CHARS = 100_000;

/** A word fragment in one piece. */
interface Seg {
  piece: number;
  text: string;
  width: number;
}
type Meta =
  | { kind: 'box'; segs: Seg[] }
  | { kind: 'space'; piece: number }
  | { kind: 'hyphen'; piece: number }
  | { kind: 'gap' } // a break opportunity that adds nothing (after '/', inside a forced split)
  | { kind: 'fill' }
  | { kind: 'break' };

const cache = new Map<string, Paragraph>();

/** Lay out a paragraph; identical content, style and width return the cached lines. */
export function layoutInlines(fonts: FontSet, inlines: Inline[], style: TextStyle, opts: ParagraphOptions): Paragraph {
  const key = JSON.stringify([inlines, style, opts.width, opts.justify, opts.align ?? 'left', opts.hyphenate]);
  const hit = cache.get(key);
  if (hit) return hit;
  const result = layoutUncached(fonts, inlines, style, opts);
  if (key.length <= MAX_CACHED_CHARS) {
    if (cache.size >= MAX_CACHE_ENTRIES) cache.clear();
    cache.set(key, result);
  }
  return result;
}

function layoutUncached(fonts: FontSet, inlines: Inline[], style: TextStyle, opts: ParagraphOptions): Paragraph {
  const notes = emptyNotes();
  const pieces = toPieces(fonts, inlines, style, notes);
  const { items, meta } = buildItems(fonts, pieces, opts);
  const widths = [opts.width];
  let breaks: Break[] | null = null;
  if (opts.justify && items.length <= MAX_OPTIMAL_ITEMS) {
    breaks = knuthPlass(items, { widths, tolerance: 2 }) ?? knuthPlass(items, { widths, tolerance: 8 });
  }
  breaks ??= firstFit(items, widths);
  // Word reordering is skipped outright for the (usual) paragraph without right-to-left characters.
  const bidi = notes.rtl;
  const rtl = bidi && paragraphIsRtl(pieces);
  // Baseline from the style's own face, so a paragraph starting in a fallback font lines up with the rest.
  const primary = fonts.faces[faceFor(style.family, !!style.bold, !!style.italic)];
  const textHeight = ((primary.ascender - primary.descender) * style.size) / 1000;
  const baseline = (style.leading - textHeight) / 2 + (primary.ascender * style.size) / 1000;
  const lines: Line[] = [];
  let start = 0;
  for (let li = 0; li < breaks.length; li++) {
    const br = breaks[li]!;
    const last = li === breaks.length - 1;
    const ratio = opts.justify && !isFinalBreak(meta, br.position) ? br.ratio : Math.min(br.ratio, 0);
    // Only a line ending at a space gets the invisible trailing space (not a hyphen or a cut inside a word).
    const atSpace = meta[br.position]!.kind === 'space';
    const line = buildLine(fonts, pieces, items, meta, start, br.position, ratio, atSpace && !last, style, baseline, bidi, rtl);
    // Right-to-left paragraphs end their short lines at the right margin.
    const align = rtl && (!opts.justify || isFinalBreak(meta, br.position)) ? 'right' : opts.justify ? 'left' : (opts.align ?? 'left');
    if (align !== 'left') {
      const offset = align === 'center' ? (opts.width - line.width) / 2 : opts.width - line.width;
      for (const run of line.runs) run.x += Math.max(0, offset);
    }
    lines.push(line);
    start = br.position + 1;
  }
  return { lines, notes };
}

/** A break right before the paragraph end or a forced line break: set loose, never stretched. */
function isFinalBreak(meta: Meta[], position: number): boolean {
  const m = meta[position]!;
  return m.kind === 'break';
}

function buildItems(fonts: FontSet, pieces: Piece[], opts: ParagraphOptions): { items: Item[]; meta: Meta[] } {
  const b = new ItemBuilder(fonts, pieces, opts);
  for (let pi = 0; pi < pieces.length; pi++) b.addPiece(pi);
  b.flushWord();
  b.forcedBreak();
  return { items: b.items, meta: b.meta };
}

type Entry = readonly [Item, Meta];

/**
 * Builds the box/glue/penalty list. Items of a word are memoized by piece and text and shared between its
 * occurrences (the line breakers only read them): long paragraphs repeat words, and allocation was the cost.
 */
class ItemBuilder {
  readonly items: Item[] = [];
  readonly meta: Meta[] = [];
  /** Segments of a word that spans pieces (a style change inside a word). */
  private word: Seg[] = [];
  /** Piece of a space waiting to become glue before the next word (-1: none). */
  private pendingSpace = -1;
  private readonly wordMemo = new Map<string, Entry[]>();
  private readonly spaceMemo = new Map<number, Entry>();

  constructor(
    private readonly fonts: FontSet,
    private readonly pieces: Piece[],
    private readonly opts: ParagraphOptions,
  ) {}

  private width(p: Piece, text: string): number {
    return (this.fonts.faces[p.face].advance(text) * p.size) / 1000;
  }

  private push(e: Entry): void {
    this.items.push(e[0]);
    this.meta.push(e[1]);
  }

  addPiece(pi: number): void {
    const p = this.pieces[pi]!;
    if (p.brk) {
      this.flushWord();
      this.forcedBreak();
      this.pendingSpace = -1;
      return;
    }
    const text = p.text;
    let i = 0;
    while (i < text.length) {
      const sp = text.indexOf(' ', i);
      const end = sp < 0 ? text.length : sp;
      if (end > i) {
        const t = text.slice(i, end);
        if (sp >= 0 && this.word.length === 0) this.emitWord(pi, t); // common case: a whole word in one piece
        else this.word.push({ piece: pi, text: t, width: this.width(p, t) });
      }
      if (sp < 0) break;
      // A space ends the word; runs of spaces collapse into one.
      if (this.word.length) {
        this.flushWord();
        this.pendingSpace = pi;
      } else if (this.items.length > 0 && this.pendingSpace < 0 && this.meta[this.meta.length - 1]!.kind !== 'break') this.pendingSpace = pi;
      i = sp + 1;
    }
  }

  forcedBreak(): void {
    this.items.push(glue(0, FILL, 0), penalty(0, -INFINITY_COST, false));
    this.meta.push({ kind: 'fill' }, { kind: 'break' });
  }

  flushWord(): void {
    const segs = this.word;
    if (!segs.length) return;
    this.word = [];
    if (segs.length === 1) {
      this.emitWord(segs[0]!.piece, segs[0]!.text);
      return;
    }
    // A word that mixes styles stays whole (no hyphenation).
    this.emitSpace();
    const total = segs.reduce((sum, g) => sum + g.width, 0);
    this.push([box(total), { kind: 'box', segs }]);
  }

  private emitSpace(): void {
    const pi = this.pendingSpace;
    this.pendingSpace = -1;
    if (pi < 0 || this.items.length === 0) return;
    let e = this.spaceMemo.get(pi);
    if (!e) {
      const w = this.width(this.pieces[pi]!, ' ');
      e = [this.opts.justify ? glue(w, w * 0.5, w * 0.33) : glue(w, 0, 0), { kind: 'space', piece: pi }];
      this.spaceMemo.set(pi, e);
    }
    this.push(e);
  }

  private emitWord(pi: number, text: string): void {
    this.emitSpace();
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
    const p = this.pieces[pi]!;
    const opts = this.opts;
    const whole = this.width(p, text);
    const hyphenate = opts.hyphenate === true || (opts.hyphenate === 'long-words' && whole > opts.width);
    const parts = splitWord(text, hyphenate);
    const out: Entry[] = [];
    parts.forEach((part, k) => {
      const w = parts.length === 1 ? whole : this.width(p, part.text);
      out.push(...this.boxes(pi, part.text, w));
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

interface Part {
  text: string;
  /** Break after this part adds a hyphen. */
  hyphen: boolean;
  cost: number;
  flagged: boolean;
}

const URL_BREAK_AFTER = /[/.?&=_#-]/;

const splitCache = new Map<string, Part[]>();

/** Break opportunities inside a word, memoized (words repeat; the regular expressions are not cheap). */
function splitWord(text: string, hyphenate: boolean): Part[] {
  const key = hyphenate ? `h${text}` : `n${text}`;
  let parts = splitCache.get(key);
  if (!parts) {
    parts = splitWordUncached(text, hyphenate);
    if (splitCache.size >= MAX_CACHE_ENTRIES * 5) splitCache.clear();
    splitCache.set(key, parts);
  }
  return parts;
}

/** Break opportunities inside a word: after explicit hyphens and dashes, inside URLs, and at syllables. */
function splitWordUncached(text: string, hyphenate: boolean): Part[] {
  if (text.length < 6 && !/[-\u2013\u2014]/.test(text)) return [{ text, hyphen: false, cost: 0, flagged: false }];
  if (/^(https?:|mailto:|www\.)/i.test(text) && text.length > 20) {
    const parts: Part[] = [];
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
  const parts: Part[] = [];
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

interface Element {
  seg?: Seg;
  /** A space: its piece and its set width. */
  space?: { piece: number; width: number };
}

function buildLine(
  fonts: FontSet,
  pieces: Piece[],
  items: Item[],
  meta: Meta[],
  from: number,
  to: number,
  ratio: number,
  addTrailingSpace: boolean,
  style: TextStyle,
  baseline: number,
  bidi: boolean,
  rtl: boolean,
): Line {
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
  const ordered = bidi ? reorderWords(elements, rtl) : elements;
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
  if (addTrailingSpace && current && !current.text.endsWith(' ')) {
    // Not visible (past the last word) but keeps words apart when the text is copied or extracted.
    current.text += ' ';
  }
  return { runs, width: x, height: style.leading, baseline };
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

type Dir = 'rtl' | 'ltr' | 'neutral';

/** Direction of the first strong character (letters; digits and punctuation are neutral). */
function direction(text: string): Dir {
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (isRtlCodePoint(cp) && /\p{L}/u.test(ch)) return 'rtl';
    if (/\p{L}/u.test(ch)) return 'ltr';
  }
  return 'neutral';
}

/** A paragraph whose first strong character is right-to-left is set right to left. */
export function paragraphIsRtl(pieces: Piece[]): boolean {
  for (const p of pieces) {
    const d = direction(p.text);
    if (d !== 'neutral') return d === 'rtl';
  }
  return false;
}

/**
 * Simple bidi at word level (fontkit already orders the glyphs inside a right-to-left word): in a
 * left-to-right paragraph each run of right-to-left words is reversed; in a right-to-left paragraph the
 * line is reversed and runs of left-to-right words are turned back. Neutral words follow their neighbour.
 */
function reorderWords(elements: Element[], rtlParagraph: boolean): Element[] {
  if (!rtlParagraph && !elements.some((e) => e.seg && direction(e.seg.text) === 'rtl')) return elements;
  const words: Element[][] = [];
  const spaces: Element[] = [];
  let cur: Element[] = [];
  for (const e of elements) {
    if (e.space) {
      words.push(cur);
      spaces.push(e);
      cur = [];
    } else cur.push(e);
  }
  words.push(cur);
  const base: Dir = rtlParagraph ? 'rtl' : 'ltr';
  const dirs: Dir[] = words.map((w) => direction(w.map((e) => e.seg?.text ?? '').join('')));
  for (let i = 0; i < dirs.length; i++) if (dirs[i] === 'neutral') dirs[i] = i > 0 ? dirs[i - 1]! : base;
  const other: Dir = rtlParagraph ? 'ltr' : 'rtl';
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
  const out: Element[] = [];
  order.forEach((wi, k) => {
    out.push(...words[wi]!);
    if (k < spaces.length) out.push(spaces[k]!);
  });
  return out;
}

/** Narrowest and widest a piece of inline text can be set: its widest unbreakable part, and one line. */
export function measureInlines(fonts: FontSet, inlines: Inline[], style: TextStyle, hyphenate: boolean): { min: number; max: number } {
  const key = JSON.stringify([inlines, style, hyphenate]);
  const hit = measureCache.get(key);
  if (hit) return hit;
  const pieces = toPieces(fonts, inlines, style, emptyNotes());
  const { items, meta } = buildItems(fonts, pieces, { width: Number.MAX_VALUE, justify: false, hyphenate });
  let min = 0;
  let max = 0;
  let run = 0; // boxes not separated by a break opportunity are set together
  for (let i = 0; i < items.length; i++) {
    const it = items[i]!;
    if (it.type === BOX) run += it.width;
    else {
      const m = meta[i]!;
      min = Math.max(min, run + (m.kind === 'hyphen' ? it.width : 0));
      run = 0;
    }
    if (it.type !== PENALTY) max += it.width;
  }
  min = Math.max(min, run);
  const result = { min, max: Math.max(max, min) };
  if (measureCache.size >= MAX_CACHE_ENTRIES) measureCache.clear();
  if (key.length <= MAX_CACHED_CHARS) measureCache.set(key, result);
  return result;
}

const measureCache = new Map<string, { min: number; max: number }>();

/** Forget memoized paragraph layouts (benchmarks measure cold layout with it; shaping stays cached). */
export function clearLayoutCaches(): void {
  cache.clear();
  measureCache.clear();
  splitCache.clear();
}
