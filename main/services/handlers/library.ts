// Handlers for the merged library: lists, search, and taking its sections and facts into a brief.
import { assembleBrief, linkSection, UnknownSectionError } from '../../../shared/assemble.js';
import { briefChanges, updateLinkedSection, updatePin } from '../../../shared/brief-changes.js';
import type { Handlers } from '../../../shared/ipc/channels.js';
import { pinCitedFacts } from '../../../shared/pinning.js';
import type { HandlerServices } from './services.js';
import { userError } from './user-error.js';

type LibraryChannels = 'listSections' | 'searchLibrary' | 'assembleBrief' | 'listFacts' | 'addSection' | 'libraryChanges' | 'applyLibraryUpdate';

export function libraryHandlers(s: Pick<HandlerServices, 'library' | 'today'>): Pick<Handlers, LibraryChannels> {
  return {
    listSections: async () => s.library.sectionSummaries(),
    searchLibrary: async (query, filters) => s.library.search(query, filters ?? {}),
    assembleBrief: async (spec) => assembleBrief(spec, s.library.library()),
    listFacts: async () => s.library.factSummaries(s.today()),
    addSection: async (brief, sectionId, index) => {
      const section = s.library.library().sections.get(sectionId);
      if (!section) throw Object.assign(new UnknownSectionError([sectionId]), { userFacing: true });
      const sections = [...brief.sections];
      sections.splice(index ?? sections.length, 0, linkSection(section));
      return pinCitedFacts({ ...brief, sections }, s.library.library().facts);
    },
    libraryChanges: async (brief) => briefChanges(brief, s.library.library()),
    applyLibraryUpdate: async (brief, update) => {
      const library = s.library.library();
      // The library may have changed since the warning was shown: say so rather than fail with a stack.
      try {
        return update.kind === 'pin' ? updatePin(brief, update.id, library) : updateLinkedSection(brief, update.id, library);
      } catch (err) {
        throw userError((err as Error).message);
      }
    },
  };
}
