// The one app window. Its webPreferences are spelled out where the window is made, so a reader (and
// electronegativity, which reads the source) sees every security setting at the `new BrowserWindow` itself.
import type { BrowserWindowConstructorOptions } from 'electron';
import { APP_ORIGIN } from './security-policy.js';

/** The part of a BrowserWindow used here; Electron's BrowserWindow fits it, a recording fake can too. */
export interface AppWindow {
  once(event: 'ready-to-show', listener: () => void): void;
  show(): void;
  loadURL(url: string): Promise<void>;
}

export type WindowClass<W extends AppWindow> = new (options: BrowserWindowConstructorOptions) => W;

export function createAppWindow<W extends AppWindow>(BrowserWindow: WindowClass<W>, options: { preloadPath: string; devTools: boolean }): W {
  const win = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'Briefing Builder',
    webPreferences: {
      preload: options.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      // Chromium's spellchecker downloads dictionaries; an offline check belongs in the editor (composer issue).
      spellcheck: false,
      // A middle click must not open links in a new window behind the window-open handler's back.
      disableBlinkFeatures: 'Auxclick',
      // DevTools only in a development run: `!app.isPackaged` in main.ts.
      devTools: options.devTools,
    },
  });
  win.once('ready-to-show', () => win.show());
  void win.loadURL(`${APP_ORIGIN}/index.html`);
  return win;
}
