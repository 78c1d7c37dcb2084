// The renderer's only door to the main process: window.briefing, typed from the shared channel table.
import type { BriefingApi } from '../../shared/ipc/channels.js';
import type { MenuCommand } from '../../shared/ipc/menu-commands.js';

declare global {
  interface Window {
    briefing: BriefingApi;
    briefingMenu?: { onCommand(callback: (command: MenuCommand) => void): void };
  }
}

export const api = (): BriefingApi => window.briefing;
