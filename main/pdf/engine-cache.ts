// Persistent engine cache: shaped words, paragraph layouts, word breaks and font subsets kept on disk between processes, keyed by the font files' bytes and the build.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { GlyphRun } from 'fontkit';
import { FACE_FILES, type FaceId } from './faces.js';
import type { MemoEntries, SeededMemos } from './layout-cache.js';
import type { Paragraph } from './layout-types.js';
import { asciiJson, StoredEntries, StoredJson, storedLine } from './stored-entries.js';

/*
 * A cold `briefing export` spent most of its time computing things that depend only on the text, the fonts and
 * the engine's code: fontkit shaping of each word (about 35% of the process), Knuth-Plass and hyphenation of each
 * paragraph, and re-encoding the same font subsets. Those results are pure functions of their keys, so one
 * process can hand them to the next:
 *  - the file's name carries a hash of the build (the engine's code and packages, given by the caller) and of
 *    every bundled font file's bytes, so another build or another font gives another file, never a stale hit;
 *  - inside, the keys are the in-process memos' own complete keys (layout-cache.ts, fonts.ts, pdfkit-patches.ts);
 *  - the payload is checked against a SHA-256 kept in front of it: a truncated or damaged file is ignored (and
 *    replaced by the next save), never half-used;
 *  - it is written to a temp file and renamed, and only when a render added something; files of other keys
 *    are removed then, but for the two most recent.
 * Deleting the folder only costs the next export its speed. Tests prove the bytes are the same with the cache,
 * without it, and with another build's or a corrupt one.
 */

/** Bump when the stored layout changes shape (the build id changes with any code change anyway). */
const FORMAT = 4;
const PREFIX = 'engine-';
const SUFFIX = '.json';
/** Bounds on what one file holds, so a long app session does not grow it without end. */
/*
 * What one file keeps, so that reading it stays far cheaper than what it saves (a section's keys are indexed at
 * its first lookup, each value parsed when asked for: stored-entries.ts). Entries this process used are kept
 * first, then the most recent.
 */
const MAX_RUNS_PER_FACE = 12_000;
const MAX_SUBSETS = 64;
const MAX_MEMO: { [K in keyof MemoEntries]: number } = { paragraphs: 3_000, extents: 1_000, words: 15_000, fits: 300 };
const KEEP_OTHER_FILES = 2;

export interface EngineCacheOptions {
  /** The cache folder (the app's <userData>/cache, the CLI's per-user cache folder). */
  dir: string;
  /** Names the code that produced the results: a hash of the engine's build (scripts/build-node.mjs sets one). */
  buildId: string;
  /** Wait this long after a render before saving (the app batches its previews); 0 saves as soon as the render returns. */
  saveDelayMs?: number;
  /**
   * A read-only folder with a file built with the app (scripts/build-node.mjs exports the examples at build time),
   * read when the cache folder has none yet: the first export on a machine starts from the bundled library's words
   * and paragraphs. Its file has the same name, so only the same build and fonts ever use it.
   */
  seedDir?: string;
  /** Read the file, never write it (a batch export's helper threads: the main thread of the process keeps it). */
  readOnly?: boolean;
}

/** A shaped run as stored: glyph ids, their advance widths (font units), code points, and 5 numbers per position. */
export type StoredRun = [number[], number[], (number | number[])[], number[]];

/**
 * What the cache holds for one face, handed over when the face loads: its shaped runs, each parsed when it is
 * asked for (an export whose paragraphs all come from the cache asks for few; the writer reads the stored arrays
 * directly, word-shapes.ts).
 */
export type StoredFace = StoredEntries<StoredRun>;
/**
 * What a face's font file answers that costs a table decode on every cold start: the PostScript name (pdfkit's
 * EmbeddedFont reads it; fontkit decodes the whole 'name' table for it, 1-3 ms a face). A function of the file's
 * bytes, which the file's key stands for.
 */
export interface FaceFacts {
  postscriptName: string | null;
}
/** A paragraph's notes hold a Set, which JSON cannot: stored as an array. */
type StoredParagraph = Omit<Paragraph, 'notes'> & { notes: { missing: number[]; rtl: boolean } };

/*
 * The file: a SHA-256 of the rest, then one JSON line (format, key, and each section's name, length in characters
 * and number of entries), then the sections one after the other, each a stretch of `key\tvalue\n` lines
 * (stored-entries.ts). Not one JSON document, so that what an export never asks for is never parsed; all ASCII, so
 * a character is a byte.
 */
