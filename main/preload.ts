// Preload: builds window.briefing from the channel table's names — named methods only, no ipcRenderer exposed.
import { contextBridge, ipcRenderer } from 'electron';
import { CHANNEL_NAMES, METHOD_NAMES, unwrapEnvelope, type Envelope } from '../shared/ipc/names.js';
import { isMenuCommand, MENU_CHANNEL, type MenuCommand } from '../shared/ipc/menu-commands.js';

const api: Record<string, (...args: unknown[]) => Promise<unknown>> = {};
for (const method of METHOD_NAMES) {
  const channel = CHANNEL_NAMES[method];
  api[method] = async (...args: unknown[]) => unwrapEnvelope((await ipcRenderer.invoke(channel, ...args)) as Envelope<unknown>);
}
contextBridge.exposeInMainWorld('briefing', Object.freeze(api));

// The one main -> renderer event: application menu commands, filtered to the known set.
contextBridge.exposeInMainWorld(
  'briefingMenu',
  Object.freeze({
    onCommand(callback: (command: MenuCommand) => void): void {
      ipcRenderer.on(MENU_CHANNEL, (_event, command: unknown) => {
        if (isMenuCommand(command)) callback(command);
      });
    },
  }),
);
