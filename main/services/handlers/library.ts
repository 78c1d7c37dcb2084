// Handlers for the merged library: lists, search, and taking its sections and facts into a brief.
import { assembleBrief, linkSection, UnknownSectionError } from '../../../shared/assemble.js';
import { briefChanges, libraryPatch } from '../../../shared/brief-changes.js';
import type { Handlers } from '../../../shared/ipc/channels.js';
import type { HandlerServices } from './services.js';

type LibraryChannels = 'listSections' | 'searchLibrary' | 'assembleBrief' | 'listFacts' | 'linkSection' | 'libraryChanges' | 'libraryUpdate';

export function libraryHandlers(s: Pick<HandlerServices, 'library' | 'today'>): Pick<Handlers, LibraryChannels> {
  return {
    listSections: async () => s.library.sectionSummaries(),
    searchLibrary: async (query, filters) => s.library.search(query, filters ?? {}),
    assembleBrief: async (spec) => assembleBrief(spec, s.library.library()),
    listFacts: async () => s.library.factSummaries(s.today()),
    linkSection: async (sectionId) => {
      const section = s.library.library().sections.get(sectionId);
      if (!section) throw new UnknownSectionError([sectionId]);
      return linkSection(section);
    },
    libraryChanges: async (brief) => briefChanges(brief, s.library.library()),
    // The library may have changed since the warning was shown: libraryPatch says so (a LibraryUpdateError).
    libraryUpdate: async (update) => libraryPatch(update, s.library.library()),
  };
}
