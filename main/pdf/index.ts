// The PDF engine's entry point: ComposedDoc -> laid-out pages -> tagged (optionally PDF/A-2b) PDF bytes.
import type { ComposedDoc } from '../../shared/model/composed-doc.js';
import { layoutDocument, type LaidOutDocument } from './layout-document.js';
import { ExportOutput } from './output-export.js';
import { previewOutput } from './output-preview.js';
import { writePdf } from './writer.js';

export { findAssetsDir } from './assets.js';
export { layoutDocument, type LaidOutDocument, type LayoutOptions } from './layout-document.js';

export interface RenderOptions {
  /** PDF/A-2b instead of plain tagged PDF 1.7. */
  pdfa?: boolean;
  /** Folder with the bundled fonts (defaults to the repo's assets/fonts). */
  fontsDir?: string;
  /** Fixed creation date: with it, the same input gives byte-identical output. */
  creationDate?: Date;
  /**
   * For the composer's live preview: same pages and text, written fast (untagged, uncompressed, fonts and
   * unchanged lines reused from earlier previews in this process). Never PDF/A (`pdfa` is ignored). Not for saving.
   */
  preview?: boolean;
}

export interface RenderResult {
  bytes: Uint8Array;
  pageCount: number;
  warnings: string[];
}

export async function renderPdf(doc: ComposedDoc, options: RenderOptions = {}): Promise<RenderResult> {
  return writeLaidOut(doc, layoutDocument(doc, options), options);
}

/** The writing half of renderPdf, for a caller that laid the document out itself (the preview benchmark times both). */
export function writeLaidOut(doc: ComposedDoc, laid: LaidOutDocument, options: RenderOptions = {}): RenderResult {
  const bytes = writePdf({
    fonts: laid.fonts,
    page: laid.theme.page,
    // The one place the mode is chosen: a preview is never PDF/A.
    output: options.preview ? previewOutput : new ExportOutput(!!options.pdfa),
    pages: laid.pages,
    info: {
      title: doc.meta.title,
      author: doc.meta.authors.join(', '),
      subject: doc.meta.subject ?? doc.meta.subtitle ?? doc.meta.memo?.subject ?? '',
      keywords: doc.meta.keywords.join(', '),
      language: doc.language || 'en',
      creationDate: options.creationDate ?? new Date(),
    },
  });
  return { bytes, pageCount: laid.pages.length, warnings: laid.warnings };
}
