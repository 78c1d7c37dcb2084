// The composer window: library | brief (outline, settings, section editor) | live PDF preview with warnings.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { BriefChanges } from '../../shared/brief-changes.js';
import type { MenuCommand } from '../../shared/ipc/menu-commands.js';
import { findRefs } from '../../shared/markdown/setup.js';
import type { ComposeWarning } from '../../shared/model/composed-doc.js';
import { newBrief, sectionKey, type Brief } from '../../shared/model/brief.js';
import { api } from './api.js';
import { SectionEditor, type SectionEditorHandle } from './editor/SectionEditor.js';
import { ExportControls, ExportStatusBar, type ExportStatus } from './export/ExportControls.js';
import { LibraryPane } from './library-pane/LibraryPane.js';
import { useLibraryData } from './library-pane/useLibraryData.js';
import { OutlinePane } from './outline/OutlinePane.js';
import { PdfPreview } from './preview/PdfPreview.js';
import { usePreview } from './preview/usePreview.js';
import { BriefSettings } from './settings/BriefSettings.js';
import { commandForKey, isInsideTextEditor } from './shell/shortcuts.js';
import { moveSection, removeSection, setSectionBody } from './state/briefEdits.js';
import { pinCitedFacts } from '../../shared/pinning.js';
import { followSelection } from './state/selection.js';
import { useBriefStore } from './state/useBriefStore.js';
import { useDocument, type DocumentMessage } from './state/useDocument.js';
import { RecentMenu } from './shell/RecentMenu.js';
import { RecoveryOffers } from './shell/RecoveryOffers.js';
import { SectionUpdateDialog } from './warnings/SectionUpdateDialog.js';
import { WarningsPanel } from './warnings/WarningsPanel.js';

const todayIso = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};
const blankBrief = (): Brief => newBrief({ title: 'Untitled brief', template: 'issue-brief', date: todayIso() });

type Tab = 'outline' | 'settings';

