// Handlers for the merged library: lists, search, and taking its sections and facts into a brief.
import { assembleBrief, linkSection, UnknownSectionError } from '../../../shared/assemble.js';
import { briefChanges, updateLinkedSection, updatePin } from '../../../shared/brief-changes.js';
import type { Handlers, ItemSource, SectionSummary } from '../../../shared/ipc/channels.js';
import { pinCitedFacts } from '../../../shared/pinning.js';
import { isoDay, isStale, reviewDue } from '../../../shared/staleness.js';
import type { Services } from '../container.js';
import type { ItemOrigin } from '../library/mount.js';
import { libraryIdOf } from '../mounted-libraries.js';
import { userError } from './user-error.js';

type LibraryChannels = 'listSections' | 'searchLibrary' | 'assembleBrief' | 'listFacts' | 'addSection' | 'libraryChanges' | 'applyLibraryUpdate';

/** Where each item came from, as the renderer may see it: the library's opaque id, kind and name. */
function itemSources(s: Services): (origin: ItemOrigin | undefined) => ItemSource | undefined {
  const result = s.libraries.loadResult();
  const byMount = new Map(result.libraries.map((l) => [l.mount, { libraryId: libraryIdOf(l.mount), kind: l.mount.kind, name: l.manifest.name }]));
  return (origin) => (origin ? byMount.get(origin.mount) : undefined);
}

export function libraryHandlers(s: Services): Pick<Handlers, LibraryChannels> {
  return {
    listSections: async () => {
      const sourceOf = itemSources(s);
      const origins = s.libraries.loadResult().origins.sections;
      return [...s.library.library().sections.values()].map((x): SectionSummary => {
        const source = sourceOf(origins.get(x.id));
        return {
          id: x.id,
          title: x.title,
          topic: x.topic,
          ...(x.summary ? { summary: x.summary } : {}),
          technologies: x.tags.technologies,
          countries: x.tags.countries,
          revision: x.revision,
          ...(source ? { source } : {}),
        };
      });
    },
    searchLibrary: async (query, filters) => s.library.search(query, filters ?? {}),
    assembleBrief: async (spec) => assembleBrief(spec, s.library.library()),
    listFacts: async () => {
      const today = s.deps.today();
      const sourceOf = itemSources(s);
      const origins = s.libraries.loadResult().origins.facts;
      return [...s.library.library().facts.values()].map((fact) => {
        const source = sourceOf(origins.get(fact.id));
        return { fact, stale: isStale(fact, today), reviewDue: isoDay(reviewDue(fact)), ...(source ? { source } : {}) };
      });
    },
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
