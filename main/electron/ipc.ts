// Registers every channel of the table with ipcMain through the one checking wrapper (sender + schema).
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import type { Handlers } from '../../shared/ipc/channels.js';
import { CHANNEL_NAMES, METHOD_NAMES } from '../../shared/ipc/names.js';
import { dispatch } from '../services/dispatch.js';
import { isTrustedSender } from './security-policy.js';

function origin(event: IpcMainInvokeEvent) {
  const frame = event.senderFrame;
  const info = frame ? { url: frame.url, isMainFrame: frame === frame.top } : null;
  return { trusted: isTrustedSender(info), describe: info ? `${info.url} (main frame: ${info.isMainFrame})` : 'a destroyed frame' };
}

export function registerIpc(ipcMain: IpcMain, handlers: Handlers): void {
  for (const method of METHOD_NAMES) {
    ipcMain.handle(CHANNEL_NAMES[method], (event, ...args: unknown[]) => dispatch(handlers, method, args, origin(event)));
  }
}
