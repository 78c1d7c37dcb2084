// Electron main process: lifecycle, the app:// protocol, a locked-down session and window, IPC wiring.
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, shell } from 'electron';
import path from 'node:path';
import { createServices, type Services } from '../services/container.js';
import { createHandlers } from '../services/handlers/index.js';
import { closeChoice, closeQuestion } from './close-guard.js';
import { bundledLibraryDir, examplesDir, fontsDir, rendererDir } from '../services/app-paths.js';
import { buildMenuTemplate } from './menu.js';
import { MENU_CHANNEL } from '../../shared/ipc/menu-commands.js';
import { electronDialogs } from './dialogs.js';
import { registerIpc } from './ipc.js';
import { registerAppScheme, serveAppProtocol } from './app-protocol.js';
import { lockDownSession } from './session-guard.js';
import { guardWebContents } from './web-contents-guard.js';
import { hardenStartup } from './startup-guard.js';
import { createAppWindow } from './window.js';

// Each guard is a function of the Electron objects it needs, tested on recording fakes in test/unit/shell/; this file only calls them.
// DevTools exist in a development run only: a packaged build neither enables nor keeps them open.
const devTools = !app.isPackaged;
const starting = hardenStartup(app, process.argv, (line) => process.stderr.write(line + '\n'));
registerAppScheme(protocol);
app.on('web-contents-created', (_e, contents) => guardWebContents(contents, { devTools }));

if (starting) void app.whenReady().then(async () => {
  serveAppProtocol(protocol, rendererDir());
  lockDownSession(session.defaultSession);
  const services = await createServices({
    bundledLibraryDir: bundledLibraryDir(),
    examplesDir: examplesDir(),
    fontsDir: fontsDir(),
    userDataDir: app.getPath('userData'),
    dialogs: electronDialogs(dialog, () => BrowserWindow.getFocusedWindow()),
    revealFile: (file) => shell.showItemInFolder(file),
    today: () => new Date(),
  });
  registerIpc(ipcMain, createHandlers(services));
  const win = createAppWindow(BrowserWindow, { preloadPath: path.join(__dirname, 'preload.cjs'), devTools });
  guardClose(win, services);
  Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate({ platform: process.platform, send: (command) => win.webContents.send(MENU_CHANNEL, command) })));
});

/** Unsaved briefs: ask before the window goes; either way the recovery copy is written before quitting. */
function guardClose(win: BrowserWindow, services: Services): void {
  let confirmed = false;
  win.on('close', (event) => {
    if (confirmed) return;
    const question = closeQuestion(services.documents.unsavedDocuments());
    const choice = question ? closeChoice(dialog.showMessageBoxSync(win, question)) : 'dont-save';
    if (choice === 'cancel') return event.preventDefault();
    if (choice === 'save') {
      // The window owns the brief being edited: it saves (asking where, if it has no file yet) and closes itself
      // when that worked; a failed or cancelled save leaves it open with the reason shown.
      event.preventDefault();
      win.webContents.send(MENU_CHANNEL, 'save-and-close');
      return;
    }
    confirmed = true;
  });
  app.on('before-quit', (event) => {
    if (flushed) return;
    event.preventDefault();
    void services.documents.shutdown().finally(() => {
      flushed = true;
      app.quit();
    });
  });
}
let flushed = false;

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