interface Header {
  format: number;
  key: string;
  sections: [string, number, number][];
}
const RUNS = 'runs:';

/** What the font set exposes for the cache to fill and read back. */
export interface CacheableFonts {
  dir: string;
  /** A loaded face's shaped runs (and those of the file never asked for, as stored); undefined for a face not loaded (faces load lazily). */
  loadedFace(face: FaceId): { runs: [string, GlyphRun][]; undecoded: StoredFace | undefined; facts: () => FaceFacts } | undefined;
  layoutEntries(): MemoEntries;
  seedLayout(entries: SeededMemos): void;
  /** Entries added to any memo since the count was last taken (a save is due when it is not 0). */
  takeAdded(): number;
}

export interface SubsetMemo {
  entries(prefix: string): [string, Uint8Array][];
  seed(prefix: string, entries: [string, Uint8Array][]): void;
}

let options: EngineCacheOptions | undefined;

/** Switch the persistent cache on (the CLI and the app, with their cache folder) or off (undefined: the default). */
export function usePersistentEngineCache(next: EngineCacheOptions | undefined): void {
  options = next;
}

/** One font set's link to its file: seeds the memos on open, saves them after renders that added entries. */
export class EngineCacheFile {
  private runsByFace = new Map<FaceId, StoredFace>();
  private facts: StoredEntries<FaceFacts> | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly counts = { read: 0, added: 0, saved: 0 };
  private saving: Promise<void> | undefined;

  private constructor(
    private readonly file: string,
    private readonly key: string,
    private readonly opts: EngineCacheOptions,
    private readonly fonts: CacheableFonts,
    private readonly subsets: SubsetMemo,
  ) {}

  /**
   * The cache for a font folder, when the persistent cache is on. Reads every face file once to hash it (about 3 MB,
   * a few ms); `fontBytes` keeps those bytes for the faces, so no file is read twice.
   */
  static open(fonts: CacheableFonts, subsets: SubsetMemo, fontBytes: Map<FaceId, Buffer>): EngineCacheFile | undefined {
    const opts = options;
    if (!opts) return undefined;
    const hash = createHash('sha256').update(`${FORMAT}\0${opts.buildId}\0`);
    try {
      for (const face of Object.keys(FACE_FILES) as FaceId[]) {
        const bytes = readFileSync(path.join(fonts.dir, FACE_FILES[face]));
        fontBytes.set(face, bytes);
        hash.update(face).update(createHash('sha256').update(bytes).digest());
      }
    } catch {
      // A missing font is reported when the face is used; without every file there is no honest key.
      return undefined;
    }
    const key = hash.digest('hex').slice(0, 32);
    const cache = new EngineCacheFile(path.join(opts.dir, `${PREFIX}${key}${SUFFIX}`), key, opts, fonts, subsets);
    cache.load();
    return cache;
  }

  /** What is stored for a face, handed over once when the face is loaded. */
  takeFace(face: FaceId): StoredFace | undefined {
    const stored = this.runsByFace.get(face);
    this.runsByFace.delete(face);
    return stored;
  }

  /** The face's stored facts, if the file has them. */
  faceFacts(face: FaceId): FaceFacts | undefined {
    return this.facts?.peek(face);
  }

  /** Entries read from the file, entries computed since (shaped, laid out, encoded), and saves made. */
  stats(): { read: number; added: number; saved: number } {
    return { ...this.counts };
  }