export function App() {
  const library = useLibraryData();
  const store = useBriefStore(blankBrief);
  const brief = store.brief;
  const preview = usePreview(brief);

  const [selectedKey, setSelectedKey] = useState<string | null>(null);
  const [editorSession, setEditorSession] = useState(0);
  const [target, setTarget] = useState<{ title: string; goto: number } | null>(null);
  const [tab, setTab] = useState<Tab>('outline');
  const [pdfa, setPdfa] = useState(false);
  const [exportStatus, setExportStatus] = useState<ExportStatus>({ kind: 'idle' });
  const [notice, setNotice] = useState<DocumentMessage | null>(null);
  const say = useCallback((text: string | null) => setNotice(text === null ? null : { text }), []);
  const doc = useDocument(store, setNotice);
  const searchRef = useRef<HTMLInputElement>(null);
  const editor = useRef<SectionEditorHandle>(null);
  const selectedRef = useRef(selectedKey);
  selectedRef.current = selectedKey;

  const inBrief = useMemo(() => new Set(brief.sections.map((s) => (s.kind === 'linked' ? s.sectionId : (s.fromSectionId ?? s.id)))), [brief.sections]);
  const selected = brief.sections.find((s) => sectionKey(s) === selectedKey) ?? null;

  const select = useCallback(
    (key: string) => {
      const s = store.current().sections.find((x) => sectionKey(x) === key);
      if (!s) return;
      setTab('outline');
      if (key !== selectedRef.current) setEditorSession((n) => n + 1);
      setSelectedKey(key);
      setTarget((t) => ({ title: s.title, goto: (t?.goto ?? 0) + 1 }));
    },
    [store],
  );

  // The section comes from main (a linked copy with its facts pinned) and is merged into the latest brief,
  // so edits made while the call was in flight are kept.
  const addSection = useCallback(
    async (sectionId: string, index?: number) => {
      try {
        const at = Math.min(index ?? store.current().sections.length, store.current().sections.length);
        const withIt = await api().addSection(store.current(), sectionId, at);
        const added = withIt.sections[at]!;
        const cur = store.current();
        if (cur.sections.some((s) => sectionKey(s) === sectionKey(added))) return;
        const sections = [...cur.sections];
        sections.splice(Math.min(at, sections.length), 0, added);
        store.update({ ...cur, sections, pins: { ...withIt.pins, ...cur.pins } });
      } catch (e) {
        say(`Could not add the section: ${(e as Error).message}`);
      }
    },
    [store, say],
  );

  const onBodyChange = useCallback(
    (body: string) => {
      const key = selectedRef.current;
      if (!key) return;
      const r = setSectionBody(store.current(), key, body);
      store.update(pinCitedFacts(r.brief, library.factMap), `body:${r.key}`);
      if (r.key !== key) {
        selectedRef.current = r.key;
        setSelectedKey(r.key);
      }
    },
    [store, library.factMap],
  );

  const historyStep = useCallback(
    (dir: 'undo' | 'redo') => {
      const before = store.current();
      if (dir === 'undo') store.undo();
      else store.redo();
      setSelectedKey((k) => followSelection(k, before, store.current()));
    },
    [store],
  );

  // The diffs behind pin-changed / section-update warnings: asked for again whenever a preview brings new warnings.
  const [changes, setChanges] = useState<BriefChanges | null>(null);
  const [reviewing, setReviewing] = useState<string | null>(null);
  const previewWarnings = preview.result?.warnings;
  useEffect(() => {
    if (!previewWarnings?.some((w) => w.code === 'pin-changed' || w.code === 'section-update')) return void setChanges(null);
    let live = true;
    api()
      .libraryChanges(store.current())
      .then((c) => live && setChanges(c), () => live && setChanges(null));
    return () => {
      live = false;
    };
  }, [previewWarnings, store]);

  // Main computes the update; only the accepted pin or section is merged into the latest brief (edits made
  // meanwhile are kept), as one step of the undo history.
  const applyUpdate = useCallback(
    async (kind: 'pin' | 'section', id: string) => {
      try {
        const updated = await api().applyLibraryUpdate(store.current(), { kind, id });
        const cur = store.current();
        if (kind === 'pin') return store.update({ ...cur, pins: { ...cur.pins, [id]: updated.pins[id]! } });
        const fresh = updated.sections.find((s) => s.kind === 'linked' && s.sectionId === id);
        store.update({ ...cur, sections: cur.sections.map((s) => (s.kind === 'linked' && s.sectionId === id && fresh ? fresh : s)) });
      } catch (e) {
        say(`Could not take the library update: ${(e as Error).message}`);
      }
    },
    [store, say],
  );
  const review = changes?.sectionUpdates.find((u) => u.sectionId === reviewing) ?? null;

  const exportPdf = useCallback(async () => {
    if (store.current().sections.length === 0) return say('Add at least one section before exporting.');
    setExportStatus({ kind: 'busy', startedAt: Date.now() });
    try {
      const result = await api().exportPdf(store.current(), { pdfa });
      setExportStatus(result.status === 'saved' ? { kind: 'saved', result } : { kind: 'idle' });
    } catch (e) {
      setExportStatus({ kind: 'error', message: (e as Error).message });
    }
  }, [store, pdfa, say]);

  // Another document replaces the brief: nothing of the old one stays selected.
  useEffect(() => setSelectedKey(null), [doc.info.handle]);
  useEffect(() => {
    window.document.title = `${doc.info.dirty ? '• ' : ''}${doc.info.hasFile ? doc.info.displayName : brief.meta.title} — Briefing Builder`;
  }, [doc.info.displayName, doc.info.dirty, doc.info.hasFile, brief.meta.title]);

  const reveal = useCallback(async () => {
    const r = await api().revealLastExport().catch(() => ({ revealed: false }));
    if (!r.revealed) say('Showing the file in its folder is only available in the desktop app.');
  }, [say]);

  const run = (command: MenuCommand) => {
    switch (command) {
      case 'new':
        setTab('settings');
        return doc.newDocument();
      case 'open':
        return doc.open();
      case 'save':
        return doc.save();
      case 'save-as':
        return doc.saveAs();
      case 'export-pdf':
        return void exportPdf();
      case 'find':
        searchRef.current?.focus();
        return searchRef.current?.select();
      case 'undo':
      case 'redo':
        // From the app menu while typing: the text's own history, like the keyboard shortcut there.
        if (isInsideTextEditor(window.document.activeElement)) return command === 'undo' ? editor.current?.undo() : editor.current?.redo();
        return historyStep(command);
      case 'about':
        return say('Briefing Builder 0.1.0 — works offline; nothing leaves this computer.');
    }
  };

  // The menu bridge has no way to unsubscribe: subscribe once and always call the latest `run`.
  const runRef = useRef(run);
  runRef.current = run;
  useEffect(() => {
    window.briefingMenu?.onCommand((command) => runRef.current(command));
    const onKey = (e: KeyboardEvent) => {
      const command = commandForKey(e);
      if (!command || e.defaultPrevented) return;
      if ((command === 'undo' || command === 'redo') && isInsideTextEditor(e.target)) return;
      e.preventDefault();
      runRef.current(command);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const locate = (w: ComposeWarning) => {
    const s = brief.sections.find((x) => (w.sectionKey ? sectionKey(x) === w.sectionKey : !!w.factId && findRefs(x.body).some((r) => r.id === w.factId)));
    return s ? { key: sectionKey(s), title: s.title } : null;
  };
  const warnings = preview.result?.warnings ?? [];

  return (
    <div className="app">
      <header className="topbar">
        <h1>Briefing Builder</h1>
        <div className="toolbar" role="toolbar" aria-label="Document">
          <button type="button" onClick={() => run('new')} aria-keyshortcuts="Control+N">New</button>
          <button type="button" onClick={() => run('open')} aria-keyshortcuts="Control+O">Open…</button>
          <RecentMenu onOpen={doc.openRecent} />
          <button type="button" onClick={() => run('save')} aria-keyshortcuts="Control+S">Save</button>
          <button type="button" onClick={() => run('save-as')} aria-keyshortcuts="Control+Shift+S">Save As…</button>
          <button type="button" onClick={() => run('undo')} disabled={!store.canUndo} aria-keyshortcuts="Control+Z">Undo</button>
          <button type="button" onClick={() => run('redo')} disabled={!store.canRedo} aria-keyshortcuts="Control+Shift+Z">Redo</button>
        </div>
        <span className="doc-title" title={brief.meta.title}>
          {doc.info.hasFile ? doc.info.displayName : `${brief.meta.title} (not saved yet)`}
          {doc.info.dirty && <span className="dirty" title="Unsaved changes"> — edited</span>}
        </span>
        <span className="offline" title="Nothing leaves this computer">Offline</span>
        <ExportControls status={exportStatus} pdfa={pdfa} canExport={brief.sections.length > 0 && !!brief.meta.title.trim()} onPdfaChange={setPdfa} onExport={exportPdf} />
      </header>
      <ExportStatusBar status={exportStatus} onReveal={reveal} onDismiss={() => setExportStatus({ kind: 'idle' })} />
      {notice && (
        <div className="notice" role="alert">
          <span>{notice.text}</span>
          <span className="notice-actions">
            {notice.action && (
              <button
                type="button"
                onClick={() => {
                  setNotice(null);
                  notice.action!.run();
                }}
              >
                {notice.action.label}
              </button>
            )}
            <button type="button" onClick={() => setNotice(null)}>Dismiss</button>
          </span>
        </div>
      )}
      <RecoveryOffers offers={doc.offers} onRestore={doc.restore} onDiscard={doc.discard} />
      <main className="panes">
        <LibraryPane
          data={library}
          inBrief={inBrief}
          onAdd={(id) => void addSection(id)}
          onInsertFact={selected ? (id) => editor.current?.insertFact(id) : null}
          searchRef={searchRef}
        />
        <section className="pane brief" aria-labelledby="brief-heading">
          <div className="brief-head">
            <h2 id="brief-heading">Brief</h2>
            <div role="tablist" aria-label="Brief views" className="tabs">
              {(['outline', 'settings'] as const).map((t) => (
                <button
                  key={t}
                  type="button"
                  role="tab"
                  id={`tab-${t}`}
                  aria-selected={tab === t}
                  aria-controls={`panel-${t}`}
                  tabIndex={tab === t ? 0 : -1}
                  onClick={() => setTab(t)}
                  onKeyDown={(e) => {
                    if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
                      const next = t === 'outline' ? 'settings' : 'outline';
                      setTab(next);
                      document.getElementById(`tab-${next}`)?.focus();
                    }
                  }}
                >
                  {t === 'outline' ? `Outline (${brief.sections.length})` : 'Settings'}
                </button>
              ))}
            </div>
          </div>
          {tab === 'outline' ? (
            <div role="tabpanel" id="panel-outline" aria-labelledby="tab-outline" className="outline-panel">
              <OutlinePane
                brief={brief}
                selectedKey={selectedKey}
                onSelect={select}
                onMove={(key, to) => store.update(moveSection(store.current(), key, to))}
                onRemove={(key) => {
                  store.update(removeSection(store.current(), key));
                  if (key === selectedKey) setSelectedKey(null);
                }}
                onAddAt={(id, index) => void addSection(id, index)}
              />
              <div className="editor-region" aria-label="Section editor" role="region">
                {selected ? (
                  <>
                    <div className="editor-head">
                      <h3>{selected.title}</h3>
                      {selected.kind === 'linked' ? (
                        <span className="badge linked">Linked to library · editing makes an edited copy</span>
                      ) : (
                        <span className="badge detached">{selected.fromSectionId ? `Edited copy of “${selected.fromSectionId}” — no longer follows the library` : 'Own text'}</span>
                      )}
                    </div>
                    <SectionEditor
                      key={editorSession}
                      handle={editor}
                      section={selected}
                      facts={library.factById}
                      variables={brief.variables}
                      search={(q) => api().searchLibrary(q, { kinds: ['fact'] })}
                      onBodyChange={onBodyChange}
                    />
                  </>
                ) : (
                  <p className="hint">Choose a section in the outline to edit its text.</p>
                )}
              </div>
            </div>
          ) : (
            <div role="tabpanel" id="panel-settings" aria-labelledby="tab-settings" className="settings-panel">
              <BriefSettings brief={brief} onChange={(next, key) => store.update(next, key)} />
            </div>
          )}
        </section>
        <div className="preview-column">
          <PdfPreview preview={preview} target={target} />
          <WarningsPanel
            warnings={warnings}
            changes={changes}
            onUpdatePin={(factId) => void applyUpdate('pin', factId)}
            onReviewSection={setReviewing}
            locate={locate}
            onOpen={(key) => {
              select(key);
              setTimeout(() => editor.current?.focus(), 0);
            }}
          />
        </div>
      </main>
      {review && (
        <SectionUpdateDialog
          update={review}
          onKeep={() => setReviewing(null)}
          onAccept={() => {
            setReviewing(null);
            void applyUpdate('section', review.sectionId);
          }}
        />
      )}
    </div>
  );
}
