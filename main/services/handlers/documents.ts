// Handlers for open briefs: new, open, save, recent files and recovery copies.
import type { Handlers } from '../../../shared/ipc/channels.js';
import type { HandlerServices } from './services.js';

type DocumentChannels =
  | 'newDocument'
  | 'openDocument'
  | 'openRecentDocument'
  | 'saveDocument'
  | 'saveDocumentAs'
  | 'recentDocuments'
  | 'markDocumentEdited'
  | 'markDocumentUnchanged'
  | 'listExamples'
  | 'openExample'
  | 'pendingRecovery'
  | 'restoreRecovery'
  | 'discardRecovery'
  | 'closeDocument';

export function documentHandlers(s: Pick<HandlerServices, 'documents'>): Pick<Handlers, DocumentChannels> {
  return {
    newDocument: async (init) => s.documents.newDocument(init),
    openDocument: async () => s.documents.open(),
    openRecentDocument: async (recentId) => s.documents.openRecent(recentId),
    saveDocument: async (handle, brief, options) => s.documents.save(handle, brief, options ?? {}),
    saveDocumentAs: async (handle, brief, options) => s.documents.saveAs(handle, brief, options ?? {}),
    recentDocuments: async () => s.documents.recent(),
    markDocumentEdited: async (handle, brief) => s.documents.markEdited(handle, brief),
    markDocumentUnchanged: async (handle) => s.documents.markUnchanged(handle),
    listExamples: async () => s.documents.examples(),
    openExample: async (exampleId) => s.documents.openExample(exampleId),
    pendingRecovery: async () => s.documents.pendingRecovery(),
    restoreRecovery: async (recoveryId) => s.documents.restore(recoveryId),
    discardRecovery: async (recoveryId) => s.documents.discardRecovery(recoveryId),
    closeDocument: async (handle) => s.documents.close(handle),
  };
}
