// The top bar: the document toolbar (New, Open, Recent, Save, Save As, Undo, Redo), the document's name and export.
import type { MenuCommand } from '../../../shared/ipc/menu-commands.js';
import type { DocumentInfo } from '../document/useDocumentCommands.js';
import { ExportControls } from '../export/ExportControls.js';
import type { ExportControlsState } from '../export/useExport.js';
import { RecentMenu } from './RecentMenu.js';

interface Props {
  run(command: MenuCommand): void;
  doc: DocumentInfo;
  briefTitle: string;
  canUndo: boolean;
  canRedo: boolean;
  canExport: boolean;
  exporting: ExportControlsState;
  onOpenRecent(recentId: string): void;
  /** The brief has a marking profile: a releasable copy can be cut. */
  marked: boolean;
}

export function TopBar({ run, doc, briefTitle, canUndo, canRedo, canExport, exporting, onOpenRecent, marked }: Props) {
  return (
    <header className="topbar">
      <h1>Briefing Builder</h1>
      <div className="toolbar" role="toolbar" aria-label="Document">
        <button type="button" onClick={() => run('new')} aria-keyshortcuts="Control+N">New</button>
        <button type="button" onClick={() => run('open')} aria-keyshortcuts="Control+O">Open…</button>
        <RecentMenu onOpen={onOpenRecent} />
        <button type="button" onClick={() => run('save')} aria-keyshortcuts="Control+S">Save</button>
        <button type="button" onClick={() => run('save-as')} aria-keyshortcuts="Control+Shift+S">Save As…</button>
        <button type="button" onClick={() => run('undo')} disabled={!canUndo} aria-keyshortcuts="Control+Z">Undo</button>
        <button type="button" onClick={() => run('redo')} disabled={!canRedo} aria-keyshortcuts="Control+Shift+Z">Redo</button>
      </div>
      <span className="doc-title" title={briefTitle}>
        {doc.hasFile ? doc.displayName : `${briefTitle} (not saved yet)`}
        {doc.dirty && <span className="dirty" title="Unsaved changes"> — edited</span>}
      </span>
      <span className="offline" title="Nothing leaves this computer">Offline</span>
      <ExportControls
        status={exporting.status}
        pdfa={exporting.pdfa}
        canExport={canExport}
        onPdfaChange={exporting.setPdfa}
        onExport={() => void exporting.exportPdf()}
        onExportWord={() => void exporting.exportWord()}
        {...(marked && { onExportReleasable: () => run('export-releasable') })}
      />
    </header>
  );
}
