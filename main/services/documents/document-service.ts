// Open/save/recover briefs for the UI: opaque handles over file paths, plain serialisable results for IPC.
import { randomUUID } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { basename, extname, join, resolve } from 'node:path';
import { newBrief, type Brief, type TemplateId } from '../../../shared/model/brief.js';
import type { DocumentError, OpenDocument, OpenResult, RecoveryOffer, SaveResult } from '../../../shared/model/document-handles.js';
import { BriefFormatError } from '../../../shared/model/brief-format-error.js';
import { describeFileError } from '../errno.js';
import { OverwriteRefusedError, readBriefFile, saveBriefFile } from './brief-file.js';
import { systemClock, type Clock } from './clock.js';
import { RecentList } from './recent-list.js';
import type { ExampleItem, RecentItem } from '../../../shared/model/document-handles.js';
import { RecoveryStore } from './recovery.js';

/** Native file dialogs (Electron's in the app, fakes in tests). They return a path or null when cancelled. */
export interface Dialogs {
  openBrief(): Promise<string | null>;
  saveBriefAs(suggestedName: string): Promise<string | null>;
}

export interface DocumentServiceOptions {
  userDataDir: string;
  dialogs: Dialogs;
  clock?: Clock;
  /** Passed to the recovery store (debounce ~1 s by default). */
  recoveryDelayMs?: number;
  onRecoveryError?: (error: unknown, docId: string) => void;
  /** The bundled example briefs (assets/examples); without it there are none to offer. */
  examplesDir?: string;
}

export interface NewDocumentInit {
  title: string;
  template: TemplateId;
  date?: string;
}

interface DocState {
  path: string | null;
  displayName: string;
  /** Counts edits, so a save only drops the recovery copy if nothing was typed while it ran. */
  edits: number;
  /** The edit count the file on disk matches; more edits than this means unsaved changes. */
  savedEdits: number;
}

const UNTITLED = 'Untitled';

export class DocumentService {
  private readonly dialogs: Dialogs;
  private readonly clock: Clock;
  private readonly recovery: RecoveryStore;
  private readonly recents: RecentList;
  private readonly docs = new Map<string, DocState>();
  private readonly examplesDir: string | null;

  constructor(options: DocumentServiceOptions) {
    this.dialogs = options.dialogs;
    this.clock = options.clock ?? systemClock;
    this.recovery = new RecoveryStore(options.userDataDir, {
      clock: this.clock,
      ...(options.recoveryDelayMs !== undefined && { delayMs: options.recoveryDelayMs }),
      ...(options.onRecoveryError && { onError: options.onRecoveryError }),
    });
    this.recents = new RecentList(options.userDataDir);
    this.examplesDir = options.examplesDir ?? null;
  }

  /** The example briefs, by title; one that cannot be read is left out rather than failing the list. */
  async examples(): Promise<ExampleItem[]> {
    if (this.examplesDir === null) return [];
    const dir = this.examplesDir;
    const names = (await readdir(dir).catch(() => [] as string[])).filter((n) => extname(n) === '.brief').sort();
    const items = await Promise.all(
      names.map(async (name): Promise<ExampleItem | null> => {
        const brief = await readBriefFile(join(dir, name)).catch(() => null);
        return brief && { exampleId: basename(name, '.brief'), title: brief.meta.title, template: brief.meta.template, marking: brief.meta.marking };
      }),
    );
    return items.filter((i): i is ExampleItem => i !== null);
  }

  /**
   * Opens an example as a new untitled brief: Save asks where to put it, so the bundled file is never written.
   * The id must be one that examples() lists — the window never names a path.
   */
  async openExample(exampleId: string): Promise<OpenResult> {
    const known = (await this.examples()).some((e) => e.exampleId === exampleId);
    if (!known || this.examplesDir === null) return failed({ file: 'That example', reason: 'is not among the bundled examples — choose one from the start screen' });
    let brief: Brief;
    try {
      brief = await readBriefFile(join(this.examplesDir, `${exampleId}.brief`));
    } catch (e) {
      if (!(e instanceof BriefFormatError)) throw e;
      return failed({ file: `${exampleId}.brief`, reason: e.reason });
    }
    const handle = this.register({ path: null, displayName: UNTITLED, edits: 0, savedEdits: 0 });
    return { status: 'opened', document: { handle, displayName: UNTITLED, brief, hasFile: false, recovered: false } };
  }

