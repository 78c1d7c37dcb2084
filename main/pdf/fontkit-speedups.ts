// Exact speed-ups for fontkit 2's OpenType shaping (pinned 2.0.x): same glyphs and positions, less work per call.
import type { Font } from 'fontkit';

/*
 * Every word is shaped by its own fontkit layout() call. Per call, fontkit's GSUB/GPOS processors rebuild the
 * feature table of the script (selectScript, even when nothing changed), collect and sort the lookups of each
 * stage (lookupsForFeatures), and then, for every lookup and every glyph, try every subtable, each of which
 * searches its coverage table linearly. On a cold process that was most of the layout time. Each patch below
 * keeps fontkit's results (it only skips work whose outcome is known):
 *  - selectScript: its state is a function of (script, language, direction) for a font; restored from a memo.
 *  - lookupsForFeatures: a function of the selected feature table and the feature list; memoized (callers
 *    only read the array).
 *  - applyLookups: a glyph that is in no subtable's first coverage cannot be matched by the lookup (every
 *    lookup type fontkit supports starts by finding the current glyph in that coverage and returns false
 *    otherwise), so the subtables are not tried for it, and a lookup none of whose starting glyphs occurs in
 *    the run is not walked at all (the walk has no other effect).
 *  - coverageIndex: a coverage table becomes a glyph -> index array once (first match wins, as indexOf and
 *    the range scan do).
 */

interface Coverage {
  version: number;
  glyphs?: number[];
  rangeRecords?: { start: number; end: number; startCoverageIndex: number }[];
}
interface SubTable {
  version?: number;
  lookupType?: number;
  extension?: SubTable;
  coverage?: Coverage;
  coverages?: Coverage[];
  inputCoverage?: Coverage[];
  markCoverage?: Coverage;
  mark1Coverage?: Coverage;
}
interface Lookup {
  lookupType: number;
  flags: unknown;
  subTables: Iterable<SubTable>;
}
interface GlyphInfo {
  id: number;
  features: Record<string, unknown>;
}
interface GlyphIterator {
  index: number;
  cur: GlyphInfo;
  reset(flags: unknown): void;
  next(): void;
}
interface Processor {
  scriptTag: unknown;
  script: unknown;
  language: unknown;
  languageTag: unknown;
  direction: unknown;
  features: object;
  glyphs: GlyphInfo[];
  positions: unknown;
  glyphIterator: GlyphIterator;
  currentFeature: string | null;
  selectScript(script?: string, language?: string, direction?: string): unknown;
  lookupsForFeatures(userFeatures?: string[], exclude?: number[]): { feature: string; lookup: Lookup }[];
  applyLookups(lookups: { feature: string; lookup: Lookup }[], glyphs: GlyphInfo[], positions: unknown): void;
  applyLookup(lookupType: number, table: SubTable): boolean;
  coverageIndex(coverage: Coverage, glyph?: number): number;
}
interface LayoutEngine {
  engine?: { GSUBProcessor?: Processor | null; GPOSProcessor?: Processor | null };
}

const patched = new WeakSet<object>();

/** Patch the font's GSUB/GPOS processors in place (idempotent). Fonts without them are left alone. */
export function speedUpShaping(font: Font): void {
  const engine = (font as unknown as { _layoutEngine?: LayoutEngine })._layoutEngine?.engine;
  if (!engine) return;
  const numGlyphs = (font as unknown as { numGlyphs: number }).numGlyphs;
  if (engine.GSUBProcessor) patchProcessor(engine.GSUBProcessor, false, numGlyphs);
  if (engine.GPOSProcessor) patchProcessor(engine.GPOSProcessor, true, numGlyphs);
}

