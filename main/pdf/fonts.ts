// The bundled font faces: parsed once per process with fontkit, with cached glyph coverage for fallback.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { create, type Font, type GlyphRun } from 'fontkit';
import { FACE_FILES, type FaceId } from './faces.js';
import { decodeRun, EngineCacheFile, type CacheableFonts, type FaceFacts, type StoredFace, type StoredRun } from './engine-cache.js';
import { cheapGlyphZeroAdvance, keepGlyphCodePoints, lazyPostTable, speedUpShaping } from './fontkit-speedups.js';
import { LayoutCache } from './layout-cache.js';
import { subsetMemo } from './pdfkit-patches.js';

const MAX_LAYOUT_CACHE = 200_000;

const faces = new WeakMap<Font, Face>();

/** The face a fontkit Font was loaded as (pdfkit's fonts of a document hold the face's Font). */
export function faceOf(font: Font): Face | undefined {
  return faces.get(font);
}

export class Face {
  /** 1000 / unitsPerEm: pdfkit's glyph-space scale. */
  readonly scale: number;
  /** Ascender and descender per 1000 em (descender negative). */
  readonly ascender: number;
  readonly descender: number;
  /**
   * Shaped runs keyed by text in pdfkit's EmbeddedFont.layoutCache format. Measuring fills it and every
   * document's pdfkit font is pointed at it, so a word is shaped once per process, not once per export.
   */
  layoutCache: Record<string, GlyphRun> = Object.create(null);
  private layoutCount = 0;
  /** Runs from the persistent cache not asked for yet: parsed and decoded on first use. */
  storedRuns: StoredFace | undefined;
  /** Words shaped since the count was last taken (the persistent cache saves when it is not 0). */
  shapedSinceTaken = 0;
  private readonly bmpCoverage = new Uint8Array(0x10000); // 0 unknown, 1 yes, 2 no
  private readonly astralCoverage = new Map<number, boolean>();

  constructor(
    readonly id: FaceId,
    readonly font: Font,
    /** What the persistent cache (engine-cache.ts) kept for this face: runs as shape() makes them, and the writer's word shapes. */
    stored?: StoredFace,
    /** The font file's facts as an earlier process read them (engine-cache.ts), so this one need not decode them. */
    facts?: FaceFacts,
  ) {
    this.storedRuns = stored;
    faces.set(font, this);
    this.scale = 1000 / font.unitsPerEm;
    this.ascender = font.ascent * this.scale;
    this.descender = font.descent * this.scale;
    lazyPostTable(font);
    keepGlyphCodePoints(font);
    cheapGlyphZeroAdvance(font);
    // fontkit's postscriptName decodes the 'name' table on first use and answers the same string ever after.
    if (facts && (typeof facts.postscriptName === 'string' || facts.postscriptName === null)) Object.defineProperty(font, 'postscriptName', { value: facts.postscriptName });
  }

  /**
   * Same shaping results, much less work per word (see fontkit-speedups.ts). Done before the first word is shaped,
   * not when the face loads: patching builds fontkit's layout engine (GSUB/GPOS decoding, about 10 ms a face), which
   * an export whose words all come from the persistent cache never needs.
   */
  private shapingPatched = false;

  covers(cp: number): boolean {
    if (cp < 0x10000) {
      const known = this.bmpCoverage[cp]!;
      if (known) return known === 1;
      const has = this.font.hasGlyphForCodePoint(cp);
      this.bmpCoverage[cp] = has ? 1 : 2;
      return has;
    }
    let has = this.astralCoverage.get(cp);
    if (has === undefined) {
      has = this.font.hasGlyphForCodePoint(cp);
      this.astralCoverage.set(cp, has);
    }
    return has;
  }

