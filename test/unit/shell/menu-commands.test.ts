// The menu and the command table cannot drift: every menu command is built from shared/commands.ts with its label and
// shortcut, every table entry is in the menu once, and the renderer's keyboard fallback matches the same shortcuts.
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { displayAccelerator, MENU_ENTRIES, menuCommandForKey, parseAccelerator, type KeyPress } from '../../../shared/commands.js';
import { isMenuCommand, MENU_COMMANDS, type MenuCommand } from '../../../shared/ipc/menu-commands.js';
import { buildMenuTemplate } from '../../../main/electron/menu.js';

function menuItems(platform: string): { items: MenuItemConstructorOptions[]; sent: MenuCommand[] } {
  const sent: MenuCommand[] = [];
  const menu = buildMenuTemplate({ platform, send: (c) => sent.push(c) });
  const items = menu.flatMap((m) => (Array.isArray(m.submenu) ? m.submenu : [])).filter((i) => i.click);
  return { items, sent };
}

/** The key press an accelerator stands for, as a browser reports it. */
function pressOf(accelerator: string, mac: boolean): KeyPress {
  const a = parseAccelerator(accelerator);
  const key = a.key.length === 1 && a.shift ? a.key.toUpperCase() : a.key;
  return { key, ctrlKey: a.ctrl || (a.cmdOrCtrl && !mac), metaKey: a.meta || (a.cmdOrCtrl && mac), shiftKey: a.shift, altKey: a.alt };
}

describe('the command table and the application menu', () => {
  for (const platform of ['linux', 'win32', 'darwin']) {
    it(`builds every menu item on ${platform} from the table: same label, same shortcut, sends its command`, () => {
      const { items, sent } = menuItems(platform);
      for (const item of items) (item.click as () => void)();
      // Each table entry is in the menu exactly once, in table order, and nothing else sends a command.
      expect(sent).toEqual(MENU_ENTRIES.map((e) => e.command));
      items.forEach((item, i) => {
        const entry = MENU_ENTRIES[i]!;
        expect(item.label).toBe(entry.label);
        expect(item.accelerator).toBe(entry.accelerator);
      });
    });
  }

  it('covers every command main may send, save-and-close (the close question’s answer) aside', () => {
    expect([...MENU_COMMANDS].filter((c) => c !== 'save-and-close').sort()).toEqual(MENU_ENTRIES.map((e) => e.command).sort());
    expect(MENU_ENTRIES.every((e) => isMenuCommand(e.command))).toBe(true);
    const accelerators = MENU_ENTRIES.flatMap((e) => e.accelerator ?? []);
    expect(new Set(accelerators).size).toBe(accelerators.length);
  });

  it('matches each menu shortcut to its command in the renderer, on a Mac with ⌘ and elsewhere with Ctrl', () => {
    for (const mac of [false, true]) {
      for (const e of MENU_ENTRIES.filter((x) => x.accelerator)) expect(menuCommandForKey(pressOf(e.accelerator!, mac), mac)).toBe(e.command);
    }
    const ctrl = (key: string, extra: Partial<KeyPress> = {}): KeyPress => ({ key, ctrlKey: true, metaKey: false, shiftKey: false, altKey: false, ...extra });
    expect(menuCommandForKey(ctrl('y'), false)).toBe('redo');
    expect(menuCommandForKey(ctrl('P', { shiftKey: true }), false)).toBe('command-palette');
    // Not a shortcut: a different modifier set, or Ctrl on a Mac.
    expect(menuCommandForKey(ctrl('s', { altKey: true }), false)).toBeNull();
    expect(menuCommandForKey(ctrl('p'), false)).toBeNull();
    expect(menuCommandForKey(ctrl('s'), true)).toBeNull();
    expect(menuCommandForKey({ key: 's', ctrlKey: false, metaKey: false, shiftKey: false, altKey: false }, false)).toBeNull();
  });

  it('shows shortcuts the way each platform writes them', () => {
    expect(displayAccelerator('CmdOrCtrl+Shift+P', false)).toBe('Ctrl+Shift+P');
    expect(displayAccelerator('CmdOrCtrl+Shift+P', true)).toBe('⇧⌘P');
    expect(displayAccelerator('CmdOrCtrl+N', false)).toBe('Ctrl+N');
    expect(displayAccelerator('Alt+Up', false)).toBe('Alt+Up');
    expect(displayAccelerator('Alt+Up', true)).toBe('⌥↑');
    expect(displayAccelerator('Shift+F6', false)).toBe('Shift+F6');
    expect(displayAccelerator('Delete', true)).toBe('⌦');
  });
});
