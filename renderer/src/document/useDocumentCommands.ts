// The document commands (New, Open, Open recent, an example, Save, Save As, restore) with their Save / Don't Save /
// Cancel prompt, and the open .brief's state: its handle in main, its name, unsaved changes (by content: undoing
// back to the saved state is clean again), the window title, and a recovery copy kept behind each edit.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { OpenDocument, OpenResult, RecoveryOffer, SaveResult } from '../../../shared/ipc/channels.js';
import type { Brief, TemplateId } from '../../../shared/model/brief.js';
import { api } from '../api.js';
import type { Notice } from '../shell/useNotice.js';
import type { BriefStore } from '../state/useBriefStore.js';
import { UNTITLED } from './blankBrief.js';

export interface DocumentInfo {
  handle: string | null;
  displayName: string;
  /** False until the brief has been saved to (or opened from) a file. */
  hasFile: boolean;
  dirty: boolean;
  /** Why New/Open/Save cannot work here (no document service in this build), or null. */
  unavailable: string | null;
}

const MARK_DELAY_MS = 500;

/** The question asked before unsaved changes would be replaced: Save, Don't Save or Cancel. */
export interface UnsavedPrompt {
  title: string;
  /** What happens after the answer, in words: "opening another brief". */
  doing: string;
  save(): void;
  dontSave(): void;
  cancel(): void;
}

