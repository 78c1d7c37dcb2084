// Handlers for the spell checker's personal word list and switch (the dictionary itself ships in the renderer bundle).
import type { Handlers } from '../../../shared/ipc/channels.js';
import type { HandlerServices } from './services.js';

export function spellingHandlers(s: HandlerServices): Pick<Handlers, 'spelling' | 'changeSpelling'> {
  return {
    spelling: () => s.spelling.get(),
    changeSpelling: (change) => s.spelling.change(change),
  };
}
