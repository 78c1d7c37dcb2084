// Memos of paragraph layout for one font set: complete keys, bounded in size, cleared on demand.
import type { Inline } from '../../shared/model/composed-doc.js';
import type { InlineExtent, Paragraph, ParagraphOptions, TextStyle } from './layout-types.js';
import type { WordPart } from './word-breaks.js';
import { SeededValues, type Seeded, type StoredJson } from './stored-entries.js';

/*
 * Each FontSet owns one LayoutCache (fonts.ts creates it with the set), so the fonts are part of every key by
 * ownership: two font sets never share an entry. The rest of each key is everything else the result depends
 * on: the inline content, the text style (size, leading, family, emphasis, colour) and every paragraph option
 * (width, justification, alignment, hyphenation). A hit hands back the very same objects: the preview relies
 * on getting the same Line objects for an unchanged paragraph (its encoded lines are kept with them).
 */

const MAX_PARAGRAPHS = 20_000;
const MAX_EXTENTS = 20_000;
const MAX_WORDS = 100_000;
const MAX_FITS = 2_000;
/** Documents whose pages are kept: the last exported, and the one before (an export, then its other copy). */
const MAX_DOCUMENTS = 2;
/** A document longer than this (about 500 pages) is laid out each time: its pages would hold too much memory. */
const MAX_DOCUMENT_KEY_CHARS = 4_000_000;
/** A key longer than this (a huge paragraph) is not memoized: holding it would cost more than setting it again. */
const MAX_KEY_CHARS = 100_000;

/** A Map that starts again when full, and ignores keys past MAX_KEY_CHARS. */
class BoundedMemo<V> {
  private readonly map = new Map<string, V>();
  /** Entries read from the persistent cache and not asked for yet (parsed when they are): moved into `map` then. */
  private seeded: Seeded<V> = new SeededValues<V>([]);
  /** Entries set since the count was last taken (the persistent cache saves when it is not 0). */
  added = 0;

  constructor(private readonly maxEntries: number) {}

  get size(): number {
    return this.map.size + this.seeded.size;
  }

  through(key: string, compute: () => V): V {
    const hit = this.map.get(key);
    if (hit !== undefined) return hit;
    const stored = this.seeded.take(key);
    if (stored !== undefined) {
      if (this.map.size >= this.maxEntries) this.map.clear();
      this.map.set(key, stored);
      return stored;
    }
    const value = compute();
    if (key.length <= MAX_KEY_CHARS) {
      if (this.map.size >= this.maxEntries) this.map.clear();
      this.map.set(key, value);
      this.added++;
    }
    return value;
  }

  /**
   * Every entry, those of the persistent cache this process never asked for first (so a bounded save keeps the used
   * ones), those still as stored.
   */
  entries(): [string, V | StoredJson][] {
    return [...this.seeded.rest(), ...this.map];
  }

  /** Entries read back from the persistent cache (engine-cache.ts); its file holds far fewer than the bound. */
  seed(entries: Seeded<V>): void {
    this.seeded = entries;
  }

  clear(): void {
    this.map.clear();
    this.seeded.clear();
  }
}

/** Every memo's entries, for the persistent cache: those it handed over and nobody asked for are still as it stored them. */
export interface MemoEntries {
  paragraphs: [string, Paragraph | StoredJson][];
  extents: [string, InlineExtent | StoredJson][];
  words: [string, WordPart[] | StoredJson][];
  fits: [string, Inline[] | StoredJson][];
}

/** What the persistent cache hands each memo. */
export interface SeededMemos {
  paragraphs: Seeded<Paragraph>;
  extents: Seeded<InlineExtent>;
  words: Seeded<WordPart[]>;
  fits: Seeded<Inline[]>;
}

export class LayoutCache {
  private readonly paragraphs = new BoundedMemo<Paragraph>(MAX_PARAGRAPHS);
  private readonly extents = new BoundedMemo<InlineExtent>(MAX_EXTENTS);
  private readonly words = new BoundedMemo<WordPart[]>(MAX_WORDS);
  private readonly fits = new BoundedMemo<Inline[]>(MAX_FITS);

  /**
   * Whole documents laid out (layout-document.ts's LaidOutDocument, which this module does not import: fonts.ts
   * imports this one), by their content's JSON: the last few only (each holds every page's items), never kept on
   * disk. Layout is a function of the document and the font set that owns this cache.
   */
  private readonly documents = new Map<string, object>();

  /** A document's pages, laid out by `compute` unless the same document was laid out with these fonts lately. */
  document<T extends object>(key: string, compute: () => T): T {
    const hit = this.documents.get(key);
    if (hit) return hit as T;
    const laid = compute();
    if (key.length > MAX_DOCUMENT_KEY_CHARS) return laid;
    if (this.documents.size >= MAX_DOCUMENTS) this.documents.delete(this.documents.keys().next().value!);
    this.documents.set(key, laid);
    return laid;
  }

  /** A paragraph's lines, set by `compute` unless the same content was set the same way before. */
  paragraph(inlines: Inline[], style: TextStyle, opts: ParagraphOptions, compute: () => Paragraph): Paragraph {
    const key = JSON.stringify([inlines, style, opts.width, opts.justify, opts.align ?? 'left', opts.hyphenate]);
    return this.paragraphs.through(key, compute);
  }

  /** Narrowest and widest setting of inline text (independent of any width). */
  extent(inlines: Inline[], style: TextStyle, hyphenate: boolean, compute: () => InlineExtent): InlineExtent {
    return this.extents.through(JSON.stringify([inlines, style, hyphenate]), compute);
  }

  /** Break opportunities inside a word (a function of the word and whether syllables count). */
  wordBreaks(word: string, hyphenate: boolean, compute: () => WordPart[]): WordPart[] {
    return this.words.through(hyphenate ? `h${word}` : `n${word}`, compute);
  }

  /** Text cut to a number of lines (truncate.ts): the running header asks the same on every page. */
  fitted(inlines: Inline[], style: TextStyle, opts: { width: number; maxLines: number; align?: string }, compute: () => Inline[]): Inline[] {
    return this.fits.through(JSON.stringify([inlines, style, opts.width, opts.maxLines, opts.align ?? 'left']), compute);
  }

  /** Entries held, per memo. */
  sizes(): { documents: number; paragraphs: number; extents: number; words: number } {
    return { documents: this.documents.size, paragraphs: this.paragraphs.size, extents: this.extents.size, words: this.words.size };
  }

  entries(): MemoEntries {
    return { paragraphs: this.paragraphs.entries(), extents: this.extents.entries(), words: this.words.entries(), fits: this.fits.entries() };
  }

  seed(e: SeededMemos): void {
    this.paragraphs.seed(e.paragraphs);
    this.extents.seed(e.extents);
    this.words.seed(e.words);
    this.fits.seed(e.fits);
  }

  /** Entries set since the last call. */
  takeAdded(): number {
    const n = this.paragraphs.added + this.extents.added + this.words.added + this.fits.added;
    this.paragraphs.added = this.extents.added = this.words.added = this.fits.added = 0;
    return n;
  }

  /** Forget the whole documents only: the next export of one lays it out again from the paragraph memo (as after a preview). */
  clearDocuments(): void {
    this.documents.clear();
  }

  /** Forget every memoized layout (benchmarks measure cold layout with it; shaping stays cached in the faces). */
  clear(): void {
    this.documents.clear();
    this.paragraphs.clear();
    this.extents.clear();
    this.words.clear();
    this.fits.clear();
  }
}
