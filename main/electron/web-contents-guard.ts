// Guards every web contents the app creates: no navigation away, no new window, no webview, no DevTools when packaged.
import type { Preventable } from './session-guard.js';
import { navigationDecision } from './security-policy.js';

/** The part of Electron's WebContents used here; Electron's WebContents fits it, a recording fake can too. */
export interface GuardedContents {
  on(event: 'will-navigate' | 'will-redirect' | 'will-frame-navigate', listener: (event: Preventable & { url: string }) => void): void;
  on(event: 'will-attach-webview', listener: (event: Preventable) => void): void;
  on(event: 'devtools-opened', listener: () => void): void;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
  getURL(): string;
  closeDevTools(): void;
}

export function guardWebContents(contents: GuardedContents, options: { devTools: boolean }): void {
  // Links in a brief, dropped files, redirects and subframes: only a same-document move of our own page is let through.
  const guardNavigation = (event: Preventable & { url: string }): void => {
    if (navigationDecision(event.url, contents.getURL()) === 'deny') event.preventDefault();
  };
  contents.on('will-navigate', guardNavigation);
  contents.on('will-redirect', guardNavigation);
  contents.on('will-frame-navigate', guardNavigation);
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-attach-webview', (event) => event.preventDefault());
  // A packaged build never keeps DevTools open, whatever opened them (a shortcut, a menu role, a switch).
  if (!options.devTools) contents.on('devtools-opened', () => contents.closeDevTools());
}