function patchProcessor(p: Processor, gpos: boolean, numGlyphs: number): void {
  if (patched.has(p)) return;
  // Only the method shapes this code was written against: anything else keeps fontkit's own behaviour.
  for (const m of ['selectScript', 'lookupsForFeatures', 'applyLookups', 'applyLookup', 'coverageIndex'] as const) {
    if (typeof p[m] !== 'function') return;
  }
  patched.add(p);

  const selectScript = p.selectScript;
  const states = new Map<string, { ret: unknown; scriptTag: unknown; script: unknown; language: unknown; languageTag: unknown; direction: unknown; features: object }>();
  p.selectScript = function (script, language, direction) {
    const key = `${String(script)}\u0000${String(language)}\u0000${String(direction)}`;
    const s = states.get(key);
    if (s) {
      this.scriptTag = s.scriptTag;
      this.script = s.script;
      this.language = s.language;
      this.languageTag = s.languageTag;
      this.direction = s.direction;
      this.features = s.features;
      return s.ret;
    }
    const ret = selectScript.call(this, script, language, direction);
    states.set(key, { ret, scriptTag: this.scriptTag, script: this.script, language: this.language, languageTag: this.languageTag, direction: this.direction, features: this.features });
    return ret;
  };

  const lookupsForFeatures = p.lookupsForFeatures;
  const lookupMemo = new WeakMap<object, Map<string, ReturnType<Processor['lookupsForFeatures']>>>();
  p.lookupsForFeatures = function (userFeatures = [], exclude) {
    if (exclude) return lookupsForFeatures.call(this, userFeatures, exclude);
    let byFeatures = lookupMemo.get(this.features);
    if (!byFeatures) lookupMemo.set(this.features, (byFeatures = new Map()));
    const key = userFeatures.join(',');
    let lookups = byFeatures.get(key);
    if (!lookups) {
      lookups = lookupsForFeatures.call(this, userFeatures);
      byFeatures.set(key, lookups);
    }
    return lookups;
  };

  const coverageMaps = new WeakMap<Coverage, Int32Array>();
  const coverageMap = (coverage: Coverage): Int32Array => {
    let map = coverageMaps.get(coverage);
    if (map) return map;
    let max = numGlyphs;
    if (coverage.version === 1) for (const g of coverage.glyphs ?? []) max = Math.max(max, g + 1);
    if (coverage.version === 2) for (const r of coverage.rangeRecords ?? []) max = Math.max(max, r.end + 1);
    map = new Int32Array(max).fill(-1);
    if (coverage.version === 1) {
      const glyphs = coverage.glyphs ?? [];
      for (let i = 0; i < glyphs.length; i++) if (map[glyphs[i]!] === -1) map[glyphs[i]!] = i;
    } else if (coverage.version === 2) {
      for (const r of coverage.rangeRecords ?? []) {
        for (let g = r.start; g <= r.end; g++) if (map[g] === -1) map[g] = r.startCoverageIndex + g - r.start;
      }
    }
    coverageMaps.set(coverage, map);
    return map;
  };
  p.coverageIndex = function (coverage, glyph) {
    const g = glyph ?? this.glyphIterator.cur.id;
    const map = coverageMap(coverage);
    return g >= 0 && g < map.length ? map[g]! : -1;
  };

  /** Glyphs that may start a match of the lookup (1 = yes), or null when that cannot be told. */
  const starters = new WeakMap<Lookup, Uint8Array | null>();
  const startersOf = (lookup: Lookup): Uint8Array | null => {
    if (starters.has(lookup)) return starters.get(lookup)!;
    let set: Uint8Array | null = new Uint8Array(numGlyphs);
    for (const table of lookup.subTables) {
      const coverage = firstCoverage(lookup.lookupType, table, gpos);
      if (!coverage) {
        set = null;
        break;
      }
      const map = coverageMap(coverage);
      if (map.length > set.length) {
        const grown = new Uint8Array(map.length);
        grown.set(set);
        set = grown;
      }
      for (let g = 0; g < map.length; g++) if (map[g] !== -1) set[g] = 1;
    }
    starters.set(lookup, set);
    return set;
  };

  let Iterator: (new (glyphs: GlyphInfo[]) => GlyphIterator) | null = null;
  const applyLookups = p.applyLookups;
  p.applyLookups = function (lookups, glyphs, positions) {
    if (!Iterator) {
      // The iterator class is internal to fontkit: take it from the first (unpatched) run.
      applyLookups.call(this, lookups, glyphs, positions);
      Iterator = (this.glyphIterator as unknown as { constructor: new (glyphs: GlyphInfo[]) => GlyphIterator }).constructor;
      return;
    }
    this.glyphs = glyphs;
    this.positions = positions;
    const it = (this.glyphIterator = new Iterator(glyphs));
    for (const { feature, lookup } of lookups) {
      this.currentFeature = feature;
      const start = startersOf(lookup);
      if (start && !anyStarter(glyphs, start)) continue; // nothing for this lookup to match: skip the walk
      it.reset(lookup.flags);
      while (it.index < glyphs.length) {
        const cur = it.cur;
        if (!(feature in cur.features) || (start && !(cur.id < start.length && start[cur.id]))) {
          it.next();
          continue;
        }
        for (const table of lookup.subTables) {
          if (this.applyLookup(lookup.lookupType, table)) break;
        }
        it.next();
      }
    }
  };
}

function anyStarter(glyphs: GlyphInfo[], start: Uint8Array): boolean {
  for (let i = 0; i < glyphs.length; i++) {
    const id = glyphs[i]!.id;
    if (id < start.length && start[id]) return true;
  }
  return false;
}

/** The coverage the current glyph must be in for the subtable to apply, or null if there is none to tell. */
function firstCoverage(lookupType: number, table: SubTable, gpos: boolean): Coverage | null {
  const extension = gpos ? 9 : 7;
  if (lookupType === extension) return table.extension && table.lookupType !== undefined ? firstCoverage(table.lookupType, table.extension, gpos) : null;
  const context = gpos ? 7 : 5;
  const chaining = gpos ? 8 : 6;
  if (lookupType === context) return table.version === 3 ? (table.coverages?.[0] ?? null) : (table.coverage ?? null);
  if (lookupType === chaining) return table.version === 3 ? (table.inputCoverage?.[0] ?? null) : (table.coverage ?? null);
  if (gpos) {
    if (lookupType >= 1 && lookupType <= 3) return table.coverage ?? null;
    if (lookupType === 4 || lookupType === 5) return table.markCoverage ?? null;
    if (lookupType === 6) return table.mark1Coverage ?? null;
    return null;
  }
  if (lookupType >= 1 && lookupType <= 4) return table.coverage ?? null;
  return null;
}

