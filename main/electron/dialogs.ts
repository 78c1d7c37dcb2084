// Native open/save dialogs behind the services' Dialogs interface (the only place that knows Electron's dialog).
import type { BrowserWindow, Dialog } from 'electron';
import type { AppDialogs } from '../services/container.js';

export function electronDialogs(dialog: Dialog, parent: () => BrowserWindow | null): AppDialogs {
  const withParent = async <T>(fn: (win: BrowserWindow | undefined) => Promise<T>) => fn(parent() ?? undefined);
  return {
    savePdf: (suggestedName) =>
      withParent(async (win) => {
        const opts = { title: 'Export PDF', defaultPath: suggestedName, filters: [{ name: 'PDF', extensions: ['pdf'] }] };
        const r = win ? await dialog.showSaveDialog(win, opts) : await dialog.showSaveDialog(opts);
        return r.canceled || !r.filePath ? null : r.filePath;
      }),
  };
}
