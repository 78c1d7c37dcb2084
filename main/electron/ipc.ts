// Registers every channel of the table with ipcMain through the one checking wrapper (sender + schema).
// The e2e harness registers through this same function with an ipcMain stand-in, so the sender check it runs is this one.
import type { Handlers } from '../../shared/ipc/channels.js';
import { CHANNEL_NAMES, METHOD_NAMES } from '../../shared/ipc/names.js';
import { dispatch, type CallOrigin } from '../services/dispatch.js';
import { APP_ORIGIN, isTrustedSender } from './security-policy.js';

/** What the wrapper reads of an invoke event: the sending frame (null once destroyed) and its top frame. */
export interface SenderEvent {
  senderFrame: { url: string; top: object | null } | null;
}

/** The part of ipcMain used here; Electron's IpcMain fits it. */
export interface IpcRegistry {
  handle(channel: string, listener: (event: SenderEvent, ...args: unknown[]) => Promise<unknown>): void;
}

export function callOrigin(event: SenderEvent, appOrigin: string = APP_ORIGIN): CallOrigin {
  const frame = event.senderFrame;
  const info = frame ? { url: frame.url, isMainFrame: frame === frame.top } : null;
  return { trusted: isTrustedSender(info, appOrigin), describe: info ? `${info.url} (main frame: ${info.isMainFrame})` : 'a destroyed frame' };
}

/** `appOrigin` is the app:// origin in the app; the e2e harness passes its loopback origin. */
export function registerIpc(registry: IpcRegistry, handlers: Handlers, appOrigin: string = APP_ORIGIN): void {
  for (const method of METHOD_NAMES) {
    registry.handle(CHANNEL_NAMES[method], (event, ...args: unknown[]) => dispatch(handlers, method, args, callOrigin(event, appOrigin)));
  }
}
