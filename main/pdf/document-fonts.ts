// The pdfkit fonts of one document: each face registered on first use and made a resource of every page using it.
import type { EncodedWord, TextFonts } from './content-ops.js';
import type { FaceId } from './faces.js';
import type { FontSet } from './fonts.js';
import type { PdfDoc, PdfEmbeddedFont } from './pdfkit-api.js';
import { shareLayoutCache } from './pdfkit-patches.js';

/** What a mode does with a face's pdfkit font when it is first used; returns the memo for its encoded words. */
export type AdoptFont = (face: FaceId, f: PdfEmbeddedFont) => Map<string, EncodedWord>;

export class DocumentFonts implements TextFonts {
  private readonly embedded = new Map<FaceId, PdfEmbeddedFont>();
  private readonly memos = new Map<PdfEmbeddedFont, Map<string, EncodedWord>>();

  constructor(
    private readonly doc: PdfDoc,
    private readonly fonts: FontSet,
    private readonly adopt: AdoptFont,
  ) {}

  use(face: FaceId): PdfEmbeddedFont {
    const f = this.font(face);
    this.doc.page.fonts[f.id] = f.ref();
    return f;
  }

  words(f: PdfEmbeddedFont): Map<string, EncodedWord> {
    return this.memos.get(f)!;
  }

  private font(face: FaceId): PdfEmbeddedFont {
    let f = this.embedded.get(face);
    if (!f) {
      // Registered on first use: faces are parsed lazily (fonts.ts), and pdfkit names fonts in order of use anyway.
      this.doc.registerFont(face, this.fonts.faces[face].font);
      this.doc.font(face);
      f = this.doc._font;
      const shared = this.fonts.faces[face];
      shareLayoutCache(f, shared.layoutCache);
      // pdfkit's own shaping of a word (encode, widthOfString) goes through the face too: the same scaling, the sped-up shaper, one memo.
      f.layoutCached = (text) => shared.shape(text) as ReturnType<PdfEmbeddedFont['layoutCached']>; // Face.shape sets each position's advanceWidth
      this.memos.set(f, this.adopt(face, f));
      this.embedded.set(face, f);
    }
    return f;
  }
}
