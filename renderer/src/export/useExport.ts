// Exporting the brief to PDF or Word: the PDF/A choice, the export's progress and result, and "Show in folder".
import { useCallback, useState } from 'react';
import { api } from '../api.js';
import type { BriefStore } from '../state/useBriefStore.js';
import type { ExportStatus } from './ExportControls.js';

export function useExport(store: BriefStore, say: (text: string) => void) {
  const [pdfa, setPdfa] = useState(false);
  const [status, setStatus] = useState<ExportStatus>({ kind: 'idle' });

  const exportPdf = useCallback(async () => {
    if (store.current().sections.length === 0) return say('Add at least one section before exporting.');
    setStatus({ kind: 'busy', startedAt: Date.now(), format: 'PDF' });
    try {
      const result = await api().exportPdf(store.current(), { pdfa });
      setStatus(result.status === 'saved' ? { kind: 'saved', result } : { kind: 'idle' });
    } catch (e) {
      setStatus({ kind: 'error', message: (e as Error).message });
    }
  }, [store, pdfa, say]);

  /** The same brief as a .docx for clearance rounds (main composes it as for the PDF). */
  const exportWord = useCallback(async () => {
    if (store.current().sections.length === 0) return say('Add at least one section before exporting.');
    setStatus({ kind: 'busy', startedAt: Date.now(), format: 'Word file' });
    try {
      const result = await api().exportWord(store.current());
      setStatus(result.status === 'saved' ? { kind: 'saved', result } : { kind: 'idle' });
    } catch (e) {
      setStatus({ kind: 'error', message: (e as Error).message });
    }
  }, [store, say]);

  const reveal = useCallback(async () => {
    const r = await api().revealLastExport().catch(() => ({ revealed: false }));
    if (!r.revealed) say('Showing the file in its folder is only available in the desktop app.');
  }, [say]);

  const dismiss = useCallback(() => setStatus({ kind: 'idle' }), []);
  return { pdfa, setPdfa, status, exportPdf, exportWord, reveal, dismiss };
}

export type ExportControlsState = ReturnType<typeof useExport>;
