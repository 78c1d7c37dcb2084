// The one table of the app's menu commands (label, menu, shortcut): the Electron menu is built from it, the
// command palette lists it and the renderer's keyboard fallback matches it, so the three cannot drift apart.
import type { MenuCommand } from './ipc/menu-commands.js';

export type MenuName = 'File' | 'Edit' | 'View' | 'Help';

export interface MenuEntry {
  command: Exclude<MenuCommand, 'save-and-close'>;
  label: string;
  menu: MenuName;
  /** Electron accelerator syntax (`CmdOrCtrl+Shift+P`); absent for a command with no shortcut. */
  accelerator?: string;
}

/** In menu order within each menu. */
export const MENU_ENTRIES: readonly MenuEntry[] = [
  { command: 'new', label: 'New Brief', menu: 'File', accelerator: 'CmdOrCtrl+N' },
  { command: 'open', label: 'Open…', menu: 'File', accelerator: 'CmdOrCtrl+O' },
  { command: 'save', label: 'Save', menu: 'File', accelerator: 'CmdOrCtrl+S' },
  { command: 'save-as', label: 'Save As…', menu: 'File', accelerator: 'CmdOrCtrl+Shift+S' },
  { command: 'export-pdf', label: 'Export PDF…', menu: 'File', accelerator: 'CmdOrCtrl+E' },
  { command: 'export-word', label: 'Export Word…', menu: 'File', accelerator: 'CmdOrCtrl+Shift+E' },
  { command: 'export-releasable', label: 'Export Releasable Copy…', menu: 'File' },
  { command: 'undo', label: 'Undo', menu: 'Edit', accelerator: 'CmdOrCtrl+Z' },
  { command: 'redo', label: 'Redo', menu: 'Edit', accelerator: 'CmdOrCtrl+Shift+Z' },
  { command: 'find', label: 'Find in Library', menu: 'Edit', accelerator: 'CmdOrCtrl+F' },
  { command: 'command-palette', label: 'Command Palette…', menu: 'View', accelerator: 'CmdOrCtrl+Shift+P' },
  { command: 'about', label: 'About Briefing Builder', menu: 'Help' },
];

/** Shortcuts that also run a menu command without being shown in the menu (Ctrl+Y is Redo on Windows). */
export const EXTRA_ACCELERATORS: readonly { command: MenuEntry['command']; accelerator: string }[] = [{ command: 'redo', accelerator: 'CmdOrCtrl+Y' }];

export function menuEntry(command: MenuEntry['command']): MenuEntry {
  const entry = MENU_ENTRIES.find((e) => e.command === command);
  if (!entry) throw new Error(`no menu entry for ${command}`);
  return entry;
}

/** What a key press carries (a DOM KeyboardEvent fits; shared/ knows no DOM). */
export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

interface Parsed {
  key: string;
  cmdOrCtrl: boolean;
  ctrl: boolean;
  meta: boolean;
  shift: boolean;
  alt: boolean;
}

/** Accelerator key names as KeyboardEvent.key spells them. */
const KEY_NAMES: Record<string, string> = { Up: 'ArrowUp', Down: 'ArrowDown', Left: 'ArrowLeft', Right: 'ArrowRight', Esc: 'Escape', Return: 'Enter', Plus: '+', Space: ' ' };

export function parseAccelerator(accelerator: string): Parsed {
  const parts = accelerator.split('+');
  const key = parts.pop() ?? '';
  const has = (m: string) => parts.includes(m);
  return {
    key: KEY_NAMES[key] ?? key,
    cmdOrCtrl: has('CmdOrCtrl') || has('CommandOrControl'),
    ctrl: has('Ctrl') || has('Control'),
    meta: has('Cmd') || has('Command') || has('Meta'),
    shift: has('Shift'),
    alt: has('Alt') || has('Option'),
  };
}

/** True when the press is exactly the accelerator (CmdOrCtrl is ⌘ on a Mac, Ctrl elsewhere). */
export function matchesAccelerator(accelerator: string, e: KeyPress, mac: boolean): boolean {
  const a = parseAccelerator(accelerator);
  const ctrl = a.ctrl || (a.cmdOrCtrl && !mac);
  const meta = a.meta || (a.cmdOrCtrl && mac);
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
  const want = a.key.length === 1 ? a.key.toLowerCase() : a.key;
  return key === want && e.ctrlKey === ctrl && e.metaKey === meta && e.shiftKey === a.shift && e.altKey === a.alt;
}

/** The menu command a key press stands for, if any. */
export function menuCommandForKey(e: KeyPress, mac: boolean): MenuEntry['command'] | null {
  for (const entry of MENU_ENTRIES) if (entry.accelerator && matchesAccelerator(entry.accelerator, e, mac)) return entry.command;
  for (const extra of EXTRA_ACCELERATORS) if (matchesAccelerator(extra.accelerator, e, mac)) return extra.command;
  return null;
}

const MAC_KEYS: Record<string, string> = { ArrowUp: '↑', ArrowDown: '↓', ArrowLeft: '←', ArrowRight: '→', Enter: '↩', Escape: '⎋', Delete: '⌦', Backspace: '⌫' };
const OTHER_KEYS: Record<string, string> = { ArrowUp: 'Up', ArrowDown: 'Down', ArrowLeft: 'Left', ArrowRight: 'Right', Escape: 'Esc', ' ': 'Space' };

/** The shortcut as the platform writes it: `Ctrl+Shift+P` on Windows and Linux, `⇧⌘P` on a Mac. */
export function displayAccelerator(accelerator: string, mac: boolean): string {
  const a = parseAccelerator(accelerator);
  const key = a.key.length === 1 ? a.key.toUpperCase() : a.key;
  if (mac) {
    return `${a.ctrl ? '⌃' : ''}${a.alt ? '⌥' : ''}${a.shift ? '⇧' : ''}${a.meta || a.cmdOrCtrl ? '⌘' : ''}${MAC_KEYS[key] ?? key}`;
  }
  const mods = [a.ctrl || a.cmdOrCtrl ? 'Ctrl' : '', a.meta ? 'Win' : '', a.alt ? 'Alt' : '', a.shift ? 'Shift' : ''].filter(Boolean);
  return [...mods, OTHER_KEYS[key] ?? key].join('+');
}
