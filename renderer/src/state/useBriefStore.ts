// The composer's Brief with its undo history, held in a ref so rapid edits never read a stale state.
import { useCallback, useReducer, useRef } from 'react';
import type { Brief } from '../../../shared/model/brief.js';
import { commit, redo, startHistory, undo, type BriefHistory } from './history.js';

export interface BriefStore {
  brief: Brief;
  canUndo: boolean;
  canRedo: boolean;
  /** The latest state, also between renders. */
  current(): Brief;
  update(next: Brief, coalesceKey?: string): void;
  undo(): void;
  redo(): void;
  /** Another document: a fresh history starting at `brief`. */
  reset(brief: Brief): void;
}

export function useBriefStore(initial: () => Brief): BriefStore {
  const ref = useRef<BriefHistory | null>(null);
  ref.current ??= startHistory(initial());
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const set = useCallback((h: BriefHistory) => {
    if (h === ref.current) return;
    ref.current = h;
    rerender();
  }, []);
  const h = ref.current;
  return {
    brief: h.present,
    canUndo: h.past.length > 0,
    canRedo: h.future.length > 0,
    current: useCallback(() => ref.current!.present, []),
    update: useCallback((next: Brief, key?: string) => set(commit(ref.current!, next, key ?? null)), [set]),
    undo: useCallback(() => set(undo(ref.current!)), [set]),
    redo: useCallback(() => set(redo(ref.current!)), [set]),
    reset: useCallback((brief: Brief) => {
      ref.current = startHistory(brief);
      rerender();
    }, []),
  };
}
