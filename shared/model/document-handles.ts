// What the document service hands the window: opaque handles and display names, never file paths.
import type { Brief, TemplateId } from './brief.js';

/** A problem for the user, named by file name (never the full path) with what to do. */
export interface DocumentError {
  file: string;
  reason: string;
  message: string;
}

export interface OpenDocument {
  handle: string;
  displayName: string;
  brief: Brief;
  /** False for a new brief never saved to a file. */
  hasFile: boolean;
  /** True when restored from a recovery copy: the content differs from the file until saved. */
  recovered: boolean;
}

export type OpenResult =
  | { status: 'opened'; document: OpenDocument }
  /** The file is open already under `handle`: the UI should switch to it rather than load it twice. */
  | { status: 'already-open'; handle: string }
  | { status: 'canceled' }
  | { status: 'failed'; error: DocumentError };

export type SaveResult =
  | { status: 'saved'; displayName: string }
  | { status: 'canceled' }
  /** `canReplace`: the file there is not a readable brief; saving again with `{ replace: true }` overwrites it. */
  | { status: 'failed'; error: DocumentError; canReplace: boolean };

export interface RecentItem {
  recentId: string;
  displayName: string;
  /** Name of the containing folder only, to tell apart two briefs with the same name. */
  folder: string;
  openedAt: number;
}

/** A bundled example brief, offered on the start screen; it opens as an untitled copy, never as the file itself. */
export interface ExampleItem {
  exampleId: string;
  title: string;
  template: TemplateId;
  /** The marking profile id, 'none' when unmarked. */
  marking: string;
}

export interface RecoveryOffer {
  recoveryId: string;
  displayName: string;
  /** The brief's own title, which tells apart several "Untitled" copies. */
  title: string;
  savedAt: number;
  hasFile: boolean;
}
