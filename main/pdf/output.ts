// Output strategies: what export and preview each decide about writing the same frame, chosen once per render.
import type { ContentBuffer } from './content-ops.js';
import type { StructNode } from './flow.js';
import type { FontSet } from './fonts.js';
import type { Line } from './layout-types.js';
import type { PdfDoc } from './pdfkit-api.js';
import type { ContentMarker } from './tagging.js';

/** The pdfkit document options that differ between the modes. */
export interface PdfkitModeOptions {
  tagged: boolean;
  compress: boolean;
  subset?: 'PDF/A-2b' | 'PDF/A-3b';
}

/**
 * Export (output-export.ts) writes a tagged, compressed, self-contained file; preview (output-preview.ts)
 * writes what pdf.js needs to draw the pages, reusing work from earlier previews. The page writer
 * (writer.ts) draws the frame the same way for both and asks the strategy only what this interface says.
 */
export interface OutputStrategy {
  readonly pdfkit: PdfkitModeOptions;
  /** Run one document's synchronous write, with the process-wide set-up and clean-up this mode needs. */
  write(run: () => void): void;
  /** Start a document: its structure tree (or none), its fonts, how it draws text. */
  open(doc: PdfDoc, content: ContentBuffer, fonts: FontSet): DocumentOutput;
}

/** One document being written in a mode. */
export interface DocumentOutput {
  /** Marks content into the structure tree (export) or nowhere (preview). */
  readonly marker: ContentMarker;
  /** A heading's or note's anchor at `top` on the current page (a target for internal links). */
  destination(id: string, top: number): void;
  /** A body line at (x, top), its text marked into `struct` (null: an artifact), links made clickable where written. */
  line(line: Line, x: number, top: number, struct: StructNode | null): void;
  /** A whole line's text operators with its baseline at (x, baseline): labels and page furniture. */
  lineOps(line: Line, x: number, baseline: number): string;
}
