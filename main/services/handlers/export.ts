// Handlers that turn a brief into pages: compose, live preview, PDF and Word export, and "Show in folder".
import path from 'node:path';
import type { Handlers } from '../../../shared/ipc/channels.js';
import { markingErrors } from '../../../shared/model/composed-doc.js';
import { fileNameFor } from '../documents/document-service.js';
import type { HandlerServices } from './services.js';

export function exportHandlers(s: Pick<HandlerServices, 'exporter' | 'dialogs'>): Pick<Handlers, 'composeBrief' | 'previewPdf' | 'exportPdf' | 'exportWord' | 'revealLastExport' | 'markingProfiles'> {
  return {
    composeBrief: async (brief) => s.exporter.compose(brief),
    previewPdf: async (brief, options) => {
      const r = await s.exporter.renderPreview(brief, options?.release ? { release: options.release } : {});
      return { pdf: r.bytes, pageCount: r.pageCount, warnings: r.doc.warnings };
    },
    exportPdf: async (brief, options) => {
      // Checked before the save dialog: a refused export never asks where to put the file.
      const errors = options.draft ? [] : markingErrors(s.exporter.compose(brief, options));
      if (errors.length) return { status: 'blocked', errors };
      const target = await s.dialogs.savePdf(`${fileNameFor(brief.meta.title)}.pdf`);
      if (!target) return { status: 'canceled' };
      const r = await s.exporter.exportTo(brief, target, options);
      return { status: 'saved', displayName: path.basename(r.outPath), pageCount: r.pageCount, warnings: r.doc.warnings, fontWarnings: r.fontWarnings };
    },
    exportWord: async (brief, options = {}) => {
      const errors = options.draft ? [] : markingErrors(s.exporter.compose(brief, options));
      if (errors.length) return { status: 'blocked', errors };
      const target = await s.dialogs.saveDocx(`${fileNameFor(brief.meta.title)}.docx`);
      if (!target) return { status: 'canceled' };
      const r = await s.exporter.exportWordTo(brief, target, options);
      return { status: 'saved', displayName: path.basename(r.outPath), noteCount: r.noteCount, warnings: r.doc.warnings };
    },
    revealLastExport: async () => ({ revealed: s.exporter.revealLastExport() }),
    markingProfiles: async () => s.exporter.markingProfiles(),
  };
}