export function useDocumentCommands(store: BriefStore, say: (m: Notice | null) => void) {
  const [doc, setDoc] = useState<Omit<DocumentInfo, 'dirty'>>({ handle: null, displayName: 'Untitled', hasFile: false, unavailable: null });
  const [offers, setOffers] = useState<RecoveryOffer[]>([]);
  const latest = useRef({ doc, store });
  latest.current = { doc, store };
  // The brief state that matches its file (history states are immutable, so identity is equality); null for a
  // restored recovery copy, which differs from its file until saved. Undo back to it is clean again.
  const [cleanBrief, setCleanBrief] = useState<Brief | null>(store.brief);
  const dirty = store.brief !== cleanBrief;
  const [prompt, setPrompt] = useState<UnsavedPrompt | null>(null);

  const adopt = useCallback((opened: OpenDocument) => {
    const previous = latest.current.doc.handle;
    if (previous && previous !== opened.handle) void api().closeDocument(previous).catch(() => undefined);
    latest.current.store.reset(opened.brief);
    setCleanBrief(opened.recovered ? null : latest.current.store.current());
    setDoc({ handle: opened.handle, displayName: opened.displayName, hasFile: opened.hasFile, unavailable: null });
  }, []);

  // Start: a fresh untitled document, and any recovery copies an earlier session left behind.
  useEffect(() => {
    let live = true;
    api()
      .newDocument(UNTITLED)
      .then(
        (d) => live && adopt(d),
        (e: Error) => live && setDoc((d) => ({ ...d, unavailable: e.message })),
      );
    api()
      .pendingRecovery()
      .then((o) => live && setOffers(o), () => undefined);
    return () => {
      live = false;
    };
  }, [adopt]);

  // The recovery copy follows the user about a second behind (a short pause here, the service debounces too).
  // Back at the saved state after edits (undo): main is told, so closing does not ask and the copy goes.
  const brief = store.brief;
  const wasDirty = useRef(false);
  useEffect(() => {
    const handle = latest.current.doc.handle;
    if (!handle) return;
    if (!dirty) {
      if (wasDirty.current) void api().markDocumentUnchanged(handle).catch(() => undefined);
      wasDirty.current = false;
      return;
    }
    wasDirty.current = true;
    const timer = setTimeout(() => void api().markDocumentEdited(handle, brief).catch(() => undefined), MARK_DELAY_MS);
    return () => clearTimeout(timer);
  }, [brief, dirty]);

  const onOpened = useCallback(
    (r: OpenResult) => {
      if (r.status === 'opened') {
        adopt(r.document);
        say(r.document.recovered ? { text: `Restored “${r.document.brief.meta.title}” from its recovery copy: save it to keep it.` } : null);
      } else if (r.status === 'already-open') say({ text: 'That brief is already open.' });
      else if (r.status === 'failed') say({ text: `Could not open ${r.error.message}` });
    },
    [adopt, say],
  );

  const cleanRef = useRef(cleanBrief);
  cleanRef.current = cleanBrief;
  const isDirty = () => latest.current.store.current() !== cleanRef.current;

  /** Runs `go` at once when nothing is unsaved; otherwise asks Save / Don't Save / Cancel first. */
  const guarded = (what: string, doing: string, go: () => void) => {
    const { doc: d, store: st } = latest.current;
    if (d.unavailable) return say({ text: `${what} is not available yet: ${d.unavailable}.` });
    if (!isDirty()) return go();
    setPrompt({
      title: st.current().meta.title,
      doing,
      save: () => {
        setPrompt(null);
        // Only a save that worked goes on; a cancelled or failed one leaves the brief open with its reason shown.
        void save(false).then((saved) => saved && go());
      },
      dontSave: () => {
        setPrompt(null);
        go();
      },
      cancel: () => setPrompt(null),
    });
  };

  /** True when the brief is now in its file. */
  const save = async (as: boolean, replace = false): Promise<boolean> => {
    const { doc: d, store: st } = latest.current;
    if (!d.handle) {
      say({ text: `Save is not available yet: ${d.unavailable ?? 'the document is still opening'}.` });
      return false;
    }
    const sent = st.current();
    const r: SaveResult = await (as ? api().saveDocumentAs(d.handle, sent, { replace }) : api().saveDocument(d.handle, sent, { replace }));
    if (r.status === 'saved') {
      // Only what was sent is in the file: edits made while saving keep the document unsaved.
      setCleanBrief(sent);
      cleanRef.current = sent;
      setDoc((x) => ({ ...x, displayName: r.displayName, hasFile: true }));
      say({ text: `Saved ${r.displayName}.` });
      return true;
    }
    if (r.status === 'failed') {
      say({ text: `Could not save ${r.error.message}`, ...(r.canReplace ? { action: { label: 'Replace it', run: () => void save(as, true) } } : {}) });
    }
    return false;
  };

  const fail = (e: Error) => say({ text: e.message });
  const info: DocumentInfo = { ...doc, dirty };
  const title = store.brief.meta.title;
  useEffect(() => {
    window.document.title = `${dirty ? '• ' : ''}${doc.hasFile ? doc.displayName : title} — Briefing Builder`;
  }, [doc.displayName, dirty, doc.hasFile, title]);
  return {
    info,
    offers,
    prompt,
    /** A new brief; resolves true once it is the open document (false when the user cancelled or it failed). */
    newDocument: (init: { title?: string; template?: TemplateId } = {}) =>
      new Promise<boolean>((resolve) => {
        const title = init.title?.trim() || UNTITLED.title;
        guarded('New', 'starting a new brief', () =>
          void api()
            .newDocument({ title, template: init.template ?? UNTITLED.template })
            .then(adopt)
            .then(() => resolve(true), (e: Error) => (fail(e), resolve(false))),
        );
      }),
    open: () => guarded('Open', 'opening another brief', () => void api().openDocument().then(onOpened, fail)),
    openRecent: (recentId: string) => guarded('Open', 'opening another brief', () => void api().openRecentDocument(recentId).then(onOpened, fail)),
    openExample: (exampleId: string) => guarded('Open', 'opening the example', () => void api().openExample(exampleId).then(onOpened, fail)),
    save: () => void save(false),
    saveAs: () => void save(true),
    /** The window is closing and the user chose Save: close once the brief is in its file. */
    saveAndClose: () => void save(false).then((saved) => saved && window.close()),
    restore: (offer: RecoveryOffer) => {
      setOffers((o) => o.filter((x) => x.recoveryId !== offer.recoveryId));
      void api().restoreRecovery(offer.recoveryId).then(onOpened, fail);
    },
    discard: (offer: RecoveryOffer) => {
      setOffers((o) => o.filter((x) => x.recoveryId !== offer.recoveryId));
      void api().discardRecovery(offer.recoveryId).catch(() => undefined);
    },
  };
}