  newDocument(init: NewDocumentInit): OpenDocument {
    const brief = newBrief({ title: init.title, template: init.template, date: init.date ?? localDate(this.clock.now()) });
    const handle = this.register({ path: null, displayName: UNTITLED, edits: 0, savedEdits: 0 });
    return { handle, displayName: UNTITLED, brief, hasFile: false, recovered: false };
  }

  async open(): Promise<OpenResult> {
    const path = await this.dialogs.openBrief();
    return path === null ? { status: 'canceled' } : this.openPath(path);
  }

  async openRecent(recentId: string): Promise<OpenResult> {
    const path = await this.recents.pathOf(recentId);
    if (path === null) {
      return failed({ file: 'That brief', reason: 'is no longer in the recent list — open it with Open…' });
    }
    const result = await this.openPath(path);
    if (result.status === 'failed') await this.recents.remove(recentId);
    return result;
  }

  async save(handle: string, brief: Brief, options: { replace?: boolean } = {}): Promise<SaveResult> {
    const doc = this.doc(handle);
    if (doc.path === null) return this.saveAs(handle, brief, options);
    return this.saveTo(handle, doc, doc.path, brief, options.replace ?? false);
  }

  async saveAs(handle: string, brief: Brief, options: { replace?: boolean } = {}): Promise<SaveResult> {
    const doc = this.doc(handle);
    const suggested = doc.path ? basename(doc.path) : `${fileNameFor(brief.meta.title)}.brief`;
    const chosen = await this.dialogs.saveBriefAs(suggested);
    if (chosen === null) return { status: 'canceled' };
    // GTK dialogs return the name as typed; give a bare name the extension the open dialog filters on.
    const path = extname(chosen) === '' ? `${chosen}.brief` : chosen;
    return this.saveTo(handle, doc, path, brief, options.replace ?? false);
  }

  async recent(): Promise<RecentItem[]> {
    return this.recents.items();
  }

  /** Called on every edit: keeps a recovery copy about a second behind the user. */
  markEdited(handle: string, brief: Brief): void {
    const doc = this.doc(handle);
    doc.edits++;
    this.recovery.scheduleWrite(handle, brief, { originalPath: doc.path, displayName: doc.displayName });
  }

  /**
   * The window's undo brought the brief back to what is on disk: nothing is unsaved any more, so closing does not
   * ask, and the recovery copy (which now only repeats the file) goes.
   */
  async markUnchanged(handle: string): Promise<void> {
    const doc = this.doc(handle);
    doc.savedEdits = doc.edits;
    await this.recovery.discard(handle);
  }

  /** Recovery copies left by an earlier session (a crash, a power cut), newest first. */
  async pendingRecovery(): Promise<RecoveryOffer[]> {
    const entries = await this.recovery.list();
    return entries
      .filter((e) => !this.docs.has(e.docId))
      .map((e) => ({
        recoveryId: e.docId,
        displayName: e.displayName,
        title: e.brief.meta.title,
        savedAt: e.savedAt,
        hasFile: e.originalPath !== null,
      }));
  }

  /** Reopens a recovery copy as an unsaved document; the copy stays on disk until that document is saved or closed. */
  async restore(recoveryId: string): Promise<OpenResult> {
    if (this.docs.has(recoveryId)) return { status: 'already-open', handle: recoveryId };
    const entry = await this.recovery.read(recoveryId);
    if (entry === null) {
      return failed({ file: 'The recovery copy', reason: 'could not be read — it may have been restored or discarded already' });
    }
    // The recovery id is a former handle (random); reusing it keeps new edits in the same copy.
    this.docs.set(recoveryId, { path: entry.originalPath, displayName: entry.displayName, edits: 1, savedEdits: 0 });
    return {
      status: 'opened',
      document: { handle: recoveryId, displayName: entry.displayName, brief: entry.brief, hasFile: entry.originalPath !== null, recovered: true },
    };
  }

  /** The user chose not to restore a recovery copy. */
  async discardRecovery(recoveryId: string): Promise<void> {
    if (!this.docs.has(recoveryId)) await this.recovery.discard(recoveryId);
  }

  /** The document is closed (saved, or the user chose not to save): its recovery copy goes. */
  async close(handle: string): Promise<void> {
    if (!this.docs.delete(handle)) return;
    await this.recovery.discard(handle);
  }

