// E2E harness: the built renderer in Debian's Chromium, with window.briefing served by the real services in Node.
// The page gets the built preload (dist/main/preload.cjs) with an `electron` stand-in whose ipcRenderer reaches
// main/electron/ipc.ts's registerIpc, so the preload, the sender check and the schema validation are the app's own.
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import http from 'node:http';
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import type { Envelope } from '../../shared/ipc/names.js';
import { MENU_CHANNEL, type MenuCommand } from '../../shared/ipc/menu-commands.js';
import { createServices, type AppDialogs } from '../../main/services/container.js';
import { createHandlers } from '../../main/services/handlers/index.js';
import { registerIpc, type SenderEvent } from '../../main/electron/ipc.js';
import { appResponse } from '../../main/electron/app-protocol.js';
import { APP_ORIGIN } from '../../main/electron/security-policy.js';
import { bundledLibraryDir, examplesDir, fontsDir, rendererDir } from '../../main/services/app-paths.js';

const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/lib/chromium/chromium', '/usr/bin/chromium', '/usr/bin/chromium-browser'];

export function findChromium(): string | null {
  return CANDIDATES.find((p): p is string => !!p && fs.existsSync(p)) ?? null;
}

/** Where no browser is found: loud skip locally, a failure under CI. */
export function browserOrSkipReason(): { path: string } | { skip: string } {
  const found = findChromium();
  if (found) return { path: found };
  const how = 'install it with `sudo apt-get install chromium` (or set CHROMIUM_PATH)';
  if (process.env.CI === 'true') throw new Error(`e2e: no Chromium found and CI=true: ${how}`);
  console.warn(`\n*** E2E SKIPPED: no Chromium found — ${how} ***\n`);
  return { skip: how };
}

/** Serve the built renderer over loopback through the app:// handler's own `appResponse` (allow-list, CSP with a fresh nonce, nosniff). */
async function serveRenderer(root: string, parked: ParkedBytes): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer(async (req, res) => {
    const bytes = parked.take(req.url ?? '');
    if (bytes) return void res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': bytes.byteLength }).end(bytes);
    const r = await appResponse(`${APP_ORIGIN}${req.url ?? '/'}`, root);
    res.writeHead(r.status, r.headers).end(r.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(() => r())) };
}

const BYTES_PATH = '/__ipc-bytes/';

/**
 * Bytes of an IPC result (a preview PDF is about 670 KB), waiting to be fetched once by the page. Playwright's
 * binding carries only JSON, and a PDF as base64 through the DevTools protocol took about 90 ms, where Electron's
 * structured clone copies it in a millisecond or two: the page fetches the bytes from the harness's own loopback
 * server instead (same origin, so the app's CSP `connect-src 'self'` lets it), in a few milliseconds.
 */
class ParkedBytes {
  private readonly waiting = new Map<string, Uint8Array>();

  park(bytes: Uint8Array): string {
    const at = `${BYTES_PATH}${randomUUID()}`;
    this.waiting.set(at, bytes);
    return at;
  }

  take(url: string): Uint8Array | undefined {
    const bytes = this.waiting.get(url);
    this.waiting.delete(url);
    return bytes;
  }
}

/** An IPC result as JSON for the binding; each Uint8Array parked and named by the path the page fetches it from. */
function encode(value: unknown, parked: ParkedBytes): string {
  // Look at the raw value, not `v`: JSON.stringify has already turned a Buffer into { type: 'Buffer', data } via toJSON.
  return JSON.stringify(value, function (this: Record<string, unknown>, k: string, v: unknown) {
    const raw = this[k];
    return raw instanceof Uint8Array ? { __bytesAt: parked.park(raw) } : v;
  });
}

/** Runs in the page: the result back from JSON, with each parked Uint8Array fetched from the harness. */
async function pageDecode(text: string): Promise<unknown> {
  const fetches: Promise<void>[] = [];
  const value: unknown = JSON.parse(text, function (this: Record<string, unknown>, k: string, v: unknown) {
    if (v && typeof v === 'object' && '__bytesAt' in v) {
      fetches.push(
        fetch((v as { __bytesAt: string }).__bytesAt)
          .then((r) => r.arrayBuffer())
          .then((buf) => void (this[k] = new Uint8Array(buf))),
      );
    }
    return v;
  });
  await Promise.all(fetches);
  return value;
}

