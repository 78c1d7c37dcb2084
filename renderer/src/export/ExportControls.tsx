// Export: PDF/A option, PDF and Word through the native save dialog in main, progress while it runs, and "Show in folder".
import { useEffect, useState } from 'react';
import type { ExportResult, WordExportResult } from '../../../shared/ipc/channels.js';
import type { ComposeWarning } from '../../../shared/model/composed-doc.js';

export type ExportStatus =
  | { kind: 'idle' }
  | { kind: 'busy'; startedAt: number; format: 'PDF' | 'Word file' }
  | { kind: 'saved'; result: Extract<ExportResult, { status: 'saved' }> | Extract<WordExportResult, { status: 'saved' }> }
  | { kind: 'error'; message: string }
  /** Marking errors stopped the export before any dialog; a DRAFT copy can still be asked for. */
  | { kind: 'blocked'; format: 'PDF' | 'Word file'; errors: ComposeWarning[] };

interface ControlsProps {
  status: ExportStatus;
  pdfa: boolean;
  canExport: boolean;
  onPdfaChange(v: boolean): void;
  onExport(): void;
  onExportWord(): void;
  /** Opens "Export releasable copy…" (shown when the brief has a marking profile). */
  onExportReleasable?: () => void;
}

interface StatusBarProps {
  status: ExportStatus;
  onReveal(): void;
  onDismiss(): void;
  /** Export the blocked format again as a DRAFT (its banner says DRAFT — MARKINGS INCOMPLETE). */
  onExportDraft(format: 'PDF' | 'Word file'): void;
}

export function ExportControls({ status, pdfa, canExport, onPdfaChange, onExport, onExportWord, onExportReleasable }: ControlsProps) {
  const busy = status.kind === 'busy';
  return (
    <div className="export-controls">
      <label className="check">
        <input type="checkbox" checked={pdfa} onChange={(e) => onPdfaChange(e.target.checked)} /> PDF/A
      </label>
      <button type="button" className="primary" onClick={onExport} disabled={!canExport || busy} aria-keyshortcuts="Control+E">
        {busy ? 'Exporting…' : 'Export PDF…'}
      </button>
      <button type="button" onClick={onExportWord} disabled={!canExport || busy} aria-keyshortcuts="Control+Shift+E">
        Export Word…
      </button>
      {onExportReleasable && (
        <button type="button" onClick={onExportReleasable} disabled={!canExport || busy}>
          Releasable copy…
        </button>
      )}
    </div>
  );
}

/** Below the top bar: progress while exporting, then the result with "Show in folder". */
export function ExportStatusBar({ status, onReveal, onDismiss, onExportDraft }: StatusBarProps) {
  const fontWarnings = status.kind === 'saved' && 'fontWarnings' in status.result ? status.result.fontWarnings : [];
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
          <span>Exporting the {status.format}…{seconds >= 2 && ` ${seconds} s`}</span>
          <progress className="export-progress" aria-label={`Exporting the ${status.format}`} />
        </>
      )}
      {status.kind === 'saved' && (
        <>
          <span className="status-text">
            Saved {status.result.displayName} — {savedDetail(status.result)}
            {fontWarnings.length > 0 && ` · ${fontWarnings.join('; ')}`}
          </span>
          <button type="button" onClick={onReveal}>Show in folder</button>
        </>
      )}
      {status.kind === 'error' && <span className="status-text">Export failed: {status.message}</span>}
      {status.kind === 'blocked' && (
        <>
          <div className="status-text">
            <strong>
              Not exported: {status.errors.length} marking {status.errors.length === 1 ? 'error' : 'errors'} (listed under Warnings).
            </strong>
            <ul className="marking-errors" aria-label="Marking errors">
              {status.errors.map((e, i) => (
                <li key={i}>{e.message}</li>
              ))}
            </ul>
          </div>
          {!status.errors.some((e) => e.code === 'unknown-marking') && (
            <button type="button" onClick={() => onExportDraft(status.format)}>
              Export DRAFT copy…
            </button>
          )}
        </>
      )}
      {(status.kind === 'saved' || status.kind === 'error' || status.kind === 'blocked') && (
        <button type="button" onClick={onDismiss}>Dismiss</button>
      )}
    </div>
  );
}

/** "12 pages" for a PDF; a Word file has no pages of its own until Word lays it out, so its endnotes are counted. */
function savedDetail(result: Extract<ExportStatus, { kind: 'saved' }>['result']): string {
  if ('pageCount' in result) return `${result.pageCount} page${result.pageCount === 1 ? '' : 's'}`;
  return `Word, ${result.noteCount} endnote${result.noteCount === 1 ? '' : 's'}`;
}
