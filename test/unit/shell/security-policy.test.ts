// The shell's pure security decisions: CSP, navigation, request filter, sender check.
import { describe, expect, it } from 'vitest';
import {
  APP_ORIGIN,
  contentSecurityPolicy,
  isAllowedRequest,
  isTrustedSender,
  navigationDecision,
} from '../../../main/electron/security-policy.js';
import { buildMenuTemplate } from '../../../main/electron/menu.js';

describe('content security policy', () => {
  const csp = contentSecurityPolicy('bm9uY2Utb25l');
  it('allows only our own origin, with no inline script and no inline style but the nonce', () => {
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self';");
    expect(csp).toContain("style-src 'self' 'nonce-bm9uY2Utb25l';");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/);
  });
  it('refuses a nonce that could break out of the header', () => {
    expect(() => contentSecurityPolicy("x'; script-src *")).toThrow(/base64/);
    expect(() => contentSecurityPolicy('')).toThrow(/base64/);
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
