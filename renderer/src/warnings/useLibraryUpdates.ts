// Library updates behind the pin-changed / section-update warnings: the diffs to show, the section under review,
// and taking one update into the brief as one step of the undo history.
import { useCallback, useEffect, useState } from 'react';
import { applyLibraryPatch, type BriefChanges } from '../../../shared/brief-changes.js';
import type { ComposeWarning } from '../../../shared/model/composed-doc.js';
import { pinCitedFacts, type FactLookup } from '../../../shared/pinning.js';
import { api } from '../api.js';
import type { BriefStore } from '../state/useBriefStore.js';

/** `facts` is the library's fact list: a section update that cites a fact for the first time pins it, as typing does. */
export function useLibraryUpdates(store: BriefStore, warnings: ComposeWarning[] | undefined, facts: FactLookup, say: (text: string) => void) {
  const [changes, setChanges] = useState<BriefChanges | null>(null);
  const [reviewing, setReviewing] = useState<string | null>(null);

  // Asked for again whenever a preview brings new warnings.
  useEffect(() => {
    if (!warnings?.some((w) => w.code === 'pin-changed' || w.code === 'section-update')) return void setChanges(null);
    let live = true;
    api()
      .libraryChanges(store.current())
      .then((c) => live && setChanges(c), () => live && setChanges(null));
    return () => {
      live = false;
    };
  }, [warnings, store]);

  // Main reads the patch from the library; it is applied to the latest brief when it arrives (edits made meanwhile
  // are kept), as one step of the undo history.
  const apply = useCallback(
    async (kind: 'pin' | 'section', id: string) => {
      try {
        const patch = await api().libraryUpdate({ kind, id });
        store.update(pinCitedFacts(applyLibraryPatch(store.current(), patch), facts));
      } catch (e) {
        say(`Could not take the library update: ${(e as Error).message}`);
      }
    },
    [store, facts, say],
  );

  const review = changes?.sectionUpdates.find((u) => u.sectionId === reviewing) ?? null;
  return { changes, review, setReviewing, apply };
}
