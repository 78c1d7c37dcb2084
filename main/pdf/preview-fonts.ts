// Preview-mode font state kept across renders: one growing subset per face, so glyph ids stay valid between previews.
import type { EncodedWord } from './content-ops.js';
import type { Face } from './fonts.js';
import type { PdfEmbeddedFont } from './pdfkit-api.js';
import { adoptSubset, growingSubset, type SubsetState } from './pdfkit-patches.js';

/** What every preview document's pdfkit font for a face shares with the previous previews. */
interface SharedFace {
  subset: SubsetState;
  words: Map<string, EncodedWord>;
}

/**
 * Past these sizes the state starts again (a long-lived process that previewed many different documents):
 * every cached line is then re-encoded once, as on the first preview.
 */
const MAX_GLYPHS_PER_FACE = 6000;
const MAX_WORDS_PER_FACE = 100_000;

/**
 * Export subsets a font per document, so glyph ids (and content written with them) mean nothing to the next
 * document. A preview instead keeps pdfkit's subset, widths and ToUnicode entries per face for the process:
 * a glyph keeps its id once given, so a line encoded for one preview can be written into the next one
 * unchanged, and the subset bytes are re-encoded only when new glyphs appear. The subset carries glyphs
 * earlier previews used: harmless in a preview, which is why export does not do this.
 */
export class PreviewFontState {
  /** By Face object: faces of two font folders are two fonts, even under one face name. */
  private readonly shared = new Map<Face, SharedFace>();
  private gen = 0;

  /** Give this document's font for `face` the shared subset; returns the face's memo of encoded words. */
  share(face: Face, f: PdfEmbeddedFont): Map<string, EncodedWord> {
    let s = this.shared.get(face);
    if (!s) {
      s = { subset: growingSubset(f), words: new Map() };
      this.shared.set(face, s);
    } else adoptSubset(f, s.subset);
    return s.words;
  }

  /** Changes whenever the shared state starts again: anything encoded under an older generation is stale. */
  generation(): number {
    return this.gen;
  }

  /** Start again if any face grew past its bounds (call before a preview renders, never during one). */
  bound(): void {
    for (const s of this.shared.values()) {
      if (s.subset.subset.glyphs.length > MAX_GLYPHS_PER_FACE || s.words.size > MAX_WORDS_PER_FACE) {
        this.reset();
        return;
      }
    }
  }

  /** Forget the shared state: after a preview failed half-way, so one bad render cannot spoil the next ones. */
  reset(): void {
    this.shared.clear();
    this.gen++;
  }
}
