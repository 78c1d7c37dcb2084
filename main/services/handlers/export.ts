// Handlers that turn a brief into pages: compose, live preview, PDF and Word export, and "Show in folder".
import path from 'node:path';
import type { Handlers } from '../../../shared/ipc/channels.js';
import { markingErrors, type ComposeWarning } from '../../../shared/model/composed-doc.js';
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
      const errors = blockingErrors(markingErrors(s.exporter.compose(brief, options)), options.draft);
      if (errors.length) return { status: 'blocked', errors };
      const target = await s.dialogs.savePdf(`${fileNameFor(brief.meta.title)}.pdf`);
      if (!target) return { status: 'canceled' };
      const r = await s.exporter.exportTo(brief, target, options);
      return { status: 'saved', displayName: path.basename(r.outPath), pageCount: r.pageCount, warnings: r.doc.warnings, fontWarnings: r.fontWarnings };
    },
    exportWord: async (brief, options = {}) => {
      const errors = blockingErrors(markingErrors(s.exporter.compose(brief, options)), options.draft);
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

/** What stops an export: every marking error, or for a draft only a marking the profile cannot read (see export-service). */
function blockingErrors(errors: ComposeWarning[], draft: boolean | undefined): ComposeWarning[] {
  return draft ? errors.filter((e) => e.code === 'unknown-marking') : errors;
}
