// Exporting the brief to PDF or Word: the PDF/A choice, the export's progress and result, and "Show in folder".
import { useCallback, useState } from 'react';
import { api } from '../api.js';
import type { BriefStore } from '../state/useBriefStore.js';
import type { ExportResult, ReleaseArgs, WordExportResult } from '../../../shared/ipc/channels.js';
import type { ExportStatus } from './ExportControls.js';

export function useExport(store: BriefStore, say: (text: string) => void) {
  const [pdfa, setPdfa] = useState(false);
  const [status, setStatus] = useState<ExportStatus>({ kind: 'idle' });

  const runPdf = useCallback(async (draft: boolean, release?: ReleaseArgs) => {
    if (store.current().sections.length === 0) return say('Add at least one section before exporting.');
    setStatus({ kind: 'busy', startedAt: Date.now(), format: 'PDF' });
    try {
      const result = await api().exportPdf(store.current(), { pdfa, ...(draft && { draft: true }), ...(release && { release }) });
      setStatus(statusOf(result, 'PDF'));
    } catch (e) {
      setStatus({ kind: 'error', message: (e as Error).message });
    }
  }, [store, pdfa, say]);

  /** The same brief as a .docx for clearance rounds (main composes it as for the PDF). */
  const runWord = useCallback(async (draft: boolean) => {
    if (store.current().sections.length === 0) return say('Add at least one section before exporting.');
    setStatus({ kind: 'busy', startedAt: Date.now(), format: 'Word file' });
    try {
      const result = await api().exportWord(store.current(), draft ? { draft: true } : {});
      setStatus(statusOf(result, 'Word file'));
    } catch (e) {
      setStatus({ kind: 'error', message: (e as Error).message });
    }
  }, [store, say]);

  const reveal = useCallback(async () => {
    const r = await api().revealLastExport().catch(() => ({ revealed: false }));
    if (!r.revealed) say('Showing the file in its folder is only available in the desktop app.');
  }, [say]);

  const dismiss = useCallback(() => setStatus({ kind: 'idle' }), []);
  // Buttons and menu commands call these with no argument (never an event as the draft flag).
  const exportPdf = useCallback(() => runPdf(false), [runPdf]);
  const exportWord = useCallback(() => runWord(false), [runWord]);
  const exportReleasable = useCallback((release: ReleaseArgs) => runPdf(false, release), [runPdf]);
  const exportDraft = useCallback((format: 'PDF' | 'Word file') => void (format === 'PDF' ? runPdf(true) : runWord(true)), [runPdf, runWord]);
  return { pdfa, setPdfa, status, exportPdf, exportWord, exportDraft, exportReleasable, reveal, dismiss };
}

function statusOf(result: ExportResult | WordExportResult, format: 'PDF' | 'Word file'): ExportStatus {
  if (result.status === 'saved') return { kind: 'saved', result };
  if (result.status === 'blocked') return { kind: 'blocked', format, errors: result.errors };
  return { kind: 'idle' };
}

export type ExportControlsState = ReturnType<typeof useExport>;
