// Export with a review first: the brief is composed as it is now; with warnings the "Review before export" dialog
// opens (marking errors block it, leaving the DRAFT copy), without any the export goes straight ahead.
import { useCallback, useState } from 'react';
import type { ComposeWarning } from '../../../shared/model/composed-doc.js';
import { api } from '../api.js';
import type { BriefStore } from '../state/useBriefStore.js';
import type { ExportFormat } from './ReviewExportDialog.js';
import type { ExportControlsState } from './useExport.js';

export interface PendingReview {
  format: ExportFormat;
  warnings: ComposeWarning[];
}

export function useExportReview(store: BriefStore, exporting: ExportControlsState, say: (text: string) => void) {
  const [pending, setPending] = useState<PendingReview | null>(null);

  const request = useCallback(
    async (format: ExportFormat) => {
      const go = format === 'PDF' ? exporting.exportPdf : exporting.exportWord;
      const brief = store.current();
      // An empty or untitled brief gets the exporter's own message.
      if (brief.sections.length === 0 || !brief.meta.title.trim()) return go();
      let warnings: ComposeWarning[];
      try {
        warnings = (await api().composeBrief(brief)).warnings;
      } catch (e) {
        return say(`Could not check the brief before export: ${(e as Error).message}`);
      }
      if (warnings.length === 0) return go();
      setPending({ format, warnings });
    },
    [store, exporting.exportPdf, exporting.exportWord, say],
  );

  const cancel = useCallback(() => setPending(null), []);
  const exportAnyway = useCallback(() => {
    if (!pending) return;
    setPending(null);
    void (pending.format === 'PDF' ? exporting.exportPdf() : exporting.exportWord());
  }, [pending, exporting]);
  const exportDraft = useCallback(() => {
    if (!pending) return;
    setPending(null);
    exporting.exportDraft(pending.format);
  }, [pending, exporting]);

  const exportPdf = useCallback(() => request('PDF'), [request]);
  const exportWord = useCallback(() => request('Word file'), [request]);
  return { pending, cancel, exportAnyway, exportDraft, exportPdf, exportWord };
}
