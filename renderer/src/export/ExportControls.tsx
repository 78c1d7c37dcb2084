// Export: PDF/A option, the native save dialog through main, progress while it runs, and "Show in folder".
import type { ExportResult } from '../../../shared/ipc/channels.js';

export type ExportStatus =
  | { kind: 'idle' }
  | { kind: 'busy'; startedAt: number }
  | { kind: 'saved'; result: Extract<ExportResult, { status: 'saved' }> }
  | { kind: 'error'; message: string };

interface Props {
  status: ExportStatus;
  pdfa: boolean;
  canExport: boolean;
  onPdfaChange(v: boolean): void;
  onExport(): void;
  onReveal(): void;
}

export function ExportControls({ status, pdfa, canExport, onPdfaChange, onExport, onReveal }: Props) {
  const busy = status.kind === 'busy';
  return (
    <div className="export-controls">
      <label className="check">
        <input type="checkbox" checked={pdfa} onChange={(e) => onPdfaChange(e.target.checked)} /> PDF/A-2b
      </label>
      <button type="button" className="primary" onClick={onExport} disabled={!canExport || busy} aria-keyshortcuts="Control+E">
        {busy ? 'Exporting…' : 'Export PDF…'}
      </button>
      {busy && <progress className="export-progress" aria-label="Exporting the PDF" />}
      <span className={`status ${status.kind}`} role="status" aria-live="polite">
        {status.kind === 'saved' &&
          `Saved ${status.result.displayName} — ${status.result.pageCount} page${status.result.pageCount === 1 ? '' : 's'}${status.result.fontWarnings.length ? ` (${status.result.fontWarnings.length} font warning${status.result.fontWarnings.length === 1 ? '' : 's'})` : ''}`}
        {status.kind === 'error' && `Export failed: ${status.message}`}
      </span>
      {status.kind === 'saved' && (
        <button type="button" onClick={onReveal}>
          Show in folder
        </button>
      )}
    </div>
  );
}
