// Every IPC handler, joined from the areas beside this file; dispatch.ts calls them with validated arguments.
import type { Handlers } from '../../../shared/ipc/channels.js';
import { appHandlers } from './app.js';
import { documentHandlers } from './documents.js';
import { exportHandlers } from './export.js';
import { librariesHandlers } from './libraries.js';
import { libraryHandlers } from './library.js';
import { spellingHandlers } from './spelling.js';
import type { HandlerServices } from './services.js';

export type { HandlerServices } from './services.js';

/** Typed as the whole `Handlers`: a channel no area answers is a compile error. */
export function createHandlers(s: HandlerServices): Handlers {
  return {
    ...appHandlers(),
    ...libraryHandlers(s),
    ...librariesHandlers(s),
    ...documentHandlers(s),
    ...exportHandlers(s),
    ...spellingHandlers(s),
  };
}
