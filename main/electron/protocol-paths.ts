// Maps app:// request URLs to files of the built renderer, through an allow-list; pure, unit-tested.
import path from 'node:path';
import { APP_HOST, APP_SCHEME } from './security-policy.js';

/** File types the renderer bundle consists of; anything else is refused even inside the root. */
const ALLOWED_EXTENSIONS = new Set(['.html', '.js', '.mjs', '.css', '.svg', '.png', '.ico', '.woff2', '.ttf', '.json', '.map', '.bcmap', '.pfb']);

/** Returns the absolute file for an app:// URL, or null when it must be refused (403/404). */
export function resolveAppPath(requestUrl: string, rootDir: string): string | null {
  let u: URL;
  try {
    u = new URL(requestUrl);
  } catch {
    return null;
  }
  if (u.protocol !== `${APP_SCHEME}:` || u.host !== APP_HOST) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(u.pathname);
  } catch {
    return null; // malformed escapes
  }
  // Encoded dots and slashes survive URL parsing: refuse any '..' segment outright rather than clamp it.
  if (pathname.includes('\0') || pathname.includes('\\') || pathname.split('/').includes('..')) return null;
  if (pathname === '/' || pathname === '') pathname = '/index.html';
  const root = path.resolve(rootDir);
  const file = path.resolve(root, '.' + path.posix.normalize(pathname));
  if (file !== root && !file.startsWith(root + path.sep)) return null;
  if (!ALLOWED_EXTENSIONS.has(path.extname(file).toLowerCase())) return null;
  return file;
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.json': 'application/json',
  '.map': 'application/json',
};

export function mimeType(file: string): string {
  return MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}
