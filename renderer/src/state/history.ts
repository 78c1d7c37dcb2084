// Undo/redo over whole Brief states: outline, settings and text edits are all steps in one history.
import type { Brief } from '../../../shared/model/brief.js';

export interface BriefHistory {
  past: Brief[];
  present: Brief;
  future: Brief[];
  /** Consecutive commits with the same key (typing in one field) merge into one undo step. */
  coalesceKey: string | null;
}

const LIMIT = 200;

export function startHistory(brief: Brief): BriefHistory {
  return { past: [], present: brief, future: [], coalesceKey: null };
}

export function commit(h: BriefHistory, next: Brief, coalesceKey: string | null = null): BriefHistory {
  if (next === h.present) return h;
  if (coalesceKey !== null && coalesceKey === h.coalesceKey) return { ...h, present: next, future: [] };
  return { past: [...h.past, h.present].slice(-LIMIT), present: next, future: [], coalesceKey };
}

export function undo(h: BriefHistory): BriefHistory {
  const prev = h.past.at(-1);
  if (!prev) return h;
  return { past: h.past.slice(0, -1), present: prev, future: [h.present, ...h.future], coalesceKey: null };
}

export function redo(h: BriefHistory): BriefHistory {
  const next = h.future[0];
  if (!next) return h;
  return { past: [...h.past, h.present], present: next, future: h.future.slice(1), coalesceKey: null };
}
