// Electron main process: lifecycle, the app:// protocol, a locked-down session and window, IPC wiring.
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, shell } from 'electron';
import fs from 'node:fs/promises';
import path from 'node:path';
import { createServices, type Services } from '../services/container.js';
import { createHandlers } from '../services/handlers/index.js';
import { CLOSE_ANYWAY, closeQuestion } from './close-guard.js';
import { bundledLibraryDir, fontsDir, rendererDir } from '../services/app-paths.js';
import { buildMenuTemplate } from './menu.js';
import { MENU_CHANNEL } from '../../shared/ipc/menu-commands.js';
import { mimeType, resolveAppPath } from './protocol-paths.js';
import {
  APP_ORIGIN,
  APP_SCHEME,
  CONTENT_SECURITY_POLICY,
  isAllowedRequest,
  navigationDecision,
  secureWebPreferences,
} from './security-policy.js';
import { electronDialogs } from './dialogs.js';
import { registerIpc } from './ipc.js';

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
]);

// Defence in depth: one window, no remote debugging by flag, no background network features.
app.enableSandbox();
if (!app.requestSingleInstanceLock()) app.quit();

function serveAppProtocol(): void {
  const root = rendererDir();
  protocol.handle(APP_SCHEME, async (request) => {
    const file = resolveAppPath(request.url, root);
    if (!file) return new Response('Not found', { status: 404 });
    try {
      const body = await fs.readFile(file);
      return new Response(body, {
        headers: { 'content-type': mimeType(file), 'content-security-policy': CONTENT_SECURITY_POLICY, 'x-content-type-options': 'nosniff' },
      });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });
}

function lockDownSession(): void {
  const s = session.defaultSession;
  s.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  s.setPermissionCheckHandler(() => false);
  // Nothing leaves the machine: every request that is not our own protocol is cancelled.
  s.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isAllowedRequest(details.url) }));
  s.on('will-download', (event) => event.preventDefault());
}

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'Briefing Builder',
    webPreferences: secureWebPreferences(path.join(__dirname, 'preload.cjs')),
  });
  win.webContents.on('will-navigate', (event, url) => {
    if (navigationDecision(url, win.webContents.getURL()) === 'deny') event.preventDefault();
  });
  win.webContents.on('will-redirect', (event, url) => {
    if (navigationDecision(url, win.webContents.getURL()) === 'deny') event.preventDefault();
  });
  win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  win.webContents.on('will-attach-webview', (event) => event.preventDefault());
  win.once('ready-to-show', () => win.show());
  void win.loadURL(`${APP_ORIGIN}/index.html`);
  return win;
}

app.on('web-contents-created', (_e, contents) => {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
});

app.whenReady().then(async () => {
  serveAppProtocol();
  lockDownSession();
  const services = await createServices({
    bundledLibraryDir: bundledLibraryDir(),
    fontsDir: fontsDir(),
    userDataDir: app.getPath('userData'),
    dialogs: electronDialogs(dialog, () => BrowserWindow.getFocusedWindow()),
    revealFile: (file) => shell.showItemInFolder(file),
    today: () => new Date(),
  });
  registerIpc(ipcMain, createHandlers(services));
  const win = createWindow();
  guardClose(win, services);
  Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate({ platform: process.platform, send: (command) => win.webContents.send(MENU_CHANNEL, command) })));
});

/** Unsaved briefs: ask before the window goes; either way the recovery copy is written before quitting. */
function guardClose(win: BrowserWindow, services: Services): void {
  let confirmed = false;
  win.on('close', (event) => {
    if (confirmed) return;
    const question = closeQuestion(services.documents.unsavedDocuments());
    if (question && dialog.showMessageBoxSync(win, question) !== CLOSE_ANYWAY) {
      event.preventDefault();
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
