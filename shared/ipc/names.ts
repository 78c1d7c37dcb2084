// The channel table's names: API method -> IPC channel. Kept free of zod so the preload bundle stays tiny.
export const CHANNEL_NAMES = {
  appInfo: 'app:info',
  listSections: 'library:list-sections',
  searchLibrary: 'library:search',
  assembleBrief: 'brief:assemble',
  composeBrief: 'brief:compose',
  previewPdf: 'export:preview',
  exportPdf: 'export:pdf',
  exportWord: 'export:word',
  listFacts: 'library:list-facts',
  linkSection: 'library:link-section',
  libraryChanges: 'brief:library-changes',
  libraryUpdate: 'library:update-patch',
  revealLastExport: 'export:reveal-last',
  markingProfiles: 'markings:profiles',
  newDocument: 'document:new',
  openDocument: 'document:open',
  openRecentDocument: 'document:open-recent',
  saveDocument: 'document:save',
  saveDocumentAs: 'document:save-as',
  recentDocuments: 'document:recent',
  markDocumentEdited: 'document:edited',
  markDocumentUnchanged: 'document:unchanged',
  listExamples: 'document:list-examples',
  openExample: 'document:open-example',
  pendingRecovery: 'document:pending-recovery',
  restoreRecovery: 'document:restore-recovery',
  discardRecovery: 'document:discard-recovery',
  closeDocument: 'document:close',
  listLibraries: 'libraries:list',
  reloadLibraries: 'libraries:reload',
  addTeamLibrary: 'libraries:add-team',
  removeTeamLibrary: 'libraries:remove-team',
  setTeamLibraryReadOnly: 'libraries:set-team-read-only',
  saveLibraryFact: 'libraries:save-fact',
  deleteLibraryFact: 'libraries:delete-fact',
  editableSection: 'libraries:editable-section',
  saveLibrarySection: 'libraries:save-section',
  deleteLibrarySection: 'libraries:delete-section',
  spelling: 'spelling:get',
  changeSpelling: 'spelling:change',
  listFactReviews: 'libraries:list-fact-reviews',
  reviewFact: 'libraries:review-fact',
  removeFactReview: 'libraries:remove-fact-review',
} as const;

export type MethodName = keyof typeof CHANNEL_NAMES;
export type ChannelName = (typeof CHANNEL_NAMES)[MethodName];
export const METHOD_NAMES = Object.keys(CHANNEL_NAMES) as MethodName[];

/** Every IPC reply is an envelope, so an expected failure reaches the renderer as a message, not a stack. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: { message: string } };

export function unwrapEnvelope<T>(e: Envelope<T>): T {
  if (e.ok) return e.value;
  throw new Error(e.error.message);
}
