// What the command palette lists: every menu command from the one table (shared/commands.ts), run as the menu runs
// it, and the renderer's own shortcuts (formatting, find, panes, outline), run by pressing their key (pressKey.ts).
import { MENU_ENTRIES, type MenuEntry } from '../../../shared/commands.js';

/** Where a renderer shortcut's key goes: the section text, an outline row, or wherever focus was. */
export type KeyTarget = 'editor' | 'outline' | 'anywhere';

/** A shortcut that lives in the renderer only; the palette presses its key on its target (pressKey.ts). */
export interface KeyCommand {
  id: string;
  category: string;
  label: string;
  /** Electron accelerator syntax, as in the menu table. */
  accelerator: string;
  target: KeyTarget;
}

export type PaletteEntry = { kind: 'menu'; entry: MenuEntry } | { kind: 'key'; command: KeyCommand };

export const KEY_COMMANDS: readonly KeyCommand[] = [
  { id: 'bold', category: 'Editor', label: 'Bold', accelerator: 'CmdOrCtrl+B', target: 'editor' },
  { id: 'italic', category: 'Editor', label: 'Italic', accelerator: 'CmdOrCtrl+I', target: 'editor' },
  { id: 'find-in-section', category: 'Editor', label: 'Find in Section', accelerator: 'CmdOrCtrl+F', target: 'editor' },
  { id: 'replace-in-section', category: 'Editor', label: 'Replace in Section', accelerator: 'CmdOrCtrl+H', target: 'editor' },
  { id: 'spelling', category: 'Editor', label: 'Spelling Suggestions', accelerator: 'CmdOrCtrl+.', target: 'editor' },
  { id: 'find-in-brief', category: 'Edit', label: 'Find in Brief', accelerator: 'CmdOrCtrl+Shift+F', target: 'anywhere' },
  { id: 'replace-in-brief', category: 'Edit', label: 'Replace in Brief', accelerator: 'CmdOrCtrl+Shift+H', target: 'anywhere' },
  { id: 'next-pane', category: 'View', label: 'Next Pane', accelerator: 'F6', target: 'anywhere' },
  { id: 'previous-pane', category: 'View', label: 'Previous Pane', accelerator: 'Shift+F6', target: 'anywhere' },
  { id: 'move-up', category: 'Outline', label: 'Move Section Up', accelerator: 'Alt+Up', target: 'outline' },
  { id: 'move-down', category: 'Outline', label: 'Move Section Down', accelerator: 'Alt+Down', target: 'outline' },
  { id: 'remove', category: 'Outline', label: 'Remove Section', accelerator: 'Delete', target: 'outline' },
];

export const PALETTE_ENTRIES: readonly PaletteEntry[] = [
  ...MENU_ENTRIES.map((entry) => ({ kind: 'menu' as const, entry })),
  ...KEY_COMMANDS.map((command) => ({ kind: 'key' as const, command })),
];

export function entryId(e: PaletteEntry): string {
  return e.kind === 'menu' ? e.entry.command : e.command.id;
}
export function entryCategory(e: PaletteEntry): string {
  return e.kind === 'menu' ? e.entry.menu : e.command.category;
}
export function entryLabel(e: PaletteEntry): string {
  return e.kind === 'menu' ? e.entry.label : e.command.label;
}
export function entryAccelerator(e: PaletteEntry): string | undefined {
  return e.kind === 'menu' ? e.entry.accelerator : e.command.accelerator;
}