/** The `electron` module a sandboxed preload sees, reduced to what ours uses; `__menuCommand` plays the menu. */
function electronStandIn(decode: (text: string) => Promise<unknown>, menuChannel: string): unknown {
  const invoke = (window as unknown as { __briefingInvoke: (c: string, a: string) => Promise<string> }).__briefingInvoke;
  const menuListeners: ((event: unknown, command: unknown) => void)[] = [];
  Object.defineProperty(window, '__menuCommand', { value: (command: string) => menuListeners.forEach((cb) => cb({}, command)) });
  return {
    contextBridge: { exposeInMainWorld: (key: string, api: unknown) => Object.defineProperty(window, key, { value: api }) },
    ipcRenderer: {
      invoke: async (channel: string, ...args: unknown[]) => decode(await invoke(channel, JSON.stringify(args))),
      on: (channel: string, cb: (event: unknown, command: unknown) => void) => {
        if (channel === menuChannel) menuListeners.push(cb);
      },
    },
  };
}

/** The built preload as an init script, given `require('electron')` and nothing else (like Electron's sandbox). */
async function preloadScript(): Promise<string> {
  const file = path.join(import.meta.dirname, '../../dist/main/preload.cjs');
  const source = await fsp.readFile(file, 'utf8').catch(() => {
    throw new Error(`e2e: ${file} is missing; run \`npm run build\` first`);
  });
  // Functions cross into the page as source text; run under tsx (the bench), esbuild's keepNames wraps them in
  // __name(...) calls, which the page must answer (vitest's transform does not, so tests never needed it).
  return `(() => {
  if (!('__name' in globalThis)) Object.defineProperty(globalThis, '__name', { value: (f) => f });
  const electron = (${electronStandIn.toString()})(${pageDecode.toString()}, ${JSON.stringify(MENU_CHANNEL)});
  const require = (name) => { if (name === 'electron') return electron; throw new Error('a sandboxed preload cannot require ' + name); };
  const module = { exports: {} };
  (function (require, module, exports) {
${source}
  })(require, module, module.exports);
})();`;
}

export interface Harness {
  page: Page;
  context: BrowserContext;
  browser: Browser;
  outDir: string;
  /** Paths the fake save dialog handed out, in order. */
  savedFiles: string[];
  /** Paths the fake "save brief as" dialog handed out, in order. */
  savedBriefs: string[];
  /** Paths the fake open dialog hands out next (empty: the user cancels). */
  openQueue: string[];
  /** Folders the fake "Add team library" dialog hands out next (empty: the user cancels). */
  folderQueue: string[];
  /** Calls refused by the sender check (e.g. from an iframe). */
  refused: string[];
  /** Every Content Security Policy violation the page reported; `close()` fails while any is left (a test that provokes one drains it). */
  cspViolations: string[];
  /** The app's origin as the page sees it (the loopback server standing in for app://briefing). */
  origin: string;
  /** The URL of every request the page made, allowed or refused, in order: nothing may leave `origin`. */
  requests: string[];
  /** Chooses an application menu item, as main/electron/menu.ts would send it. */
  menu(command: MenuCommand): Promise<void>;
  close(): Promise<void>;
}

/**
 * `userDataDir` outlives the harness when given: a second harness on it sees the first one's recovery copies.
 * `startScreen`: show the start screen at launch, as a new user gets it (off by default, so the other tests
 * begin on the blank brief, as after "Show this screen when Briefing Builder starts" is unticked).
 */
