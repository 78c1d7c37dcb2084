// Preview-mode font state kept across renders: one growing subset per face, so glyph ids stay valid between previews.
import type { FaceId } from './faces.js';
import type { PdfEmbeddedFont } from './pdfkit-api.js';

/** A word as TJ operands in a face's shared subset (glyph ids in hex, kerning offsets), plus its advance. */
export interface EncodedWord {
  tj: string;
  advance: number;
  marks: boolean;
}

/** What every preview document's pdfkit font for a face shares with the previous previews. */
interface SharedFace {
  subset: PdfEmbeddedFont['subset'];
  unicode: number[][];
  widths: number[];
  words: Map<string, EncodedWord>;
}

/**
 * Past these sizes the state starts again (a long-lived process that previewed many different documents):
 * every cached line is then re-encoded once, as on the first preview.
 */
const MAX_GLYPHS_PER_FACE = 6000;
const MAX_WORDS_PER_FACE = 100_000;

const shared = new Map<FaceId, SharedFace>();
let generation = 0;

/**
 * Export subsets a font per document, so glyph ids (and content written with them) mean nothing to the next
 * document. A preview instead keeps pdfkit's subset, widths and ToUnicode entries per face for the process:
 * a glyph keeps its id once given, so a line encoded for one preview can be written into the next one
 * unchanged, and the subset bytes are re-encoded only when new glyphs appear. The subset carries glyphs
 * earlier previews used: harmless in a preview, which is why export does not do this.
 */
export function shareFontState(face: FaceId, f: PdfEmbeddedFont): Map<string, EncodedWord> {
  let s = shared.get(face);
  if (!s) {
    s = { subset: f.subset, unicode: f.unicode, widths: f.widths, words: new Map() };
    memoizeGrowingSubset(f, s);
    shared.set(face, s);
  } else {
    f.subset = s.subset;
    f.unicode = s.unicode;
    f.widths = s.widths;
  }
  return s.words;
}

/** Changes whenever the shared state starts again: anything encoded under an older generation is stale. */
export function previewFontGeneration(): number {
  return generation;
}

/** Start again if any face grew past its bounds (call before a preview renders, never during one). */
export function boundPreviewFontState(): void {
  for (const s of shared.values()) {
    if (s.subset.glyphs.length > MAX_GLYPHS_PER_FACE || s.words.size > MAX_WORDS_PER_FACE) {
      resetPreviewFontState();
      return;
    }
  }
}

/** Forget the shared state: after a preview failed half-way, so one bad render cannot spoil the next ones. */
export function resetPreviewFontState(): void {
  shared.clear();
  generation++;
}

/**
 * The subset only grows, so its glyph count identifies its contents: encode again only when it changed.
 * fontkit adds the components of composite glyphs to the subset while encoding, after pdfkit recorded widths
 * and code points; in a subset that keeps growing those would become holes in the middle of the W array and
 * the ToUnicode list (pdfkit writes both densely), shifting every later glyph's width. Fill them in.
 */
function memoizeGrowingSubset(f: PdfEmbeddedFont, s: SharedFace): void {
  const encode = s.subset.encode.bind(s.subset);
  let count = -1;
  let bytes: Uint8Array | null = null;
  s.subset.encode = () => {
    if (!bytes || count !== s.subset.glyphs.length) {
      bytes = encode();
      count = s.subset.glyphs.length;
    }
    for (let gid = s.widths.length; gid < s.subset.glyphs.length; gid++) {
      const glyph = f.font.getGlyph(s.subset.glyphs[gid]!);
      s.widths[gid] = glyph.advanceWidth * f.scale;
      s.unicode[gid] = glyph.codePoints;
    }
    return bytes;
  };
}
