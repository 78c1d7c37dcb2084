// The app:// protocol: registers the scheme and answers each request from the built renderer with the app's headers.
// The e2e harness serves its loopback page through `appResponse` too, so the page under test gets these exact headers.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { mimeType, resolveAppPath } from './protocol-paths.js';
import { APP_SCHEME, contentSecurityPolicy } from './security-policy.js';

/** What a handler answers; turned into a fetch `Response` for Electron, written as-is by the harness. */
export interface AppResponse {
  status: number;
  headers: Record<string, string>;
  body: Uint8Array<ArrayBuffer> | string;
}

/** The part of Electron's `protocol` used here; Electron's Protocol fits it, a recording fake can too. */
export interface AppProtocol {
  registerSchemesAsPrivileged(schemes: { scheme: string; privileges: Record<string, boolean> }[]): void;
  handle(scheme: string, handler: (request: { url: string }) => Promise<Response>): void;
}

/** Must run before the app is ready (Electron's rule): app:// behaves like a secure, standard origin. */
export function registerAppScheme(protocol: Pick<AppProtocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ]);
}

/** 128 random bits, fresh for every response, so a nonce seen once is worth nothing later. */
export function newNonce(): string {
  return randomBytes(16).toString('base64');
}

const NONCE_META = '<meta name="csp-nonce" content="">';

/** The page tells the renderer its nonce through one meta element (read by renderer/src/editor/cspNonce.ts). */
export function injectNonce(html: string, nonce: string): string {
  return html.replace(NONCE_META, `<meta name="csp-nonce" content="${nonce}">`);
}

function securityHeaders(contentType: string, nonce: string): Record<string, string> {
  return { 'content-type': contentType, 'content-security-policy': contentSecurityPolicy(nonce), 'x-content-type-options': 'nosniff' };
}

/** True when the file's real path (symlinks followed) stays inside the real root: the text check alone can be fooled. */
async function staysInside(file: string, root: string): Promise<boolean> {
  try {
    const [realFile, realRoot] = await Promise.all([fs.realpath(file), fs.realpath(root)]);
    return realFile.startsWith(realRoot + path.sep);
  } catch {
    return false;
  }
}

/** One app:// request -> the file of the built renderer with the CSP (fresh nonce) and nosniff, or a bare 404. */
export async function appResponse(requestUrl: string, root: string, nonce: string = newNonce()): Promise<AppResponse> {
  const notFound: AppResponse = { status: 404, headers: securityHeaders('text/plain; charset=utf-8', nonce), body: 'Not found' };
  const file = resolveAppPath(requestUrl, root);
  if (!file || !(await staysInside(file, root))) return notFound;
  let body: Uint8Array<ArrayBuffer>;
  try {
    body = await fs.readFile(file);
  } catch {
    return notFound;
  }
  const type = mimeType(file);
  if (type.startsWith('text/html')) return { status: 200, headers: securityHeaders(type, nonce), body: injectNonce(new TextDecoder().decode(body), nonce) };
  return { status: 200, headers: securityHeaders(type, nonce), body };
}

/** Answers app:// from `root` (the built renderer folder); nothing else is served by the app. */
export function serveAppProtocol(protocol: Pick<AppProtocol, 'handle'>, root: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const r = await appResponse(request.url, root);
    return new Response(r.body, { status: r.status, headers: r.headers });
  });
}
