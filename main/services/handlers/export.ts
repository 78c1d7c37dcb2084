// Handlers that turn a brief into pages: compose, live preview, PDF and Word export, and "Show in folder".
import path from 'node:path';
import type { Handlers } from '../../../shared/ipc/channels.js';
import { fileNameFor } from '../documents/document-service.js';
import type { HandlerServices } from './services.js';

export function exportHandlers(s: Pick<HandlerServices, 'exporter' | 'dialogs'>): Pick<Handlers, 'composeBrief' | 'previewPdf' | 'exportPdf' | 'exportWord' | 'revealLastExport'> {
  return {
    composeBrief: async (brief) => s.exporter.compose(brief),
    previewPdf: async (brief) => {
      const r = await s.exporter.renderPreview(brief);
      return { pdf: r.bytes, pageCount: r.pageCount, warnings: r.doc.warnings };
    },
    exportPdf: async (brief, options) => {
      const target = await s.dialogs.savePdf(`${fileNameFor(brief.meta.title)}.pdf`);
      if (!target) return { status: 'canceled' };
      const r = await s.exporter.exportTo(brief, target, options);
      return { status: 'saved', displayName: path.basename(r.outPath), pageCount: r.pageCount, warnings: r.doc.warnings, fontWarnings: r.fontWarnings };
    },
    exportWord: async (brief) => {
      const target = await s.dialogs.saveDocx(`${fileNameFor(brief.meta.title)}.docx`);
      if (!target) return { status: 'canceled' };
      const r = await s.exporter.exportWordTo(brief, target);
      return { status: 'saved', displayName: path.basename(r.outPath), noteCount: r.noteCount, warnings: r.doc.warnings };
    },
    revealLastExport: async () => ({ revealed: s.exporter.revealLastExport() }),
  };
}
