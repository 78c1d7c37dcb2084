// Export only: a group of runs' text operators kept between exports in the process, reused while the font subsets got to the same state.
import { runsOps, type TextFonts } from './content-ops.js';
import type { FaceId } from './faces.js';
import type { Run } from './layout-types.js';
import type { PdfEmbeddedFont } from './pdfkit-api.js';
import { keepWordShapesBetweenExports } from './word-shapes.js';

/**
 * A node in a per-font tree of subset histories: the glyphs a document's subset took in, in order. Two
 * documents whose subsets took in the same glyphs in the same order are at the same node, so their subset
 * ids agree and a word encodes to the same operators in both.
 */
class SubsetHistory {
  private readonly next = new Map<number, SubsetHistory>();
  after(glyph: number): SubsetHistory {
    let n = this.next.get(glyph);
    if (!n) {
      if (++historyNodes > MAX_HISTORY_NODES) resetHistories();
      this.next.set(glyph, (n = new SubsetHistory()));
    }
    return n;
  }
}

let roots = new WeakMap<object, SubsetHistory>();
let historyNodes = 0;
const MAX_HISTORY_NODES = 200_000;
/** Forget every history: cached operators stop matching (and are made again), nothing else changes. Tests use it for a cold cache. */
export function resetHistories(): void {
  roots = new WeakMap();
  historyNodes = 0;
}

/** Where one document font's subset is in its history; `added` collects glyphs taken in while recording. */
interface Tracker {
  state: SubsetHistory;
  added: number[] | null;
}
const trackers = new WeakMap<PdfEmbeddedFont, Tracker>();

let keeping = true;

/**
 * Whether lines (and word shapes, word-shapes.ts, and whole layouts, renderPdf's `reuse`) are kept for later exports
 * in this process (the default). A process that exports one document and ends (a single `briefing export`) has no
 * later export to reuse them: recording them only costs its cold start. Output is the same either way.
 */
export function keepLinesBetweenExports(on: boolean): void {
  keeping = on;
  keepWordShapesBetweenExports(on);
}

/** What keepLinesBetweenExports last said. */
export function keepingBetweenExports(): boolean {
  return keeping;
}

/** Follow f's subset (a new document's font, nothing encoded yet) through its history. */
export function trackSubset(f: PdfEmbeddedFont): void {
  if (!keeping) return; // untracked fonts are drawn by runsOps directly (cachedRunsOps)
  let root = roots.get(f.font);
  if (!root) roots.set(f.font, (root = new SubsetHistory()));
  const t: Tracker = { state: root, added: null };
  trackers.set(f, t);
  const subset = f.subset;
  const include = subset.includeGlyph.bind(subset);
  subset.includeGlyph = (glyph: number) => {
    const count = subset.glyphs.length;
    const gid = include(glyph);
    if (subset.glyphs.length !== count) {
      t.state = t.state.after(glyph);
      t.added?.push(glyph);
    }
    return gid;
  };
}

interface Entry {
  x: number;
  baseline: number;
  count: number;
  /** Per face used, in order of use: its resource name and subset history before and after. */
  faces: { face: FaceId; id: string; before: SubsetHistory; after: SubsetHistory }[];
  /** Glyphs the group took into each face's subset (index into faces), with what pdfkit records for them. */
  added: { face: number; glyph: number; width: number; codePoints: number[] }[];
  ops: string;
}

/**
 * Keyed by the group's first run: the paragraph memo hands back the same Line (and Run) objects for an
 * unchanged paragraph, and for a paragraph repeated word for word; a line can be drawn at several places, or at
 * the same place on several pages (running heads): several entries each, told apart by place and subset state.
 * A running head, footer or marking banner is at the same place on every page but from another subset state on
 * each, so it needs an entry per page and place: with 8 (first in, first out) a 31-page brief's banner and furniture
 * pushed out their own first pages' entries and missed on every page of every later export in a batch (about 110 of
 * a brief's 1,600 groups; a banner, top and bottom, needs 2 a page). 256 covers a brief of over a hundred pages;
 * only such lines ever hold many, and the scan stays short next to encoding a line.
 */