  /** Same shaping and scaling as pdfkit's EmbeddedFont.layoutRun, so cached runs are interchangeable. */
  shape(text: string): GlyphRun {
    const cached = this.layoutCache[text];
    if (cached) return cached;
    const stored = this.storedRuns?.take(text);
    if (stored) {
      return (this.layoutCache[text] = decodeRun(stored));
    }
    if (!this.shapingPatched) {
      speedUpShaping(this.font);
      this.shapingPatched = true;
    }
    const run = this.font.layout(text);
    for (let i = 0; i < run.positions.length; i++) {
      const position = run.positions[i]!;
      position.xAdvance *= this.scale;
      position.yAdvance *= this.scale;
      position.xOffset *= this.scale;
      position.yOffset *= this.scale;
      position.advanceWidth = run.glyphs[i]!.advanceWidth * this.scale;
    }
    if (++this.layoutCount > MAX_LAYOUT_CACHE) {
      // Bound memory in a long-lived process; documents already open keep the old object.
      this.layoutCache = Object.create(null);
      this.layoutCount = 0;
    }
    this.layoutCache[text] = run;
    this.shapedSinceTaken++;
    return run;
  }

  /** A run the persistent cache holds and nobody has asked for yet, as stored (the writer reads it without decoding). */
  storedRun(text: string): StoredRun | undefined {
    return this.layoutCache[text] ? undefined : this.storedRuns?.peek(text);
  }

  /** Advance width of text in 1/1000 em. */
  advance(text: string): number {
    return this.shape(text).advanceWidth;
  }
}

export interface FontSet {
  dir: string;
  faces: Record<FaceId, Face>;
  /** Paragraph layouts made with these faces: owned here so no other font set can ever be handed them. */
  layout: LayoutCache;
  /** The persistent engine cache of this folder, when it is switched on (usePersistentEngineCache). */
  engineCache?: EngineCacheFile;
}

const loaded = new Map<string, FontSet>();

/**
 * The bundled faces of a folder, once per process. Each face is read and parsed when first asked for (a
 * document in plain English never needs the Arabic, Hebrew or symbol fallbacks); a missing file throws then.
 * pdfkit then reuses the parsed Font objects.
 */
export function loadFonts(dir: string): FontSet {
  const key = path.resolve(dir);
  const hit = loaded.get(key);
  if (hit) return hit;
  const faces = {} as Record<FaceId, Face>;
  const loadedFaces = new Map<FaceId, Face>();
  const layout = new LayoutCache();
  const set: FontSet = { dir: key, faces, layout };
  const bytes = new Map<FaceId, Buffer>();
  const cacheable: CacheableFonts = {
    dir: key,
    loadedFace: (id) => {
      const face = loadedFaces.get(id);
      return face && { runs: Object.entries(face.layoutCache), undecoded: face.storedRuns, facts: () => ({ postscriptName: face.font.postscriptName ?? null }) };
    },
    layoutEntries: () => layout.entries(),
    seedLayout: (entries) => layout.seed(entries),
    takeAdded: () => {
      let n = layout.takeAdded();
      for (const face of loadedFaces.values()) {
        n += face.shapedSinceTaken;
        face.shapedSinceTaken = 0;
      }
      return n + subsetMemo.takeAdded();
    },
  };
  const engineCache = EngineCacheFile.open(cacheable, subsetMemo, bytes);
  if (engineCache) set.engineCache = engineCache;
  for (const id of Object.keys(FACE_FILES) as FaceId[]) {
    Object.defineProperty(faces, id, {
      enumerable: true,
      configurable: true,
      get(): Face {
        const data = bytes.get(id) ?? readFace(path.join(key, FACE_FILES[id]));
        bytes.delete(id);
        const face = new Face(id, create(data), engineCache?.takeFace(id), engineCache?.faceFacts(id));
        loadedFaces.set(id, face);
        Object.defineProperty(faces, id, { value: face, enumerable: true, writable: false, configurable: false });
        return face;
      },
    });
  }
  loaded.set(key, set);
  return set;
}

function readFace(full: string): Buffer {
  try {
    return readFileSync(full);
  } catch {
    throw new Error(`bundled font missing: ${full}`);
  }
}
