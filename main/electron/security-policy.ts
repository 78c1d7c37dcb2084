// Pure security decisions of the shell (window options, CSP, navigation, sender check), unit-tested without Electron.
import type { WebPreferences } from 'electron';

export const APP_SCHEME = 'app';
export const APP_HOST = 'briefing';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** Strict CSP: only our own bundle; blob: for the pdf.js preview worker and rendered pages. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
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
    spellcheck: true,
    safeDialogs: true,
  };
}

/** The only page the window may show is our own app origin. */
export function isAppUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST;
  } catch {
    return false;
  }
}

/** Navigation away from the app (links in a brief, dropped files, redirects) is always refused. */
export function navigationDecision(targetUrl: string, currentUrl: string): 'allow' | 'deny' {
  // Same-document navigations (hash changes) of our own page are fine; everything else is denied.
  if (isAppUrl(targetUrl) && isAppUrl(currentUrl) && new URL(targetUrl).pathname === new URL(currentUrl).pathname) return 'allow';
  return 'deny';
}

/** Requests the session lets through: our own protocol and in-memory blobs/data, nothing from a network. */
export function isAllowedRequest(url: string): boolean {
  return isAppUrl(url) || url.startsWith('devtools:') || url.startsWith('blob:') || url.startsWith('data:');
}

export interface SenderInfo {
  /** URL of the frame that sent the message. */
  url: string;
  isMainFrame: boolean;
}

/** IPC is only accepted from the main frame of our own page (not iframes, not other origins). */
export function isTrustedSender(sender: SenderInfo | null | undefined, allowedOrigin = APP_ORIGIN): boolean {
  if (!sender || !sender.isMainFrame) return false;
  try {
    return new URL(sender.url).origin === allowedOrigin || sender.url.startsWith(allowedOrigin + '/');
  } catch {
    return false;
  }
}
