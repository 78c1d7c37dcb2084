// The composer window: wires the composer's state hooks to its layout — library | brief (outline, settings,
// section editor) | live PDF preview with warnings — and routes menu, keyboard and toolbar commands.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { ReleaseArgs } from '../../shared/ipc/channels.js';
import { ReleaseDialog } from './export/ReleaseDialog.js';
import { CommandPalette } from './palette/CommandPalette.js';
import { ReviewExportDialog } from './export/ReviewExportDialog.js';
import { useExportReview } from './export/useExportReview.js';
import { useStaleFactActions } from './warnings/useStaleFactActions.js';
import { FindInBrief } from './find/FindInBrief.js';
import { useBriefReplace } from './find/useBriefReplace.js';
import { useFindInBrief } from './find/useFindInBrief.js';
import { isInsideTextEditor } from './shell/shortcuts.js';
import { UnsavedPromptDialog } from './document/UnsavedPromptDialog.js';
import { StartScreen } from './start/StartScreen.js';
import { HeadingOutline } from './outline/HeadingOutline.js';
import { showAtLaunch } from './start/startPreference.js';
import { MARKING_PICKER_ID } from './editor/MarkingPicker.js';
import { markingFieldId } from './settings/MarkingSettings.js';
import { api } from './api.js';
import { BriefPane } from './brief-pane/BriefPane.js';
import { useBriefEditing } from './composer/useBriefEditing.js';
import { useComposerView } from './composer/useComposerView.js';
import { blankBrief } from './document/blankBrief.js';
import { useDocumentCommands } from './document/useDocumentCommands.js';
import { EditorRegion } from './editor/EditorRegion.js';
import type { SectionEditorHandle } from './editor/SectionEditor.js';
import { ExportStatusBar } from './export/ExportControls.js';
import { useExport } from './export/useExport.js';
import { LibraryPane } from './library-pane/LibraryPane.js';
import { useLibraryData } from './library-pane/useLibraryData.js';
import { OutlinePane } from './outline/OutlinePane.js';
import { PdfPreview } from './preview/PdfPreview.js';
import { usePreview } from './preview/usePreview.js';
import { BriefSettings } from './settings/BriefSettings.js';
import { useMarkingProfiles } from './settings/useMarkingProfiles.js';
import { aboutText } from './shell/about.js';
import { NoticeBar } from './shell/NoticeBar.js';
import { RecoveryOffers } from './shell/RecoveryOffers.js';
import { TopBar } from './shell/TopBar.js';
import { useCommandRouting, type CommandTable } from './shell/useCommandRouting.js';
import { SkipLinks, usePaneCycling } from './shell/panes.js';
import { useNotice } from './shell/useNotice.js';
import { useBriefStore } from './state/useBriefStore.js';
import { locateWarning } from './warnings/locateWarning.js';
import { SectionUpdateDialog } from './warnings/SectionUpdateDialog.js';
import { useLibraryUpdates } from './warnings/useLibraryUpdates.js';
import { WarningsPanel } from './warnings/WarningsPanel.js';

