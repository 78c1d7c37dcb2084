// Handlers that turn a brief into pages: compose, live preview, PDF export and "Show in folder".
import path from 'node:path';
import type { Handlers } from '../../../shared/ipc/channels.js';
import { fileNameFor } from '../documents/document-service.js';
import type { Services } from '../container.js';

export function exportHandlers(s: Services): Pick<Handlers, 'composeBrief' | 'previewPdf' | 'exportPdf' | 'revealLastExport'> {
  // Only a path this service wrote itself may be revealed: the renderer never names a file.
  let lastExport: string | null = null;
  return {
    composeBrief: async (brief) => s.exporter.compose(brief),
    previewPdf: async (brief) => {
      const r = await s.exporter.renderPreview(brief);
      return { pdf: r.bytes, pageCount: r.pageCount, warnings: r.doc.warnings };
    },
    exportPdf: async (brief, options) => {
      const target = await s.deps.dialogs.savePdf(`${fileNameFor(brief.meta.title)}.pdf`);
      if (!target) return { status: 'canceled' };
      const r = await s.exporter.exportTo(brief, target, options);
      lastExport = r.outPath;
      return { status: 'saved', displayName: path.basename(r.outPath), pageCount: r.pageCount, warnings: r.doc.warnings, fontWarnings: r.fontWarnings };
    },
    revealLastExport: async () => {
      if (!lastExport || !s.deps.revealFile) return { revealed: false };
      s.deps.revealFile(lastExport);
      return { revealed: true };
    },
  };
}