interface PostTableEntry {
  offset: number;
  length: number;
}
interface FontInternals {
  _tables: Record<string, unknown>;
  directory?: { tables?: Record<string, PostTableEntry | undefined> };
  stream?: { buffer?: Uint8Array };
  _decodeTable(entry: PostTableEntry): Record<string, unknown> | undefined;
}

/**
 * The 'post' table as fontkit decodes it, with its header read at once and the glyph names (version 2: an array of
 * thousands of strings, about 5 ms a face on a cold process) decoded only if something asks for them. pdfkit reads
 * only isFixedPitch and italicAngle when it embeds a font; glyph names serve only Glyph.name, which nothing here
 * uses. Header fields as restructure reads them: fixed32 = int32 / 65536, then int16, int16 and five uint32.
 */
export function lazyPostTable(font: Font): void {
  const f = font as unknown as FontInternals;
  const entry = f.directory?.tables?.post;
  const bytes = f.stream?.buffer;
  if (!f._tables || 'post' in f._tables || !entry || !bytes || entry.length < 32 || entry.offset + 32 > bytes.length) return;
  const view = new DataView(bytes.buffer, bytes.byteOffset + entry.offset, 32);
  let full: Record<string, unknown> | undefined;
  const decoded = () => (full ??= f._decodeTable(entry) ?? {});
  const post: Record<string, unknown> = {
    version: view.getInt32(0) / 65536,
    italicAngle: view.getInt32(4) / 65536,
    underlinePosition: view.getInt16(8),
    underlineThickness: view.getInt16(10),
    isFixedPitch: view.getUint32(12),
    minMemType42: view.getUint32(16),
    maxMemType42: view.getUint32(20),
    minMemType1: view.getUint32(24),
    maxMemType1: view.getUint32(28),
  };
  for (const key of ['numberOfGlyphs', 'glyphNameIndex', 'names', 'offsets', 'map']) {
    Object.defineProperty(post, key, { enumerable: true, configurable: true, get: () => decoded()[key] });
  }
  f._tables.post = post;
}

type GetGlyph = (id: number, codePoints?: number[]) => { codePoints: number[] } | null;

/**
 * fontkit keeps one Glyph object per glyph id, made by the first getGlyph call, with the code points of that call.
 * The subsetter asks for the components of composite glyphs (the period inside an ellipsis) with none, so a later
 * word that shapes that glyph from a real character got a glyph with no code points: its ToUnicode entry was empty
 * and the character vanished from copied and extracted text (a batch exporting a brief with a bold "…" before
 * another's bold "technologies." lost every such period). A glyph first made without code points takes those of the
 * first call that has some; nothing else about it changes.
 */
export function keepGlyphCodePoints(font: Font): void {
  const f = font as unknown as { getGlyph: GetGlyph };
  const getGlyph = f.getGlyph;
  if (typeof getGlyph !== 'function') return;
  f.getGlyph = function (this: unknown, id, codePoints = []) {
    const glyph = getGlyph.call(this, id, codePoints);
    if (glyph && codePoints.length && !glyph.codePoints.length) glyph.codePoints = codePoints;
    return glyph;
  };
}

interface HmtxInternals {
  _variationProcessor?: unknown;
  hmtx?: { metrics?: { length: number; get(i: number): { advance: number } | undefined } };
  getGlyph(id: number): object | null;
}

/**
 * pdfkit's EmbeddedFont starts its widths with glyph 0's advance. fontkit computes a glyph's metrics together with
 * its control box, which decodes the whole 'loca' table (an offset per glyph, about 1-5 ms a face on a cold process)
 * and glyph 0's outline header; an export whose subsets come from the engine cache needs neither. Glyph 0's
 * `advanceWidth` is set here as fontkit's cache would set it (an own value property), from 'hmtx' as
 * `_getTableMetrics` reads it; a font with variations (whose advance fontkit adjusts) is left alone.
 */
export function cheapGlyphZeroAdvance(font: Font): void {
  const f = font as unknown as HmtxInternals;
  if (f._variationProcessor) return;
  const metrics = f.hmtx?.metrics;
  if (!metrics || typeof metrics.get !== 'function' || !metrics.length) return;
  const glyph = f.getGlyph(0);
  if (!glyph || Object.prototype.hasOwnProperty.call(glyph, 'advanceWidth')) return;
  const advance = metrics.get(0)?.advance;
  if (typeof advance !== 'number') return;
  Object.defineProperty(glyph, 'advanceWidth', { value: advance });
}
