// The document commands (New, Open, Open recent, Save, Save As, restore) with their prompts, and the open .brief's
// state: its handle in main, its name, unsaved changes, the window title, and a recovery copy kept behind each edit.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { OpenDocument, OpenResult, RecoveryOffer, SaveResult } from '../../../shared/ipc/channels.js';
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
/** The edit count of a restored recovery copy: never equal to a real count, so it shows as unsaved. */
const NEVER_SAVED = -1;

export function useDocumentCommands(store: BriefStore, say: (m: Notice | null) => void) {
  const [doc, setDoc] = useState<Omit<DocumentInfo, 'dirty'>>({ handle: null, displayName: 'Untitled', hasFile: false, unavailable: null });
  const [offers, setOffers] = useState<RecoveryOffer[]>([]);
  const latest = useRef({ doc, store });
  latest.current = { doc, store };
  // The brief's edit count when it last matched its file; dirty is "the count has moved since".
  const [cleanAt, setCleanAt] = useState(store.editCount);
  const dirty = store.editCount !== cleanAt;

  const adopt = useCallback((opened: OpenDocument) => {
    const previous = latest.current.doc.handle;
    if (previous && previous !== opened.handle) void api().closeDocument(previous).catch(() => undefined);
    latest.current.store.reset(opened.brief);
    setCleanAt(opened.recovered ? NEVER_SAVED : latest.current.store.editCount);
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
  const brief = store.brief;
  useEffect(() => {
    const handle = latest.current.doc.handle;
    if (!dirty || !handle) return;
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

  const cleanAtRef = useRef(cleanAt);
  cleanAtRef.current = cleanAt;
  const isDirty = () => latest.current.store.editCount !== cleanAtRef.current;

  const guarded = (what: string, go: () => void) => {
    const { doc: d, store: st } = latest.current;
    if (d.unavailable) return say({ text: `${what} is not available yet: ${d.unavailable}.` });
    if (!isDirty()) return go();
    say({ text: `“${st.current().meta.title}” has unsaved changes.`, action: { label: `Discard them and ${what.toLowerCase()}`, run: go } });
  };

  const save = async (as: boolean, replace = false): Promise<void> => {
    const { doc: d, store: st } = latest.current;
    if (!d.handle) return say({ text: `Save is not available yet: ${d.unavailable ?? 'the document is still opening'}.` });
    const sent = st.current();
    const countAtSave = st.editCount;
    const r: SaveResult = await (as ? api().saveDocumentAs(d.handle, sent, { replace }) : api().saveDocument(d.handle, sent, { replace }));
    if (r.status === 'saved') {
      // Only what was sent is in the file: edits made while saving keep the document unsaved.
      setCleanAt(countAtSave);
      setDoc((x) => ({ ...x, displayName: r.displayName, hasFile: true }));
      say({ text: `Saved ${r.displayName}.` });
    } else if (r.status === 'failed') {
      say({ text: `Could not save ${r.error.message}`, ...(r.canReplace ? { action: { label: 'Replace it', run: () => void save(as, true) } } : {}) });
    }
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
    newDocument: () => guarded('New', () => void api().newDocument(UNTITLED).then(adopt, fail)),
    open: () => guarded('Open', () => void api().openDocument().then(onOpened, fail)),
    openRecent: (recentId: string) => guarded('Open', () => void api().openRecentDocument(recentId).then(onOpened, fail)),
    save: () => void save(false),
    saveAs: () => void save(true),
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
