// The shell's pure security decisions: window options, CSP, navigation, request filter, sender check.
import { describe, expect, it } from 'vitest';
import {
  APP_ORIGIN,
  CONTENT_SECURITY_POLICY,
  isAllowedRequest,
  isTrustedSender,
  navigationDecision,
  secureWebPreferences,
} from '../../../main/electron/security-policy.js';
import { buildMenuTemplate } from '../../../main/electron/menu.js';

describe('window options', () => {
  it('turns on isolation and sandbox and turns off node in every context', () => {
    const p = secureWebPreferences('/x/preload.cjs');
    expect(p).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, nodeIntegrationInWorker: false, nodeIntegrationInSubFrames: false, webSecurity: true, allowRunningInsecureContent: false, webviewTag: false });
    expect(p.preload).toBe('/x/preload.cjs');
  });
  it('has a CSP that allows only our own origin', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|https?:|\*/);
  });
});

describe('navigation', () => {
  const here = `${APP_ORIGIN}/index.html`;
  it.each([
    ['https://example.org/', 'deny'],
    ['file:///etc/passwd', 'deny'],
    ['app://other/index.html', 'deny'],
    [`${APP_ORIGIN}/other.html`, 'deny'],
    ['javascript:alert(1)', 'deny'],
    [`${APP_ORIGIN}/index.html#notes`, 'allow'],
  ])('%s -> %s', (url, decision) => {
    expect(navigationDecision(url, here)).toBe(decision);
  });
  it('cancels every request that is not the app or an in-memory blob', () => {
    expect(isAllowedRequest(`${APP_ORIGIN}/assets/x.js`)).toBe(true);
    expect(isAllowedRequest('blob:app://briefing/123')).toBe(true);
    expect(isAllowedRequest('https://fonts.example.com/x.woff2')).toBe(false);
    expect(isAllowedRequest('http://127.0.0.1:8080/')).toBe(false);
    expect(isAllowedRequest('file:///etc/hosts')).toBe(false);
  });
});

describe('IPC sender check', () => {
  it('accepts only the main frame of the app origin', () => {
    expect(isTrustedSender({ url: `${APP_ORIGIN}/index.html`, isMainFrame: true })).toBe(true);
    expect(isTrustedSender({ url: `${APP_ORIGIN}/index.html`, isMainFrame: false })).toBe(false);
    expect(isTrustedSender({ url: 'https://evil.example/index.html', isMainFrame: true })).toBe(false);
    expect(isTrustedSender({ url: 'app://briefing.evil/index.html', isMainFrame: true })).toBe(false);
    expect(isTrustedSender(null)).toBe(false);
    expect(isTrustedSender({ url: 'not a url', isMainFrame: true })).toBe(false);
  });
});

describe('application menu', () => {
  it('has File/Edit/View/Help with the desktop shortcuts, sending named commands', () => {
    const sent: string[] = [];
    const menu = buildMenuTemplate({ platform: 'linux', send: (c) => sent.push(c) });
    expect(menu.map((m) => m.label)).toEqual(['&File', '&Edit', '&View', '&Help']);
    const items = menu.flatMap((m) => (Array.isArray(m.submenu) ? m.submenu : []));
    const accel = Object.fromEntries(items.filter((i) => i.accelerator).map((i) => [i.label, i.accelerator]));
    expect(accel).toMatchObject({ 'New Brief': 'CmdOrCtrl+N', 'Open…': 'CmdOrCtrl+O', Save: 'CmdOrCtrl+S', 'Save As…': 'CmdOrCtrl+Shift+S', 'Export PDF…': 'CmdOrCtrl+E', Undo: 'CmdOrCtrl+Z', Redo: 'CmdOrCtrl+Shift+Z', 'Find in Library': 'CmdOrCtrl+F' });
    const exportItem = items.find((i) => i.label === 'Export PDF…')!;
    (exportItem.click as () => void)();
    expect(sent).toEqual(['export-pdf']);
  });
});