  /** After a render: save when it added anything (after the configured delay). */
  afterRender(): void {
    if (this.timer) return;
    const added = this.fonts.takeAdded();
    this.counts.added += added;
    if (!added || this.opts.readOnly) return;
    const delay = this.opts.saveDelayMs ?? 0;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.saving = Promise.resolve(this.saving)
        .then(() => this.save())
        .catch(() => undefined); // a cache that cannot be written is only slower next time
    }, delay);
    // The app's timer must not keep it from quitting; the CLI's (delay 0) runs before its process ends.
    if (delay > 0) this.timer.unref?.();
  }

  /** Resolves when every scheduled save has finished (tests, and a caller about to remove the folder). */
  async settled(): Promise<void> {
    while (this.timer || this.saving) {
      if (this.timer) await new Promise((r) => setTimeout(r, 5));
      else await this.saving;
      if (!this.timer) this.saving = undefined;
    }
  }

  private load(): void {
    let raw: Buffer;
    try {
      raw = readFileSync(this.file);
    } catch {
      // No cache yet: the one shipped with the build, if any.
      if (!this.opts.seedDir) return;
      try {
        raw = readFileSync(path.join(this.opts.seedDir, path.basename(this.file)));
      } catch {
        return;
      }
    }
    const read = verified(raw, this.key);
    if (!read) return;
    const { text, header } = read;
    const sections = new Map<string, StoredEntries<unknown>>();
    let at = text.indexOf('\n') + 1;
    for (const [name, length, count] of header.sections) {
      const revive = name === 'paragraphs' ? reviveParagraph : undefined;
      sections.set(name, new StoredEntries(text, at, at + length, count, revive));
      at += length;
      this.counts.read += count;
    }
    for (const face of Object.keys(FACE_FILES) as FaceId[]) {
      const runs = sections.get(RUNS + face);
      if (runs) this.runsByFace.set(face, runs as StoredFace);
    }
    this.facts = sections.get('faces') as StoredEntries<FaceFacts> | undefined;
    const memo = (name: keyof SeededMemos) => sections.get(name) ?? new StoredEntries(text, 0, 0, 0);
    this.fonts.seedLayout({ paragraphs: memo('paragraphs') as StoredEntries<Paragraph>, extents: memo('extents') as SeededMemos['extents'], words: memo('words') as SeededMemos['words'], fits: memo('fits') as SeededMemos['fits'] });
    // Subsets are few (one per face and glyph set) and each is asked for by every export of its document: read at once.
    const subsets = sections.get('subsets');
    if (subsets) this.subsets.seed(`${this.fonts.dir}:`, subsets.rest().map(([k, v]) => [k, new Uint8Array(Buffer.from(JSON.parse(v.text) as string, 'base64'))]));
    this.fonts.takeAdded(); // what was just read in is not new
  }

  private save(): void {
    const sections: [string, string[]][] = [];
    for (const face of Object.keys(FACE_FILES) as FaceId[]) {
      const loaded = this.fonts.loadedFace(face);
      // A face this process never loaded keeps what the file had for it.
      const stored = loaded ? loaded.undecoded : this.runsByFace.get(face);
      const faceRuns: [string, StoredRun | StoredJson][] = [...(stored?.rest() ?? []), ...(loaded?.runs.map(([text, run]): [string, StoredRun] => [text, encodeRun(run)]) ?? [])];
      if (faceRuns.length) sections.push([RUNS + face, lines(faceRuns.slice(-MAX_RUNS_PER_FACE))]);
    }
    const facts: [string, FaceFacts][] = [];
    for (const face of Object.keys(FACE_FILES) as FaceId[]) {
      const known = this.fonts.loadedFace(face)?.facts() ?? this.facts?.peek(face);
      if (known) facts.push([face, known]);
    }
    sections.push(['faces', lines(facts)]);
    const all = this.fonts.layoutEntries();
    sections.push(['paragraphs', lines(all.paragraphs.slice(-MAX_MEMO.paragraphs), storedParagraph)]);
    sections.push(['extents', lines(all.extents.slice(-MAX_MEMO.extents))]);
    sections.push(['words', lines(all.words.slice(-MAX_MEMO.words))]);
    sections.push(['fits', lines(all.fits.slice(-MAX_MEMO.fits))]);
    const subsets = this.subsets
      .entries(`${this.fonts.dir}:`)
      .slice(-MAX_SUBSETS)
      .map(([k, bytes]): [string, string] => [k, Buffer.from(bytes).toString('base64')]);
    sections.push(['subsets', lines(subsets)]);
    const bodies = sections.map(([, l]) => l.join(''));
    const header: Header = { format: FORMAT, key: this.key, sections: sections.map(([name, l], i) => [name, bodies[i]!.length, l.length]) };
    const body = Buffer.from(`${asciiJson(header)}\n${bodies.join('')}`, 'latin1');
    const digest = createHash('sha256').update(body).digest();
    mkdirSync(this.opts.dir, { recursive: true });
    const tmp = `${this.file}.${process.pid}.tmp`;
    writeFileSync(tmp, Buffer.concat([digest, body]));
    renameSync(tmp, this.file);
    this.counts.saved++;
    removeOtherKeys(this.opts.dir, path.basename(this.file));
  }
}

/** A section's lines: values kept as stored are written as they were, others as (ASCII) JSON of `store(value)`. */
function lines<V>(entries: [string, V | StoredJson][], store: (v: V) => unknown = (v) => v): string[] {
  return entries.map(([key, v]) => storedLine(key, v instanceof StoredJson ? v.text : asciiJson(store(v))));
}

