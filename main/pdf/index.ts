// The PDF engine's entry point: ComposedDoc -> laid-out pages -> tagged (optionally PDF/A-2b, or 3b with attachments) PDF bytes.
import type { ComposedDoc } from '../../shared/model/composed-doc.js';
import { endPhase } from '../../shared/phases.js';
import { layoutDocument, type LaidOutDocument } from './layout-document.js';
import { keepingBetweenExports } from './export-line-cache.js';
import { ExportOutput } from './output-export.js';
import { previewOutput } from './output-preview.js';
import { writePdf } from './writer.js';

export { findAssetsDir } from './assets.js';
export { usePersistentEngineCache, type EngineCacheOptions } from './engine-cache.js';
export { keepLinesBetweenExports } from './export-line-cache.js';
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
  /**
   * Files embedded in the PDF (the audit manifest), with relationship Data. Never in a preview. With PDF/A they make
   * it PDF/A-3b, the part that allows attachments that are not PDF/A themselves.
   */
  attachments?: PdfAttachment[];
}

export interface PdfAttachment {
  name: string;
  /** MIME type, e.g. application/json. */
  type: string;
  description: string;
  data: Uint8Array;
}

export interface RenderResult {
  bytes: Uint8Array;
  pageCount: number;
  warnings: string[];
}

export async function renderPdf(doc: ComposedDoc, options: RenderOptions = {}): Promise<RenderResult> {
  endPhase('compose');
  // An export may reuse the pages of the same document laid out just before (a re-export, a batch of copies), unless
  // this process exports only the one document.
  const laid = layoutDocument(doc, { fontsDir: options.fontsDir, reuse: !options.preview && keepingBetweenExports() });
  endPhase('layout');
  return writeLaidOut(doc, laid, options);
}

/** The writing half of renderPdf, for a caller that laid the document out itself (the preview benchmark times both). */
export function writeLaidOut(doc: ComposedDoc, laid: LaidOutDocument, options: RenderOptions = {}): RenderResult {
  const bytes = writePdf({
    fonts: laid.fonts,
    page: laid.theme.page,
    // The one place the mode is chosen: a preview is never PDF/A.
    output: options.preview ? previewOutput : new ExportOutput(!!options.pdfa, !!options.attachments?.length),
    attachments: options.preview ? [] : (options.attachments ?? []),
    pages: laid.pages,
    info: {
      title: doc.meta.title,
      author: doc.meta.authors.join(', '),
      subject: doc.meta.subject ?? doc.meta.subtitle ?? doc.meta.memo?.subject ?? '',
      // The marking leads the keywords too, so any reader's document properties show it.
      keywords: [...(doc.marking.banner ? [doc.marking.banner] : []), ...doc.meta.keywords].join(', '),
      classification: doc.marking.banner,
      language: doc.language || 'en',
      creationDate: options.creationDate ?? new Date(),
    },
  });
  // What this render shaped, broke and encoded is kept for the next process (when the persistent cache is on).
  laid.fonts.engineCache?.afterRender();
  endPhase('write');
  return { bytes, pageCount: laid.pages.length, warnings: laid.warnings };
}
