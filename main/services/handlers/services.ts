// What the channel handlers depend on: the services as interfaces, so a test can build them from real services.
import type { Brief } from '../../../shared/model/brief.js';
import type { SpellingChange, SpellingState } from '../../../shared/ipc/channels.js';
import type { ExampleItem, OpenDocument, OpenResult, RecentItem, RecoveryOffer, SaveResult } from '../../../shared/model/document-handles.js';
import type { NewDocumentInit } from '../documents/document-service.js';
import type { Exporter } from '../export-service.js';
import type { LibraryQueries } from '../library-service.js';
import type { LibraryMounts } from '../mounted-libraries.js';

/** Open briefs behind opaque handles (DocumentService). */
export interface DocumentStore {
  newDocument(init: NewDocumentInit): OpenDocument;
  open(): Promise<OpenResult>;
  openRecent(recentId: string): Promise<OpenResult>;
  save(handle: string, brief: Brief, options: { replace?: boolean }): Promise<SaveResult>;
  saveAs(handle: string, brief: Brief, options: { replace?: boolean }): Promise<SaveResult>;
  recent(): Promise<RecentItem[]>;
  markEdited(handle: string, brief: Brief): void;
  markUnchanged(handle: string): Promise<void>;
  examples(): Promise<ExampleItem[]>;
  openExample(exampleId: string): Promise<OpenResult>;
  pendingRecovery(): Promise<RecoveryOffer[]>;
  restore(recoveryId: string): Promise<OpenResult>;
  discardRecovery(recoveryId: string): Promise<void>;
  close(handle: string): Promise<void>;
}

/** The native dialogs a handler opens itself; each returns null when the user cancels. */
export interface HandlerDialogs {
  savePdf(suggestedName: string): Promise<string | null>;
  saveDocx(suggestedName: string): Promise<string | null>;
  /** Absent where there is no folder dialog. */
  chooseFolder?(): Promise<string | null>;
}

export interface HandlerServices {
  /** The merged library of the current mounts: read it through this on every call, as it is replaced on reload. */
  readonly library: LibraryQueries;
  libraries: LibraryMounts;
  exporter: Exporter;
  documents: DocumentStore;
  /** The personal word list of the spell checker (SpellingService). */
  spelling: { get(): Promise<SpellingState>; change(c: SpellingChange): Promise<SpellingState> };
  dialogs: HandlerDialogs;
  today(): Date;
}
