// Locks down the default session: no permission, no download, no request that is not the app's own, no spellchecker.
import { isAllowedRequest } from './security-policy.js';

/** A cancelable Electron event, reduced to what the guards call. */
export interface Preventable {
  preventDefault(): void;
}

/** The part of Electron's Session used here; Electron's Session fits it, a recording fake can too. */
export interface GuardedSession {
  setPermissionRequestHandler(handler: (webContents: unknown, permission: string, callback: (granted: boolean) => void) => void): void;
  setPermissionCheckHandler(handler: (webContents: unknown, permission: string) => boolean): void;
  webRequest: { onBeforeRequest(listener: (details: { url: string }, callback: (response: { cancel: boolean }) => void) => void): void };
  on(event: 'will-download', listener: (event: Preventable) => void): void;
  setSpellCheckerEnabled(enable: boolean): void;
}

export function lockDownSession(s: GuardedSession): void {
  // The app needs no camera, notification, clipboard-read, geolocation... permission: every one is refused.
  s.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  s.setPermissionCheckHandler(() => false);
  // Nothing leaves the machine: every request that is not our own protocol (or an in-memory blob) is cancelled.
  s.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isAllowedRequest(details.url) }));
  // The app writes files only through its own save dialogs; a page-initiated download is never started.
  s.on('will-download', (event) => event.preventDefault());
  // Chromium's spellchecker fetches Hunspell dictionaries from a Google CDN on Linux and Windows: keep it off.
  s.setSpellCheckerEnabled(false);
}
