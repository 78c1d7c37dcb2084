// The composer's edits of the brief: add a library or blank section, type in, rename or restyle a section, reorder, remove, undo and redo.
// Each keeps the selection on the section the user is working on.
import { useCallback } from 'react';
import type { Fact } from '../../../shared/model/library.js';
import { pinCitedFacts } from '../../../shared/pinning.js';
import { api } from '../api.js';
import { addBlankSection, insertSection, moveSection, removeSection, setSectionBody, setSectionMarking, setSectionStyle, setSectionTitle } from '../state/briefEdits.js';
import type { SectionStyle } from '../../../shared/model/brief.js';
import type { BriefStore } from '../state/useBriefStore.js';
import type { ComposerView } from './useComposerView.js';

export function useBriefEditing(store: BriefStore, view: ComposerView, factMap: ReadonlyMap<string, Fact>, say: (text: string) => void) {
  const { selectedRef, rekey, follow, clear } = view;

  // Main links the section; it is inserted into the latest brief when it arrives (edits made meanwhile are kept),
  // and the facts it cites are pinned here, as for typed text.
  const addSection = useCallback(
    async (sectionId: string, index?: number) => {
      try {
        const section = await api().linkSection(sectionId);
        const cur = store.current();
        const withIt = insertSection(cur, section, index);
        // Already in the brief (a double click): no edit at all, not even a pin.
        if (withIt !== cur) store.update(pinCitedFacts(withIt, factMap));
      } catch (e) {
        say(`Could not add the section: ${(e as Error).message}`);
      }
    },
    [store, factMap, say],
  );

  // Typing in a section: one undo step per section, and every fact it now cites is pinned.
  const changeBody = useCallback(
    (body: string) => {
      const key = selectedRef.current;
      if (!key) return;
      const r = setSectionBody(store.current(), key, body);
      store.update(pinCitedFacts(r.brief, factMap), `body:${r.key}`);
      if (r.key !== key) rekey(r.key);
    },
    [store, factMap, selectedRef, rekey],
  );

  /** The selected section's marking, from the picker: one undo step each. */
  const changeMarking = useCallback(
    (marking: string | undefined) => {
      const key = selectedRef.current;
      if (key) store.update(setSectionMarking(store.current(), key, marking));
    },
    [store, selectedRef],
  );

  /** Renaming the selected section in this brief: one undo step per section, as typing its text is. */
  const changeTitle = useCallback(
    (title: string) => {
      const key = selectedRef.current;
      if (!key) return;
      const r = setSectionTitle(store.current(), key, title);
      store.update(r.brief, `title:${r.key}`);
      if (r.key !== key) rekey(r.key);
    },
    [store, selectedRef, rekey],
  );

  const changeStyle = useCallback(
    (style: SectionStyle) => {
      const key = selectedRef.current;
      if (key) store.update(setSectionStyle(store.current(), key, style));
    },
    [store, selectedRef],
  );

  /** A blank section of this brief's own after the selected one; it opens in the editor. */
  const addBlank = useCallback(() => {
    const r = addBlankSection(store.current(), selectedRef.current);
    store.update(r.brief);
    return r.key;
  }, [store, selectedRef]);

  const step = useCallback(
    (dir: 'undo' | 'redo') => {
      const before = store.current();
      if (dir === 'undo') store.undo();
      else store.redo();
      follow(before);
    },
    [store, follow],
  );

  const move = useCallback((key: string, to: number) => store.update(moveSection(store.current(), key, to)), [store]);

  const remove = useCallback(
    (key: string) => {
      store.update(removeSection(store.current(), key));
      if (key === selectedRef.current) clear();
    },
    [store, selectedRef, clear],
  );

  return { addSection, changeBody, changeMarking, changeTitle, changeStyle, addBlank, step, move, remove };
}
