// The preload bundled as scripts/build-node.mjs bundles it, run as Electron's sandbox runs it: given only
// `require('electron')`, it exposes exactly the channel table's methods and the menu hook, never ipcRenderer.
import path from 'node:path';
import vm from 'node:vm';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { CHANNEL_NAMES, METHOD_NAMES } from '../../../shared/ipc/names.js';
import { MENU_CHANNEL } from '../../../shared/ipc/menu-commands.js';

const repo = path.resolve(import.meta.dirname, '../../..');

/** Bundled from source here (not read from dist/, which may be older than the tree) with build-node.mjs's options. */
async function bundlePreload(): Promise<string> {
  const out = await build({ absWorkingDir: repo, entryPoints: ['main/preload.ts'], bundle: true, format: 'cjs', external: ['electron'], platform: 'browser', target: 'node20', write: false, logLevel: 'silent' });
  return out.outputFiles[0]!.text;
}

function runPreload(source: string) {
  const exposed = new Map<string, unknown>();
  const required: string[] = [];
  const invoked: { channel: string; args: unknown[] }[] = [];
  const listeners = new Map<string, (event: unknown, value: unknown) => void>();
  const electron = {
    contextBridge: { exposeInMainWorld: (key: string, api: unknown) => void exposed.set(key, api) },
    ipcRenderer: {
      invoke: async (channel: string, ...args: unknown[]) => (invoked.push({ channel, args }), { ok: true, value: channel }),
      on: (channel: string, listener: (event: unknown, value: unknown) => void) => void listeners.set(channel, listener),
    },
  };
  const module = { exports: {} };
  const require = (name: string): unknown => {
    required.push(name);
    if (name === 'electron') return electron;
    throw new Error(`a sandboxed preload cannot require ${name}`);
  };
  // A fresh context with nothing of Node in it, like the sandboxed preload's world.
  vm.runInNewContext(`(function (require, module, exports) {\n${source}\n})`, {})(require, module, module.exports);
  return { exposed, required, invoked, listeners };
}

describe('built preload', () => {
  let run: ReturnType<typeof runPreload>;
  let briefing: Record<string, (...args: unknown[]) => Promise<unknown>>;
  beforeAll(async () => {
    run = runPreload(await bundlePreload());
    briefing = run.exposed.get('briefing') as typeof briefing;
  });

  it('requires only electron and exposes window.briefing and window.briefingMenu, nothing else', () => {
    const { exposed, required } = run;
    expect([...new Set(required)]).toEqual(['electron']);
    expect([...exposed.keys()]).toEqual(['briefing', 'briefingMenu']);
  });
  it('exposes exactly one frozen method per channel of the table, and no ipcRenderer', async () => {
    const { invoked } = run;
    expect(Object.keys(briefing).sort()).toEqual([...METHOD_NAMES].sort());
    expect(Object.isFrozen(briefing)).toBe(true);
    for (const method of METHOD_NAMES) expect(await briefing[method]!('x'), method).toBe(CHANNEL_NAMES[method]);
    expect(invoked.map((c) => c.channel)).toEqual(METHOD_NAMES.map((m) => CHANNEL_NAMES[m]));
    expect(Object.values(briefing).every((f) => typeof f === 'function')).toBe(true);
  });
  it('passes on known menu commands only', () => {
    const { exposed, listeners } = run;
    const seen: unknown[] = [];
    (exposed.get('briefingMenu') as { onCommand(cb: (c: unknown) => void): void }).onCommand((c) => seen.push(c));
    const send = listeners.get(MENU_CHANNEL)!;
    send({}, 'save');
    send({}, 'evil-command');
    send({}, { toString: () => 'save' });
    expect(seen).toEqual(['save']);
    expect([...listeners.keys()]).toEqual([MENU_CHANNEL]);
  });
});
