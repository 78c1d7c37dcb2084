// The shell's Electron wiring on recording fakes: each guard is proven installed and proven to refuse.
import { describe, expect, it } from 'vitest';
import type { BrowserWindowConstructorOptions } from 'electron';
import { lockDownSession, type GuardedSession } from '../../../main/electron/session-guard.js';
import { guardWebContents, type GuardedContents } from '../../../main/electron/web-contents-guard.js';
import { hardenStartup, refusedSwitch, type HardenedApp } from '../../../main/electron/startup-guard.js';
import { createAppWindow, type AppWindow } from '../../../main/electron/window.js';
import { APP_ORIGIN } from '../../../main/electron/security-policy.js';

type Listener = (...args: never[]) => unknown;

/** Records every listener by event name, so a test can fire what Electron would fire. */
class Listeners {
  readonly on = new Map<string, Listener[]>();
  add(event: string, listener: Listener): void {
    this.on.set(event, [...(this.on.get(event) ?? []), listener]);
  }
  /** Fires `event` with a preventable event object; true when some listener called preventDefault. */
  firePreventable(event: string, extra: Record<string, unknown> = {}): boolean {
    const listeners = this.on.get(event) ?? [];
    expect(listeners.length, `a listener for ${event}`).toBeGreaterThan(0);
    let prevented = false;
    const e = { ...extra, preventDefault: () => void (prevented = true) } as never;
    for (const l of listeners) l(e);
    return prevented;
  }
}

function fakeSession() {
  const events = new Listeners();
  const installed: { request?: Parameters<GuardedSession['setPermissionRequestHandler']>[0]; check?: Parameters<GuardedSession['setPermissionCheckHandler']>[0]; beforeRequest?: Parameters<GuardedSession['webRequest']['onBeforeRequest']>[0]; spellChecker?: boolean } = {};
  const session: GuardedSession = {
    setPermissionRequestHandler: (h) => void (installed.request = h),
    setPermissionCheckHandler: (h) => void (installed.check = h),
    webRequest: { onBeforeRequest: (l) => void (installed.beforeRequest = l) },
    on: (event, listener) => events.add(event, listener),
    setSpellCheckerEnabled: (enable) => void (installed.spellChecker = enable),
  };
  return { session, installed, events };
}

describe('lockDownSession', () => {
  const { session, installed, events } = fakeSession();
  lockDownSession(session);

  it.each(['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen'])('refuses the %s permission request', (permission) => {
    const answers: boolean[] = [];
    installed.request!({}, permission, (granted) => answers.push(granted));
    expect(answers).toEqual([false]);
    expect(installed.check!({}, permission)).toBe(false);
  });
  it('cancels every request that is not app://, blob: or data:', () => {
    const cancel = (url: string): boolean => {
      let answer: boolean | undefined;
      installed.beforeRequest!({ url }, (r) => (answer = r.cancel));
      return answer!;
    };
    expect(cancel('https://example.org/')).toBe(true);
    expect(cancel('http://127.0.0.1:9222/json')).toBe(true);
    expect(cancel('file:///etc/passwd')).toBe(true);
    expect(cancel('smb://share/x')).toBe(true);
    expect(cancel(`${APP_ORIGIN}/index.html`)).toBe(false);
    expect(cancel('blob:app://briefing/1')).toBe(false);
  });
  it('prevents every download and turns the spellchecker off', () => {
    expect(events.firePreventable('will-download')).toBe(true);
    expect(installed.spellChecker).toBe(false);
  });
});

function fakeContents(url = `${APP_ORIGIN}/index.html`) {
  const events = new Listeners();
  const state: { openHandler?: (d: { url: string }) => { action: string }; closedDevTools: number } = { closedDevTools: 0 };
  const contents: GuardedContents = {
    on: (event: string, listener: Listener) => events.add(event, listener),
    setWindowOpenHandler: (h) => void (state.openHandler = h),
    getURL: () => url,
    closeDevTools: () => void state.closedDevTools++,
  };
  return { contents, events, state };
}