export async function startHarness(executablePath: string, options: { userDataDir?: string; startScreen?: boolean } = {}): Promise<Harness> {
  const outDir = await fsp.mkdtemp(path.join(os.tmpdir(), 'briefing-e2e-'));
  const savedFiles: string[] = [];
  const savedBriefs: string[] = [];
  const openQueue: string[] = [];
  const folderQueue: string[] = [];
  const refused: string[] = [];
  const dialogs: AppDialogs = {
    savePdf: async (name) => {
      const file = path.join(outDir, name);
      savedFiles.push(file);
      return file;
    },
    saveDocx: async (name) => {
      const file = path.join(outDir, name);
      savedFiles.push(file);
      return file;
    },
    saveBriefAs: async (name) => {
      const file = path.join(outDir, name);
      savedBriefs.push(file);
      return file;
    },
    openBrief: async () => openQueue.shift() ?? null,
    chooseFolder: async () => folderQueue.shift() ?? null,
  };
  const services = await createServices({
    bundledLibraryDir: bundledLibraryDir(),
    examplesDir: examplesDir(),
    fontsDir: fontsDir(),
    userDataDir: options.userDataDir ?? path.join(outDir, 'user-data'),
    dialogs,
    today: () => new Date('2026-11-25T00:00:00Z'),
  });
  const handlers = createHandlers(services);
  const parked = new ParkedBytes();
  const server = await serveRenderer(rendererDir(), parked);

  const browser = await chromium.launch({
    executablePath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  // Like the app's session: nothing but our own loopback origin may load.
  const requests: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    requests.push(url);
    return url.startsWith(server.url) || url.startsWith('blob:') ? route.continue() : route.abort();
  });

  // The real IPC registration (main/electron/ipc.ts) on an ipcMain stand-in: the app's sender check and schema validation.
  const listeners = new Map<string, (event: SenderEvent, ...args: unknown[]) => Promise<unknown>>();
  registerIpc({ handle: (channel, listener) => void listeners.set(channel, listener) }, handlers, server.url);
  await context.exposeBinding('__briefingInvoke', async (source, channel: string, argsJson: string) => {
    const listener = listeners.get(channel);
    if (!listener) return encode({ ok: false, error: { message: `unknown channel ${channel}` } }, parked);
    // Like Electron's senderFrame: the main frame is its own top frame.
    const senderFrame: { url: string; top: object | null } = { url: source.frame.url(), top: null };
    senderFrame.top = source.frame === source.page.mainFrame() ? senderFrame : {};
    const envelope = (await listener({ senderFrame }, ...(JSON.parse(argsJson) as unknown[]))) as Envelope<unknown>;
    if (!envelope.ok && envelope.error.message.startsWith('refused')) refused.push(`${channel} from ${source.frame.url()}`);
    return encode(envelope, parked);
  });
  await context.addInitScript({ content: await preloadScript() });
  if (!options.startScreen) await context.addInitScript({ content: `localStorage.setItem('briefing.startScreen', 'off');` });
  // The CSP has no 'unsafe-inline': anything it refuses (a style without the nonce, an inline script) is reported here.
  const cspViolations: string[] = [];
  await context.exposeBinding('__cspViolation', (_source, line: string) => void cspViolations.push(line));
  await context.addInitScript({
    content: `document.addEventListener('securitypolicyviolation', (e) => window.__cspViolation(e.effectiveDirective + ' refused ' + (e.blockedURI || 'inline') + ' at ' + e.sourceFile + ':' + e.lineNumber));`,
  });

  const page = await context.newPage();
  const consoleErrors: string[] = [];
  page.on('pageerror', (e) => consoleErrors.push(e.message));
  await page.goto(`${server.url}/index.html`);
  return {
    page,
    context,
    browser,
    outDir,
    savedFiles,
    savedBriefs,
    openQueue,
    folderQueue,
    refused,
    cspViolations,
    origin: server.url,
    requests,
    menu: (command) => page.evaluate((c) => (window as unknown as { __menuCommand(c: string): void }).__menuCommand(c), command),
    async close() {
      await browser.close();
      await services.documents?.shutdown();
      // The library's caches are written in the background after a load: let them land before the folder goes.
      await services.libraries.current.settled();
      await server.close();
      await fsp.rm(outDir, { recursive: true, force: true });
      // Every harness, however started, fails its test when the page met a CSP refusal nobody expected.
      if (cspViolations.length > 0) throw new Error(`e2e: Content Security Policy violations: ${cspViolations.join('; ')}`);
    },
  };
}

export const SCREENSHOTS = path.resolve(import.meta.dirname, '../../test-output/screenshots');

/** One harness per test file: started before its tests (handed over through `set`), closed after them. */
export function useHarness(browser: { path: string }, set: (h: Harness) => void, options: { startScreen?: boolean } = {}): void {
  let harness: Harness | undefined;
  beforeAll(async () => {
    await fsp.mkdir(SCREENSHOTS, { recursive: true });
    harness = await startHarness(browser.path, options);
    set(harness);
  });
  afterAll(async () => {
    await harness?.close();
  });
}
