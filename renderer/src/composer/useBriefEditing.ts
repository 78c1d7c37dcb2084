// The composer's edits of the brief: add a library section, type in a section, reorder, remove, undo and redo.
// Each keeps the selection on the section the user is working on.
import { useCallback } from 'react';
import { sectionKey } from '../../../shared/model/brief.js';
import type { Fact } from '../../../shared/model/library.js';
import { pinCitedFacts } from '../../../shared/pinning.js';
import { api } from '../api.js';
import { moveSection, removeSection, setSectionBody } from '../state/briefEdits.js';
import type { BriefStore } from '../state/useBriefStore.js';
import type { ComposerView } from './useComposerView.js';

export function useBriefEditing(store: BriefStore, view: ComposerView, factMap: ReadonlyMap<string, Fact>, say: (text: string) => void) {
  const { selectedRef, rekey, follow, clear } = view;

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

  return { addSection, changeBody, step, move, remove };
}
