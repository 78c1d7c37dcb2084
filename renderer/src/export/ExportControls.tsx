// Export: PDF/A option, the native save dialog through main, progress while it runs, and "Show in folder".
import { useEffect, useState } from 'react';
import type { ExportResult } from '../../../shared/ipc/channels.js';

export type ExportStatus =
  | { kind: 'idle' }
  | { kind: 'busy'; startedAt: number }
  | { kind: 'saved'; result: Extract<ExportResult, { status: 'saved' }> }
  | { kind: 'error'; message: string };

interface ControlsProps {
  status: ExportStatus;
  pdfa: boolean;
  canExport: boolean;
  onPdfaChange(v: boolean): void;
  onExport(): void;
}

interface StatusBarProps {
  status: ExportStatus;
  onReveal(): void;
  onDismiss(): void;
}

export function ExportControls({ status, pdfa, canExport, onPdfaChange, onExport }: ControlsProps) {
  const busy = status.kind === 'busy';
  return (
    <div className="export-controls">
      <label className="check">
        <input type="checkbox" checked={pdfa} onChange={(e) => onPdfaChange(e.target.checked)} /> PDF/A-2b
      </label>
      <button type="button" className="primary" onClick={onExport} disabled={!canExport || busy} aria-keyshortcuts="Control+E">
        {busy ? 'Exporting…' : 'Export PDF…'}
      </button>
    </div>
  );
}

/** Below the top bar: progress while exporting, then the result with "Show in folder". */
export function ExportStatusBar({ status, onReveal, onDismiss }: StatusBarProps) {
  const fontWarnings = status.kind === 'saved' ? status.result.fontWarnings : [];
  // A long export (a big brief, PDF/A) shows how long it has been running, once a second.
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (status.kind !== 'busy') return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [status.kind]);
  const seconds = status.kind === 'busy' ? Math.max(0, Math.floor((now - status.startedAt) / 1000)) : 0;
  return (
    <div className={`export-status ${status.kind}`} role="status" aria-live="polite" hidden={status.kind === 'idle'}>
      {status.kind === 'busy' && (
        <>
          <span>Exporting the PDF…{seconds >= 2 && ` ${seconds} s`}</span>
          <progress className="export-progress" aria-label="Exporting the PDF" />
        </>
      )}
      {status.kind === 'saved' && (
        <>
          <span className="status-text">
            Saved {status.result.displayName} — {status.result.pageCount} page{status.result.pageCount === 1 ? '' : 's'}
            {fontWarnings.length > 0 && ` · ${fontWarnings.join('; ')}`}
          </span>
          <button type="button" onClick={onReveal}>Show in folder</button>
        </>
      )}
      {status.kind === 'error' && <span className="status-text">Export failed: {status.message}</span>}
      {(status.kind === 'saved' || status.kind === 'error') && (
        <button type="button" onClick={onDismiss}>Dismiss</button>
      )}
    </div>
  );
}
