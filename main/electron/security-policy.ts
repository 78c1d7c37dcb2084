// Pure security decisions of the shell (CSP, navigation, request filter, sender check), unit-tested without Electron.
export const APP_SCHEME = 'app';
export const APP_HOST = 'briefing';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/**
 * Strict CSP: only our own bundle; blob: for the pdf.js preview worker and rendered pages. Styles need no
 * 'unsafe-inline': CodeMirror's one <style> element carries the per-response nonce, and React's `style` props
 * and CodeMirror's `style.cssText` go through CSSOM, which CSP does not govern.
 */
export function contentSecurityPolicy(nonce: string): string {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(nonce)) throw new Error('a CSP nonce must be base64');
  return [
    "default-src 'self'",
    "script-src 'self'",
    `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "worker-src 'self' blob:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
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