const entries = new WeakMap<Run, Entry[]>();
const MAX_PLACES = 256;

/** The entry drawn at this place with these fonts from these subset states, if any. */
function findPlace(places: Entry[], x: number, baseline: number, count: number, used: FaceId[], fs: PdfEmbeddedFont[], trs: Tracker[]): Entry | undefined {
  for (const e of places) {
    if (e.x !== x || e.baseline !== baseline || e.count !== count || e.faces.length !== used.length) continue;
    let same = true;
    for (let i = 0; i < used.length && same; i++) {
      const p = e.faces[i]!;
      same = p.face === used[i] && p.id === fs[i]!.id && p.before === trs[i]!.state;
    }
    if (same) return e;
  }
  return undefined;
}

function sameAfter(e: Entry, trs: Tracker[]): boolean {
  for (let i = 0; i < trs.length; i++) if (e.faces[i]!.after !== trs[i]!.state) return false;
  return true;
}

/**
 * runsOps for a group of runs, from an earlier export when that drew the same runs at the same place with
 * the same fonts in the same subset state (then the glyphs it took into the subsets are taken in again,
 * so the subsets end as if it had been encoded); otherwise encoded and kept.
 */
export function cachedRunsOps(fonts: TextFonts, runs: Run[], x: number, baseline: number): string {
  // Fonts made resources in the order runsOps uses them (that order names them and orders the page's Font dictionary).
  // Plain loops, no closures: this runs for every group of every line, and nearly every call is a hit.
  const used: FaceId[] = [];
  const fs: PdfEmbeddedFont[] = [];
  for (let r = 0; r < runs.length; r++) {
    const run = runs[r]!;
    if (!run.text) continue;
    const f = fonts.use(run.face);
    if (!used.includes(run.face)) {
      used.push(run.face);
      fs.push(f);
    }
  }
  const first = runs[0];
  if (!first) return runsOps(fonts, runs, x, baseline);
  const trs: Tracker[] = [];
  for (const f of fs) {
    const t = trackers.get(f);
    if (!t) return runsOps(fonts, runs, x, baseline);
    trs.push(t);
  }
  const places = entries.get(first);
  const hit = places ? findPlace(places, x, baseline, runs.length, used, fs, trs) : undefined;
  if (hit) {
    for (const a of hit.added) {
      const f = fs[a.face]!;
      const gid = f.subset.includeGlyph(a.glyph);
      if (f.widths[gid] == null) f.widths[gid] = a.width;
      if (f.unicode[gid] == null) f.unicode[gid] = a.codePoints;
    }
    if (sameAfter(hit, trs)) return hit.ops;
    // Cannot happen (same history, same glyphs); if it did, the operators are made afresh below, and stay right.
  }
  const before = trs.map((t) => t.state);
  for (const t of trs) t.added = [];
  let ops: string;
  let added: number[][];
  try {
    ops = runsOps(fonts, runs, x, baseline);
  } finally {
    added = trs.map((t) => t.added!);
    for (const t of trs) t.added = null;
  }
  const entry: Entry = {
    x,
    baseline,
    count: runs.length,
    faces: used.map((face, i) => ({ face, id: fs[i]!.id, before: before[i]!, after: trs[i]!.state })),
    added: [],
    ops,
  };
  added.forEach((glyphs, i) => {
    const f = fs[i]!;
    for (const glyph of glyphs) {
      const gid = f.subset.includeGlyph(glyph);
      entry.added.push({ face: i, glyph, width: f.widths[gid]!, codePoints: f.unicode[gid]! });
    }
  });
  if (!places) entries.set(first, [entry]);
  else {
    if (places.length >= MAX_PLACES) places.shift();
    places.push(entry);
  }
  return ops;
}
