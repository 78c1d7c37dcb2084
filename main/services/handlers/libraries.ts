// Handlers for the Libraries view: which libraries are mounted, team folders, and editing items in a writable library.
import { ActionRefusedError } from '../../../shared/errors.js';
import type { Handlers } from '../../../shared/ipc/channels.js';
import type { HandlerServices } from './services.js';

type LibrariesChannels =
  | 'listLibraries'
  | 'reloadLibraries'
  | 'addTeamLibrary'
  | 'removeTeamLibrary'
  | 'setTeamLibraryReadOnly'
  | 'saveLibraryFact'
  | 'deleteLibraryFact'
  | 'editableSection'
  | 'saveLibrarySection'
  | 'deleteLibrarySection'
  | 'listFactReviews'
  | 'reviewFact'
  | 'removeFactReview';

export function librariesHandlers(s: Pick<HandlerServices, 'libraries' | 'dialogs' | 'today'>): Pick<Handlers, LibrariesChannels> {
  return {
    listLibraries: async () => s.libraries.overview(),
    reloadLibraries: async () => s.libraries.reload(),
    addTeamLibrary: async () => {
      if (!s.dialogs.chooseFolder) throw new ActionRefusedError('Adding a team library needs a folder dialog, which this window does not have');
      const dir = await s.dialogs.chooseFolder();
      if (!dir) return { status: 'canceled' };
      return { status: 'added', library: await s.libraries.addTeamLibrary(dir) };
    },
    removeTeamLibrary: async (libraryId) => s.libraries.removeTeamLibrary(libraryId),
    setTeamLibraryReadOnly: async (libraryId, readOnly) => s.libraries.setTeamLibraryReadOnly(libraryId, readOnly),
    saveLibraryFact: async (fact, libraryId) => s.libraries.saveFact(fact, libraryId),
    deleteLibraryFact: async (id, libraryId) => ({ deleted: await s.libraries.deleteFact(id, libraryId) }),
    editableSection: async (id, libraryId) => s.libraries.editableSection(id, libraryId),
    saveLibrarySection: async (meta, body, libraryId) => s.libraries.saveSection(meta, body, libraryId),
    deleteLibrarySection: async (id, libraryId) => ({ deleted: await s.libraries.deleteSection(id, libraryId) }),
    listFactReviews: async () => s.libraries.factReviews(),
    reviewFact: async (review) => s.libraries.reviewFact(review, s.today()),
    removeFactReview: async (factId) => ({ removed: await s.libraries.removeFactReview(factId) }),
  };
}