describe('guardWebContents', () => {
  const { contents, events, state } = fakeContents();
  guardWebContents(contents, { devTools: false });

  it.each(['will-navigate', 'will-redirect', 'will-frame-navigate'])('%s to another origin or page is prevented', (event) => {
    for (const url of ['https://evil.example/', 'file:///etc/passwd', 'app://other/index.html', `${APP_ORIGIN}/other.html`, 'javascript:alert(1)']) {
      expect(events.firePreventable(event, { url }), url).toBe(true);
    }
    expect(events.firePreventable(event, { url: `${APP_ORIGIN}/index.html#notes` })).toBe(false);
  });
  it('denies every window.open and target=_blank link', () => {
    expect(state.openHandler!({ url: `${APP_ORIGIN}/index.html` })).toEqual({ action: 'deny' });
    expect(state.openHandler!({ url: 'https://example.org/' })).toEqual({ action: 'deny' });
  });
  it('prevents a webview from attaching', () => {
    expect(events.firePreventable('will-attach-webview')).toBe(true);
  });
  it('closes DevTools as soon as they open in a packaged build, and leaves them in a development run', () => {
    for (const l of events.on.get('devtools-opened') ?? []) l();
    expect(state.closedDevTools).toBe(1);
    const dev = fakeContents();
    guardWebContents(dev.contents, { devTools: true });
    expect(dev.events.on.has('devtools-opened')).toBe(false);
  });
});

describe('refusedSwitch', () => {
  it.each([
    ['--remote-debugging-port=9222'],
    ['--remote-debugging-pipe'],
    ['-remote-debugging-port=9222'],
    ['--inspect'],
    ['--inspect-brk=9229'],
    ['--inspect-port=0'],
    ['--js-flags=--allow-natives-syntax'],
  ])('refuses %s with one line naming the switch', (arg) => {
    const line = refusedSwitch(['/opt/briefing', arg], 'linux');
    expect(line).toMatch(new RegExp(`^Briefing Builder: refusing to start with ${arg.split('=')[0]}: `));
    expect(line).not.toContain('\n');
  });
  it('reads Windows spellings and lets ordinary arguments through', () => {
    expect(refusedSwitch(['briefing.exe', '/Remote-Debugging-Port=9222'], 'win32')).toMatch(/refusing/);
    expect(refusedSwitch(['/opt/briefing', '/home/me/inspect.brief', '.', '--no-sandbox-is-not-ours'], 'linux')).toBeNull();
    expect(refusedSwitch(['/opt/briefing', '--', '--inspect'], 'linux')).toBeNull();
  });
});

function fakeApp(switches: string[] = [], lock = true) {
  const calls: string[] = [];
  const app: HardenedApp = {
    enableSandbox: () => void calls.push('enableSandbox'),
    requestSingleInstanceLock: () => (calls.push('requestSingleInstanceLock'), lock),
    exit: (code) => void calls.push(`exit ${code}`),
    quit: () => void calls.push('quit'),
    commandLine: { hasSwitch: (name) => switches.includes(name) },
  };
  return { app, calls };
}

describe('hardenStartup', () => {
  it('turns on the sandbox for every renderer and takes the single-instance lock', () => {
    const { app, calls } = fakeApp();
    expect(hardenStartup(app, ['/opt/briefing'], () => {})).toBe(true);
    expect(calls).toEqual(['enableSandbox', 'requestSingleInstanceLock']);
  });
  it('quits a second instance', () => {
    const { app, calls } = fakeApp([], false);
    expect(hardenStartup(app, ['/opt/briefing'], () => {})).toBe(false);
    expect(calls).toContain('quit');
  });
  it('exits with one line on a debugging switch in argv or on the parsed command line', () => {
    for (const [argv, switches] of [[['/opt/briefing', '--inspect'], []], [['/opt/briefing'], ['remote-debugging-port']]] as const) {
      const { app, calls } = fakeApp([...switches]);
      const lines: string[] = [];
      expect(hardenStartup(app, argv, (l) => lines.push(l))).toBe(false);
      expect(calls).toEqual(['exit 2']);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^Briefing Builder: refusing to start with --(inspect|remote-debugging-port): /);
    }
  });
});

describe('createAppWindow', () => {
  class FakeWindow implements AppWindow {
    static made: FakeWindow[] = [];
    readonly loaded: string[] = [];
    readonly once = (): void => {};
    readonly show = (): void => {};
    constructor(readonly options: BrowserWindowConstructorOptions) {
      FakeWindow.made.push(this);
    }
    async loadURL(url: string): Promise<void> {
      this.loaded.push(url);
    }
  }

  it('makes the window isolated, sandboxed, node-free, offline and without DevTools when packaged', () => {
    const win = createAppWindow(FakeWindow, { preloadPath: '/app/dist/main/preload.cjs', devTools: false });
    expect(win.options.webPreferences).toEqual({
      preload: '/app/dist/main/preload.cjs',
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
      spellcheck: false,
      disableBlinkFeatures: 'Auxclick',
      devTools: false,
    });
    expect(win.loaded).toEqual([`${APP_ORIGIN}/index.html`]);
  });
  it('keeps DevTools for a development run only', () => {
    expect(createAppWindow(FakeWindow, { preloadPath: '/p.cjs', devTools: true }).options.webPreferences?.devTools).toBe(true);
  });
});
