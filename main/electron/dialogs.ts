// Native open/save dialogs behind the services' AppDialogs interface (the only place that knows Electron's dialog).
import type { BrowserWindow, Dialog, OpenDialogOptions, SaveDialogOptions } from 'electron';
import type { AppDialogs } from '../services/container.js';

export function electronDialogs(dialog: Dialog, parent: () => BrowserWindow | null): AppDialogs {
  const save = async (opts: SaveDialogOptions) => {
    const win = parent();
    const r = win ? await dialog.showSaveDialog(win, opts) : await dialog.showSaveDialog(opts);
    return r.canceled || !r.filePath ? null : r.filePath;
  };
  const open = async (opts: OpenDialogOptions) => {
    const win = parent();
    const r = win ? await dialog.showOpenDialog(win, opts) : await dialog.showOpenDialog(opts);
    return r.canceled ? null : (r.filePaths[0] ?? null);
  };
  const briefFilter = [{ name: 'Briefs', extensions: ['brief'] }];
  return {
    savePdf: (suggestedName) => save({ title: 'Export PDF', defaultPath: suggestedName, filters: [{ name: 'PDF', extensions: ['pdf'] }] }),
    saveDocx: (suggestedName) => save({ title: 'Export Word', defaultPath: suggestedName, filters: [{ name: 'Word Document', extensions: ['docx'] }] }),
    openBrief: () => open({ title: 'Open Brief', properties: ['openFile'], filters: briefFilter }),
    saveBriefAs: (suggestedName) => save({ title: 'Save Brief As', defaultPath: suggestedName, filters: briefFilter }),
    chooseFolder: () => open({ title: 'Add Team Library', buttonLabel: 'Add Library', properties: ['openDirectory'] }),
  };
}
