// Keyboard shortcuts of the app menu, for where no menu exists: matched against the one command table
// (shared/commands.ts), so they are the menu's accelerators exactly.
import { menuCommandForKey } from '../../../shared/commands.js';
import type { MenuCommand } from '../../../shared/ipc/menu-commands.js';

/** ⌘ stands for Ctrl on a Mac, in the menu and in the shortcuts shown. */
export const IS_MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

export function commandForKey(e: KeyboardEvent): MenuCommand | null {
  return menuCommandForKey(e, IS_MAC);
}

/** Undo/redo inside the text editor belong to the editor's own history, not the brief's. */
export function isInsideTextEditor(target: EventTarget | null): boolean {
  return target instanceof Element && !!target.closest('.cm-editor');
}
