// main/electron/ipc.ts: every channel is registered, and the sender check refuses what is not the app's main frame.
import { describe, expect, it } from 'vitest';
import type { Handlers } from '../../../shared/ipc/channels.js';
import { CHANNEL_NAMES, METHOD_NAMES } from '../../../shared/ipc/names.js';
import { callOrigin, registerIpc, type SenderEvent } from '../../../main/electron/ipc.js';
import { APP_ORIGIN } from '../../../main/electron/security-policy.js';

function mainFrame(url: string): SenderEvent {
  const frame: { url: string; top: object | null } = { url, top: null };
  frame.top = frame;
  return { senderFrame: frame };
}
const subFrame = (url: string): SenderEvent => ({ senderFrame: { url, top: {} } });

describe('callOrigin', () => {
  it('trusts only the main frame of the app origin', () => {
    expect(callOrigin(mainFrame(`${APP_ORIGIN}/index.html`)).trusted).toBe(true);
    expect(callOrigin(subFrame(`${APP_ORIGIN}/index.html`)).trusted).toBe(false);
    expect(callOrigin(mainFrame('https://example.org/')).trusted).toBe(false);
    expect(callOrigin(mainFrame('file:///etc/passwd')).trusted).toBe(false);
    expect(callOrigin({ senderFrame: null })).toEqual({ trusted: false, describe: 'a destroyed frame' });
  });

  it('takes another app origin when given one (the e2e harness serves over loopback)', () => {
    expect(callOrigin(mainFrame('http://127.0.0.1:4000/index.html'), 'http://127.0.0.1:4000').trusted).toBe(true);
    expect(callOrigin(mainFrame('http://127.0.0.1:4001/index.html'), 'http://127.0.0.1:4000').trusted).toBe(false);
  });
});

describe('registerIpc', () => {
  const calls: string[] = [];
  // Every handler answers with its own name, so the test sees which one dispatch reached.
  const handlers = Object.fromEntries(METHOD_NAMES.map((m) => [m, async () => (calls.push(m), m)])) as unknown as Handlers;
  const listeners = new Map<string, (event: SenderEvent, ...args: unknown[]) => Promise<unknown>>();
  registerIpc({ handle: (channel, listener) => void listeners.set(channel, listener) }, handlers);

  it('registers one listener per channel of the table', () => {
    expect([...listeners.keys()].sort()).toEqual(METHOD_NAMES.map((m) => CHANNEL_NAMES[m]).sort());
  });

  it('answers the main frame, refuses an iframe without calling the handler', async () => {
    const listen = listeners.get(CHANNEL_NAMES.appInfo)!;
    expect(await listen(mainFrame(`${APP_ORIGIN}/index.html`))).toEqual({ ok: true, value: 'appInfo' });
    const refused = (await listen(subFrame(`${APP_ORIGIN}/index.html`))) as { ok: boolean; error: { message: string } };
    expect(refused.ok).toBe(false);
    expect(refused.error.message).toMatch(/^refused: appInfo/);
    expect(calls).toEqual(['appInfo']);
  });
});
