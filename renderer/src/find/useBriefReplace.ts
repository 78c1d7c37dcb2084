// Replace all in brief as one undo step of the brief store: the same setSectionBody and pinning as typing, and the
// selection follows a linked section that became its edited copy.
import { useCallback } from 'react';
import type { Fact } from '../../../shared/model/library.js';
import { pinCitedFacts } from '../../../shared/pinning.js';
import type { FindOptions } from '../../../shared/text/find-replace.js';
import type { ComposerView } from '../composer/useComposerView.js';
import { replaceInBrief } from '../state/replaceInBrief.js';
import type { BriefStore } from '../state/useBriefStore.js';

/** Answers what happened, in words, for the panel's status line. */
export function useBriefReplace(store: BriefStore, view: ComposerView, factMap: ReadonlyMap<string, Fact>) {
  const { selectedRef, rekey } = view;
  return useCallback(
    (query: string, replacement: string, opts: FindOptions): string => {
      const r = replaceInBrief(store.current(), query, replacement, opts);
      if (!r.ok) return r.error;
      if (r.count === 0) return 'Nothing to replace: no match in the brief.';
      // No coalescing key: the whole replacement is one step, whatever was typed before or after.
      store.update(pinCitedFacts(r.brief, factMap));
      const sel = selectedRef.current;
      const moved = sel ? r.rekeyed.get(sel) : undefined;
      if (moved) rekey(moved);
      const copies = r.rekeyed.size ? ` ${r.rekeyed.size === 1 ? 'One linked section is' : `${r.rekeyed.size} linked sections are`} now your edited ${r.rekeyed.size === 1 ? 'copy' : 'copies'}.` : '';
      return `Replaced ${r.count} ${r.count === 1 ? 'match' : 'matches'} in ${r.sections} ${r.sections === 1 ? 'section' : 'sections'}. Ctrl+Z undoes it.${copies}`;
    },
    [store, factMap, selectedRef, rekey],
  );
}