function storedParagraph(p: Paragraph): StoredParagraph {
  return { ...p, notes: { missing: [...p.notes.missing], rtl: p.notes.rtl } };
}

function reviveParagraph(json: unknown): Paragraph {
  const p = json as StoredParagraph;
  return { ...p, notes: { missing: new Set(p.notes.missing), rtl: p.notes.rtl } };
}

/*
 * What of a shaped run its readers use (pdfkit's layout and encode, Face.advance, word-shapes.ts): glyph ids,
 * advance widths and code points, and the positions already scaled as Face.shape leaves them. fontkit's Glyph
 * objects hold their font, so a run read back is plain data standing in for a GlyphRun.
 */
function encodeRun(run: GlyphRun): StoredRun {
  const pos: number[] = [];
  for (let i = 0; i < run.positions.length; i++) {
    const p = run.positions[i]! as GlyphRun['positions'][number] & { advanceWidth: number };
    pos.push(p.xAdvance, p.yAdvance, p.xOffset, p.yOffset, p.advanceWidth);
  }
  return [run.glyphs.map((g) => g.id), run.glyphs.map((g) => g.advanceWidth), run.glyphs.map((g) => (g.codePoints.length === 1 ? g.codePoints[0]! : g.codePoints)), pos];
}

export function decodeRun([ids, widths, cps, pos]: StoredRun): GlyphRun {
  const glyphs = ids.map((id, i) => {
    const cp = cps[i]!;
    return { id, advanceWidth: widths[i]!, codePoints: typeof cp === 'number' ? [cp] : cp };
  });
  const positions = ids.map((_, i) => ({ xAdvance: pos[i * 5]!, yAdvance: pos[i * 5 + 1]!, xOffset: pos[i * 5 + 2]!, yOffset: pos[i * 5 + 3]!, advanceWidth: pos[i * 5 + 4]! }));
  // fontkit's GlyphRun.advanceWidth sums the positions' xAdvance in order: the same sum, taken once.
  let advanceWidth = 0;
  for (const p of positions) advanceWidth += p.xAdvance;
  return { glyphs, positions, advanceWidth } as unknown as GlyphRun;
}

/** The file's text and header when its checksum holds, it is of this format and key, and its sections fill it; otherwise undefined. */
function verified(raw: Buffer, key: string): { text: string; header: Header } | undefined {
  if (raw.length < 33) return undefined;
  const digest = raw.subarray(0, 32);
  const body = raw.subarray(32);
  if (!createHash('sha256').update(body).digest().equals(digest)) return undefined;
  // ASCII throughout (stored-entries.ts): latin1 is a plain copy, and a character is a byte.
  const text = body.toString('latin1');
  const nl = text.indexOf('\n');
  if (nl < 0) return undefined;
  try {
    const h = JSON.parse(text.slice(0, nl)) as Partial<Header> | null;
    if (!h || typeof h !== 'object' || h.format !== FORMAT || h.key !== key || !Array.isArray(h.sections)) return undefined;
    let length = 0;
    for (const s of h.sections) {
      if (!Array.isArray(s) || typeof s[0] !== 'string' || !Number.isInteger(s[1]) || !Number.isInteger(s[2])) return undefined;
      length += s[1];
    }
    if (length !== text.length - nl - 1) return undefined;
    return { text, header: h as Header };
  } catch {
    return undefined;
  }
}

/**
 * Files of other builds or fonts: the two most recently written stay (the app and the command of another version
 * may take turns on one machine), older ones go, with temp files of ended processes.
 */
function removeOtherKeys(dir: string, keep: string): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  const others: { file: string; mtime: number }[] = [];
  for (const name of names) {
    if (name === keep || !name.startsWith(PREFIX)) continue;
    const file = path.join(dir, name);
    const pid = /\.(\d+)\.tmp$/.exec(name)?.[1];
    if (pid) {
      // Another process's temp file may be in the middle of its write: only those of ended processes go.
      if (Number(pid) === process.pid || !processAlive(Number(pid))) rmSync(file, { force: true });
      continue;
    }
    try {
      others.push({ file, mtime: statSync(file).mtimeMs });
    } catch {
      // gone already
    }
  }
  others.sort((a, b) => b.mtime - a.mtime);
  for (const { file } of others.slice(KEEP_OTHER_FILES)) rmSync(file, { force: true });
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
