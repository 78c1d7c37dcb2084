// The application menu (File, Edit, View, Help) with desktop shortcuts; pure template builder, unit-tested.
// Labels and shortcuts come from the one command table (shared/commands.ts) that the command palette lists too.
import type { MenuItemConstructorOptions } from 'electron';
import { menuEntry, type MenuEntry } from '../../shared/commands.js';
import type { MenuCommand } from '../../shared/ipc/menu-commands.js';

export interface MenuDeps {
  platform: string;
  send: (command: MenuCommand) => void;
}

export function buildMenuTemplate({ platform, send }: MenuDeps): MenuItemConstructorOptions[] {
  const item = (command: MenuEntry['command']): MenuItemConstructorOptions => {
    const { label, accelerator } = menuEntry(command);
    return { label, click: () => send(command), ...(accelerator ? { accelerator } : {}) };
  };
  const mac = platform === 'darwin';
  return [
    ...(mac ? [{ role: 'appMenu' as const }] : []),
    {
      label: '&File',
      submenu: [
        item('new'),
        item('open'),
        { type: 'separator' },
        item('save'),
        item('save-as'),
        { type: 'separator' },
        item('export-pdf'),
        item('export-word'),
        item('export-releasable'),
        { type: 'separator' },
        mac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    {
      label: '&Edit',
      submenu: [
        // Undo/redo go to the renderer, which owns the brief's history (outline and settings).
        item('undo'),
        item('redo'),
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
        { type: 'separator' },
        item('find'),
      ],
    },
    {
      label: '&View',
      submenu: [item('command-palette'), { type: 'separator' }, { role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' }],
    },
    { label: '&Help', role: 'help', submenu: [item('about')] },
  ];
}
