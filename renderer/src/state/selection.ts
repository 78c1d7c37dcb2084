// Keeps the selected section when undo/redo swaps a linked section for its edited copy (or back).
import { sectionKey, type Brief } from '../../../shared/model/brief.js';

export function followSelection(key: string | null, before: Brief, after: Brief): string | null {
  if (!key) return null;
  const keys = new Set(after.sections.map(sectionKey));
  if (keys.has(key)) return key;
  const old = before.sections.find((s) => sectionKey(s) === key);
  if (old?.kind === 'detached' && old.fromSectionId && keys.has(old.fromSectionId)) return old.fromSectionId;
  const copy = after.sections.find((s) => s.kind === 'detached' && s.fromSectionId === key);
  return copy ? sectionKey(copy) : null;
}
