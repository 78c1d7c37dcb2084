// Preview output: untagged, uncompressed, no links; fonts and encoded lines reused from earlier previews in the process.
import { fmt, runsOps, type ContentBuffer } from './content-ops.js';
import { DocumentFonts } from './document-fonts.js';
import { FACE_FILES, type FaceId } from './faces.js';
import type { FontSet } from './fonts.js';
import type { Line } from './layout-types.js';
import type { DocumentOutput, OutputStrategy, PdfkitModeOptions } from './output.js';
import type { PdfDoc } from './pdfkit-api.js';
import { fixResourceName } from './pdfkit-patches.js';
import { PreviewFontState } from './preview-fonts.js';
import { NoTags } from './tagging.js';

/** Preview resource names follow this fixed order of the faces. */
const FACE_ORDER = Object.keys(FACE_FILES) as FaceId[];

/** A line's text operators relative to its origin, valid while the font generation holds. */
interface EncodedLine {
  generation: number;
  ops: string;
}

/**
 * The composer draws preview pages onto a canvas with pdf.js and throws them away: no structure tree, no
 * annotation layer, no saving. One instance serves the process (`previewOutput`), because its state is
 * what makes the next preview cheap: the shared font subsets and every line's encoded text.
 */
class PreviewOutput implements OutputStrategy {
  // A preview goes through memory to pdf.js at once: deflating its pages would cost more than it saves.
  readonly pdfkit: PdfkitModeOptions = { tagged: false, compress: false };
  private readonly fontState = new PreviewFontState();
  /** Kept with the Line object: paragraph layout hands back the same Line objects for unchanged paragraphs. */
  private readonly lines = new WeakMap<Line, EncodedLine>();

  write(run: () => void): void {
    this.fontState.bound();
    try {
      run();
    } catch (e) {
      this.fontState.reset();
      throw e;
    }
  }

  open(doc: PdfDoc, content: ContentBuffer, fonts: FontSet): DocumentOutput {
    const docFonts = new DocumentFonts(doc, fonts, (face, f) => {
      // Fixed resource names, so a line encoded for an earlier preview names the same font in this one.
      fixResourceName(f, `F${FACE_ORDER.indexOf(face) + 1}`);
      return this.fontState.share(fonts.faces[face], f);
    });
    return new PreviewDocument(content, docFonts, this.fontState, this.lines);
  }
}

export const previewOutput = new PreviewOutput();

class PreviewDocument implements DocumentOutput {
  readonly marker = new NoTags();

  constructor(
    private readonly content: ContentBuffer,
    private readonly fonts: DocumentFonts,
    private readonly fontState: PreviewFontState,
    private readonly lines: WeakMap<Line, EncodedLine>,
  ) {}

  /** Named destinations serve internal links, which a preview does not write; bookmarks point at pages directly. */
  destination(): void {}

  /** Untagged and without annotations (a quarter of preview writing was link annotations): the line is one piece. */
  line(line: Line, x: number, top: number): void {
    this.content.emit(this.lineOps(line, x, top + line.baseline));
  }

  /**
   * Encoded once per process and kept with the Line object, with coordinates relative to the line's origin and
   * a translation in front, so the cached text still fits when the line moves to another place or page.
   */
  lineOps(line: Line, x: number, baseline: number): string {
    const generation = this.fontState.generation();
    let cached = this.lines.get(line);
    if (cached?.generation !== generation) {
      cached = { generation, ops: runsOps(this.fonts, line.runs, 0, 0) };
      this.lines.set(line, cached);
    } else {
      // The fonts still have to be resources of this page, as runsOps would have made them.
      for (const run of line.runs) if (run.text) this.fonts.use(run.face);
    }
    return `q 1 0 0 1 ${fmt(x)} ${fmt(baseline)} cm\n${cached.ops}\nQ`;
  }
}
