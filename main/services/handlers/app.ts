// Handlers for the app itself: its name and version.
import type { Handlers } from '../../../shared/ipc/channels.js';
import { appVersion } from '../app-paths.js';

export function appHandlers(): Pick<Handlers, 'appInfo'> {
  return {
    appInfo: async () => ({ name: 'Briefing Builder', version: appVersion() }),
  };
}
