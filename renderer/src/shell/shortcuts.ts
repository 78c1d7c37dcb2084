// Keyboard shortcuts mirroring the app menu (Ctrl/Cmd+N, O, S, Shift+S, E, Shift+E, Z, Shift+Z, F), for where no menu exists.
import type { MenuCommand } from '../../../shared/ipc/menu-commands.js';

export function commandForKey(e: KeyboardEvent): MenuCommand | null {
  if (!(e.ctrlKey || e.metaKey) || e.altKey) return null;
  const k = e.key.toLowerCase();
  if (k === 'n') return 'new';
  if (k === 'o') return 'open';
  if (k === 's') return e.shiftKey ? 'save-as' : 'save';
  if (k === 'e') return e.shiftKey ? 'export-word' : 'export-pdf';
  if (k === 'f') return 'find';
  if (k === 'z') return e.shiftKey ? 'redo' : 'undo';
  if (k === 'y') return 'redo';
  return null;
}

/** Undo/redo inside the text editor belong to the editor's own history, not the brief's. */
export function isInsideTextEditor(target: EventTarget | null): boolean {
  return target instanceof Element && !!target.closest('.cm-editor');
}