  /** Display names of open documents with edits not yet saved (asked before the window closes). */
  unsavedDocuments(): string[] {
    return [...this.docs.values()].filter((d) => d.edits > d.savedEdits).map((d) => d.displayName);
  }

  /** On quit: write pending recovery copies now. */
  async shutdown(): Promise<void> {
    await this.recovery.flush();
  }

  private async openPath(path: string): Promise<OpenResult> {
    const full = resolve(path);
    for (const [handle, doc] of this.docs) if (doc.path === full) return { status: 'already-open', handle };
    let brief: Brief;
    try {
      brief = await readBriefFile(full);
    } catch (e) {
      // readBriefFile reports every expected problem (missing, unreadable, damaged) as a BriefFormatError.
      if (!(e instanceof BriefFormatError)) throw e;
      return failed({ file: basename(full), reason: e.reason });
    }
    const displayName = basename(full);
    const handle = this.register({ path: full, displayName, edits: 0, savedEdits: 0 });
    await this.remember(full);
    return { status: 'opened', document: { handle, displayName, brief, hasFile: true, recovered: false } };
  }

  private async saveTo(handle: string, doc: DocState, path: string, brief: Brief, replace: boolean): Promise<SaveResult> {
    const full = resolve(path);
    const displayName = basename(full);
    for (const [other, state] of this.docs) {
      if (other !== handle && state.path === full) {
        const reason = 'is open in another window — save there, or close it first';
        return { status: 'failed', error: { file: displayName, reason, message: `${displayName}: ${reason}` }, canReplace: false };
      }
    }
    const editsAtStart = doc.edits;
    try {
      // Save As keeps the unknown fields of the file the document came from, not those of a file it replaces.
      const keepUnknownFrom = doc.path === full ? undefined : doc.path;
      await saveBriefFile(full, brief, { force: replace, keepUnknownFrom });
    } catch (e) {
      // Whatever went wrong, the text the user meant to save is now safe in the recovery folder
      // (unless newer edits arrived meanwhile: their own copy is already scheduled and must not be replaced).
      if (doc.edits === editsAtStart) {
        await this.recovery.writeImmediately(handle, brief, { originalPath: doc.path, displayName: doc.displayName });
      }
      return { status: 'failed', error: describeSaveFailure(e, displayName), canReplace: e instanceof OverwriteRefusedError };
    }
    doc.path = full;
    doc.displayName = displayName;
    doc.savedEdits = editsAtStart;
    await this.remember(full);
    // An edit made while saving is not in the file: its recovery copy must survive.
    if (doc.edits === editsAtStart && this.docs.get(handle) === doc) await this.recovery.discard(handle);
    return { status: 'saved', displayName };
  }

  /** The recent list is a convenience: failing to update it must not fail an open or a save that worked. */
  private async remember(path: string): Promise<void> {
    await this.recents.add(path, this.clock.now()).catch(() => undefined);
  }

  private register(state: DocState): string {
    const handle = randomUUID();
    this.docs.set(handle, state);
    return handle;
  }

  private doc(handle: string): DocState {
    const doc = this.docs.get(handle);
    // A handle the UI never received is a bug in the caller, not user input.
    if (!doc) throw new Error(`unknown document handle ${JSON.stringify(handle)}`);
    return doc;
  }
}

function failed(error: Omit<DocumentError, 'message'>): OpenResult {
  return { status: 'failed', error: { ...error, message: `${error.file}: ${error.reason}` } };
}

/** One-line reason keyed by file name (the full path stays in the main process), saying what to do. */
function describeSaveFailure(e: unknown, displayName: string): DocumentError {
  const make = (reason: string) => ({ file: displayName, reason, message: `${displayName}: ${reason}` });
  if (e instanceof BriefFormatError) return make(e.reason);
  const { reason } = describeFileError(e, 'write');
  return make(`could not be saved: ${reason}. Your changes are kept in a recovery copy — save them elsewhere with Save As…`);
}

/** A file name from a title: no path separators or characters Windows forbids, not too long. */
export function fileNameFor(title: string): string {
  const cleaned = title
    .replace(/[\\/:*?"<>|\p{Cc}]+/gu, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '')
    .slice(0, 80)
    .trim();
  return cleaned === '' ? UNTITLED : cleaned;
}

/** Today's date where the user is, as the brief's default date. */
function localDate(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