export function App() {
  const library = useLibraryData();
  const store = useBriefStore(blankBrief);
  const brief = store.brief;
  const profiles = useMarkingProfiles();
  const profile = profiles.find((p) => p.id === brief.meta.marking);
  const [releaseOpen, setReleaseOpen] = useState(false);
  const [paletteOpen, setPaletteOpen] = useState(false);
  const [startOpen, setStartOpen] = useState(showAtLaunch);
  // The preview shows this releasable copy instead of the whole brief until the user goes back.
  const [previewRelease, setPreviewRelease] = useState<ReleaseArgs | null>(null);
  const preview = usePreview(brief, profile ? previewRelease : null, library.version);
  const { notice, show, say } = useNotice();
  const doc = useDocumentCommands(store, show);
  const view = useComposerView(store);
  const editing = useBriefEditing(store, view, library.factMap, say);
  const findInBrief = useFindInBrief();
  const replaceInBrief = useBriefReplace(store, view, library.factMap);
  const updates = useLibraryUpdates(store, preview.result?.warnings, library.factMap, say);
  const exporting = useExport(store, say);
  const searchRef = useRef<HTMLInputElement>(null);
  const editor = useRef<SectionEditorHandle>(null);
  // Export asks first when the brief has warnings; a warning's Go to and a stale fact's actions land on the reference.
  const exportReview = useExportReview(store, exporting, say);
  const warningActions = useStaleFactActions({ store, view, library, editor, say });

  // Another document replaces the brief: nothing of the old one stays selected.
  const clearSelection = view.clear;
  useEffect(() => clearSelection(), [doc.info.handle, clearSelection]);

  const commands: CommandTable = {
    new: () => setStartOpen(true),
    'save-and-close': doc.saveAndClose,
    open: doc.open,
    save: doc.save,
    'save-as': doc.saveAs,
    'export-pdf': () => void exportReview.exportPdf(),
    'export-word': () => void exportReview.exportWord(),
    'export-releasable': () => (profile ? setReleaseOpen(true) : say('Choose a marking profile in Settings first: a releasable copy is cut by its levels.')),
    find: () => {
      // In the text, Find is find and replace in the section (the menu's Ctrl+F there); elsewhere the library search.
      if (isInsideTextEditor(document.activeElement)) return editor.current?.openFind();
      searchRef.current?.focus();
      searchRef.current?.select();
    },
    undo: () => editing.step('undo'),
    redo: () => editing.step('redo'),
    about: () => void api().appInfo().then(aboutText, () => aboutText(null)).then(say),
    'command-palette': () => setPaletteOpen(true),
  };
  const run = useCommandRouting(commands, editor);

  // Library section ids the brief holds, linked or as edited copies: their Add buttons go.
  /** After Add: focus goes to the section's row in the outline, so the keyboard carries on from there. */
  const addAndFocus = (id: string, index?: number) =>
    void editing.addSection(id, index).then(() =>
      setTimeout(() => document.querySelector<HTMLElement>(`.outline-item[data-key="${CSS.escape(id)}"] .outline-select`)?.focus(), 0),
    );
  // A blank section of this brief's own opens with its title selected, ready to be named.
  const addBlankAndName = () => {
    view.select(editing.addBlank());
    setTimeout(() => {
      const title = document.querySelector<HTMLInputElement>('.section-title-field input');
      title?.focus();
      title?.select();
    }, 0);
  };
  const startFromScreen = (go: () => void) => {
    setStartOpen(false);
    go();
  };

  const inBrief = useMemo(() => new Set(brief.sections.map((s) => (s.kind === 'linked' ? s.sectionId : (s.fromSectionId ?? s.id)))), [brief.sections]);
  const selected = view.selected;
  const bodies = useMemo(() => brief.sections.map((s) => s.body), [brief.sections]);
  // The preview keeps the edited section in view: its title, and the next one's to know where it ends.
  const follow = useMemo(() => {
    if (!selected) return null;
    const i = brief.sections.indexOf(selected);
    return { title: selected.title, nextTitle: brief.sections[i + 1]?.title ?? null };
  }, [selected, brief.sections]);
  usePaneCycling();
  const review = updates.review;

  return (
    <div className="app">
      <SkipLinks editorShown={view.tab === 'outline'} />
      <TopBar
        run={run}
        doc={doc.info}
        briefTitle={brief.meta.title}
        canUndo={store.canUndo}
        canRedo={store.canRedo}
        canExport={brief.sections.length > 0 && !!brief.meta.title.trim()}
        exporting={{ ...exporting, exportPdf: exportReview.exportPdf, exportWord: exportReview.exportWord }}
        onOpenRecent={doc.openRecent}
        marked={!!profile}
      />
      <ExportStatusBar status={exporting.status} onReveal={() => void exporting.reveal()} onDismiss={exporting.dismiss} onExportDraft={exporting.exportDraft} />
      {releaseOpen && profile && (
        <ReleaseDialog
          profile={profile}
          initial={previewRelease}
          onClose={() => setReleaseOpen(false)}
          onPreview={(r) => {
            setPreviewRelease(r);
            setReleaseOpen(false);
          }}
          onExport={(r) => {
            setReleaseOpen(false);
            void exporting.exportReleasable(r);
          }}
        />
      )}
      <NoticeBar notice={notice} onDismiss={() => show(null)} />
      <RecoveryOffers offers={doc.offers} onRestore={doc.restore} onDiscard={doc.discard} />
      <main className="panes">
        <LibraryPane
          data={library}
          inBrief={inBrief}
          onAdd={(id) => addAndFocus(id)}
          onInsertFact={selected ? (id) => editor.current?.insertFact(id) : null}
          searchRef={searchRef}
        />
        <BriefPane
          tab={view.tab}
          onTab={view.setTab}
          sectionCount={brief.sections.length}
          outline={
            <>
              <div className="outline-actions">
                <button type="button" onClick={addBlankAndName} title="A section for this brief only; nothing is written to a library">
                  Blank section
                </button>
              </div>
              <OutlinePane
                brief={brief}
                selectedKey={view.selectedKey}
                onSelect={view.select}
                onMove={editing.move}
                onRemove={editing.remove}
                onAddAt={(id, index) => addAndFocus(id, index)}
              />
              <HeadingOutline
                brief={brief}
                onGoTo={(key, heading) => {
                  view.select(key);
                  // The editor for a newly chosen section mounts on this render; select the heading after it.
                  setTimeout(() => editor.current?.selectRange(heading.from, heading.to), 0);
                }}
              />
              <EditorRegion
                section={selected}
                session={view.editorSession}
                handle={editor}
                facts={library.factById}
                variables={brief.variables}
                search={(q) => api().searchLibrary(q, { kinds: ['fact'] })}
                onBodyChange={editing.changeBody}
                onTitleChange={editing.changeTitle}
                onStyleChange={editing.changeStyle}
                profile={profile}
                onMarkingChange={editing.changeMarking}
                allBodies={bodies}
              />
            </>
          }
          settings={<BriefSettings brief={brief} onChange={(next, key) => store.update(next, key)} />}
        />
        <div className="preview-column">
          {previewRelease && profile && (
            <div className="release-preview" role="status">
              <span>
                Previewing the releasable copy at {profile.levels.find((l) => l.id === previewRelease.level)?.banner ?? previewRelease.level}
                {previewRelease.relTo?.length ? `, releasable to ${previewRelease.relTo.join(', ')}` : ''}.
              </span>
              <button type="button" onClick={() => void exporting.exportReleasable(previewRelease)}>
                Export this copy…
              </button>
              <button type="button" onClick={() => setPreviewRelease(null)}>
                Show the whole brief
              </button>
            </div>
          )}
          <PdfPreview preview={preview} target={view.target} follow={follow} />
          <WarningsPanel
            warnings={preview.result?.warnings ?? []}
            changes={updates.changes}
            onUpdatePin={(factId) => void updates.apply('pin', factId)}
            onReviewSection={updates.setReviewing}
            locate={(w) => locateWarning(brief, w)}
            onOpen={(key, w) => {
              view.select(key);
              // A marking error about the section lands on its marking picker; anything else on its text.
              const onPicker = w && (w.code === 'unmarked-portion' || w.code === 'unknown-marking') && !w.factId;
              if (onPicker) setTimeout(() => document.getElementById(MARKING_PICKER_ID)?.focus(), 0);
              else warningActions.land(key, w?.factId, w?.variable);
            }}
            onGoToField={(field) => {
              view.setTab('settings');
              setTimeout(() => document.getElementById(markingFieldId(field))?.focus(), 0);
            }}
            actions={warningActions.buttonsFor}
          />
        </div>
      </main>
      {startOpen && (
        <StartScreen
          onClose={() => setStartOpen(false)}
          onCreate={(init) =>
            startFromScreen(() =>
              void doc.newDocument(init).then((created) => {
                if (!created) return;
                view.setTab('outline');
                // A new brief is empty: the next step is finding sections for it.
                setTimeout(() => searchRef.current?.focus(), 0);
              }),
            )
          }
          onOpenExample={(id) => startFromScreen(() => doc.openExample(id))}
          onOpenRecent={(id) => startFromScreen(() => doc.openRecent(id))}
          onOpenFile={() => startFromScreen(doc.open)}
        />
      )}
      {paletteOpen && <CommandPalette run={run} onClose={() => setPaletteOpen(false)} />}
      {findInBrief.open && (
        <FindInBrief
          brief={brief}
          focusField={findInBrief.focusField}
          openCount={findInBrief.openCount}
          onClose={findInBrief.close}
          onReplaceAll={replaceInBrief}
          onGoTo={(key, from, to) => {
            view.select(key);
            setTimeout(() => editor.current?.selectRange(from, to), 0);
          }}
        />
      )}
      {doc.prompt && <UnsavedPromptDialog prompt={doc.prompt} />}
      {exportReview.pending && (
        <ReviewExportDialog
          format={exportReview.pending.format}
          warnings={exportReview.pending.warnings}
          locate={(w) => locateWarning(brief, w)}
          onGoTo={(w) => {
            exportReview.cancel();
            if (w.field) {
              view.setTab('settings');
              setTimeout(() => document.getElementById(markingFieldId(w.field!))?.focus(), 0);
            } else if ((w.code === 'unmarked-portion' || w.code === 'unknown-marking') && !w.factId && w.sectionKey) {
              view.select(w.sectionKey);
              setTimeout(() => document.getElementById(MARKING_PICKER_ID)?.focus(), 0);
            } else warningActions.goTo(w);
          }}
          actions={(w) => (w.code === 'stale-fact' ? <span onClickCapture={exportReview.cancel}>{warningActions.buttonsFor(w)}</span> : null)}
          onExportAnyway={exportReview.exportAnyway}
          onExportDraft={exportReview.exportDraft}
          onCancel={exportReview.cancel}
        />
      )}
      {warningActions.dialogs}
      {review && (
        <SectionUpdateDialog
          update={review}
          onKeep={() => updates.setReviewing(null)}
          onAccept={() => {
            updates.setReviewing(null);
            void updates.apply('section', review.sectionId);
          }}
        />
      )}
    </div>
  );
}
