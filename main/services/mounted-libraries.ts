// The mounted libraries (bundled, personal, team folders from settings), reloaded after every change.
import path from 'node:path';
import { ActionRefusedError } from '../../shared/errors.js';
import { SerialQueue } from '../../shared/serial-queue.js';
import { describeFileError } from './errno.js';
import type { FactInput, FactReviewInfo, FactReviewInput, LibrariesOverview, LibraryInfo, SaveLibraryItemResult, SectionMetaInput } from '../../shared/ipc/channels.js';
import { isWritable, librariesOverview } from './libraries-overview.js';
import type { Mount } from './library/mount.js';
import { libraryIdOf, LibraryService, type LibraryCacheOptions } from './library-service.js';
import { isoDay, reviewDue } from '../../shared/staleness.js';
import { FactReviewsFile } from './fact-reviews-file.js';
import { knownIdsFrom, LibraryEditError, WritableLibrary, type EditableSection } from './writable-library.js';
import type { SettingsService } from './settings/settings-service.js';

/** What the Libraries view's handlers ask: the overview, team folders, and edits to a writable library. */
export interface LibraryMounts {
  overview(): LibrariesOverview;
  /** Reads every folder again, for changes made outside the app (a git pull, a hand edit). */
  reload(): Promise<LibrariesOverview>;
  /** Mounts the folder as a team library, read-only to start with. */
  addTeamLibrary(dir: string): Promise<LibraryInfo>;
  removeTeamLibrary(libraryId: string): Promise<void>;
  setTeamLibraryReadOnly(libraryId: string, readOnly: boolean): Promise<void>;
  /** Each edit goes to the writable library with that id (default: the personal one). */
  saveFact(fact: FactInput, libraryId?: string): Promise<SaveLibraryItemResult>;
  deleteFact(id: string, libraryId?: string): Promise<boolean>;
  saveSection(meta: SectionMetaInput, body: string, libraryId?: string): Promise<SaveLibraryItemResult>;
  deleteSection(id: string, libraryId?: string): Promise<boolean>;
  /** A personal section's front matter and body, for editing; null when the personal library has no such section. */
  editableSection(id: string, libraryId?: string): Promise<EditableSection | null>;
  /** The user's dated fact reviews (personal library), each overriding a fact's own review date. */
  factReviews(): FactReviewInfo[];
  reviewFact(review: FactReviewInput, today: Date): Promise<SaveLibraryItemResult>;
  removeFactReview(factId: string): Promise<boolean>;
}

/** The renderer is told whether it worked, never where the file went. */
const saved = (r: { ok: true } | { ok: false; errors: { field: string; message: string }[] }): SaveLibraryItemResult => (r.ok ? { ok: true } : { ok: false, errors: r.errors });

const NOT_MOUNTED = 'That library is no longer mounted — reopen the Libraries view to see the current list';

/**
 * The mounted libraries: settings say which, and every change (a setting, a saved item) is followed by a
 * reload so lists and search see it. Changes run one at a time, each with its reload.
 */
export class MountedLibraries implements LibraryMounts {
  private service: LibraryService;
  private mounts: Mount[];
  private readonly queue = new SerialQueue();
  /** Start-up problems for the Libraries view. */
  private readonly notices: string[] = [];

  private constructor(
    private readonly settings: SettingsService,
    private readonly bundledDir: string,
    private readonly cacheOptions: LibraryCacheOptions,
  ) {
    this.mounts = settings.mounts(bundledDir);
    this.service = new LibraryService(this.mounts, cacheOptions);
    const problem = settings.problem();
    if (problem) this.notices.push(problem);
  }

  /** Creates the personal library if it is missing, then loads every mount (`cacheOptions`: see LibraryService). */
  static async open(settings: SettingsService, bundledDir: string, cacheOptions: LibraryCacheOptions = {}): Promise<MountedLibraries> {
    const libraries = new MountedLibraries(settings, bundledDir, cacheOptions);
    // An unwritable data folder must not stop the app: the bundled library still works, and the Libraries view says why.
    await libraries.editor('personal').ensure().catch((err: unknown) => {
      // The errno table's words, not Node's message: that one carries the absolute path, and this goes to the window.
      const { reason, fix } = describeFileError(err, 'write');
      libraries.notices.push(`your personal library could not be created (${reason}; ${fix}) — new facts and sections cannot be saved until it can`);
    });
    await libraries.service.load();
    return libraries;
  }

  /** The library service of the current mounts (it is replaced when team libraries are added or removed). */
  get current(): LibraryService {
    return this.service;
  }


  overview(): LibrariesOverview {
    return librariesOverview(this.service.loadResult(), this.mounts, this.notices);
  }

  async reload(): Promise<LibrariesOverview> {
    await this.change(async () => undefined);
    return this.overview();
  }

  async addTeamLibrary(dir: string): Promise<LibraryInfo> {
    // Read-only to start with: a shared folder is changed on purpose, not by a slip in a form.
    const added = await this.change(() => this.settings.addTeamLibrary(dir, true));
    const id = libraryIdOf({ dir: added.dir, kind: 'team' });
    const library = this.overview().libraries.find((l) => l.id === id);
    if (!library) throw new Error(`team library ${id} was added but is not mounted`);
    return library;
  }

  removeTeamLibrary(libraryId: string): Promise<void> {
    return this.change(() => this.settings.removeTeamLibrary(this.teamDir(libraryId)));
  }

  setTeamLibraryReadOnly(libraryId: string, readOnly: boolean): Promise<void> {
    return this.change(() => this.settings.setReadOnly(this.teamDir(libraryId), readOnly));
  }

  async saveFact(fact: FactInput, libraryId = 'personal'): Promise<SaveLibraryItemResult> {
    return saved(await this.change(() => this.editor(libraryId).saveFact(fact), (r) => r.ok));
  }

  deleteFact(id: string, libraryId = 'personal'): Promise<boolean> {
    return this.change(() => this.editor(libraryId).deleteFact(id), (deleted) => deleted);
  }

  async saveSection(meta: SectionMetaInput, body: string, libraryId = 'personal'): Promise<SaveLibraryItemResult> {
    return saved(await this.change(() => this.editor(libraryId).saveSection(meta, body), (r) => r.ok));
  }

  deleteSection(id: string, libraryId = 'personal'): Promise<boolean> {
    return this.change(() => this.editor(libraryId).deleteSection(id), (deleted) => deleted);
  }

  async editableSection(id: string, libraryId = 'personal'): Promise<EditableSection | null> {
    return (await this.editor(libraryId).editableSection(id)) ?? null;
  }

  factReviews(): FactReviewInfo[] {
    const library = this.service.library();
    return [...(library.reviews ?? [])].map(([factId, r]) => {
      const fact = library.facts.get(factId);
      return {
        factId,
        reviewedOn: r.reviewedOn,
        ...(r.note ? { note: r.note } : {}),
        ...(fact ? { statement: fact.statement, ownDue: isoDay(reviewDue(fact)) } : {}),
      };
    });
  }

  async reviewFact(review: FactReviewInput, today: Date): Promise<SaveLibraryItemResult> {
    return saved(await this.change(() => this.reviewsFile().save(review, today), (r) => r.ok));
  }

  removeFactReview(factId: string): Promise<boolean> {
    return this.change(() => this.reviewsFile().remove(factId), (removed) => removed);
  }

  /** Reviews always go to the personal library: they are the user's own word, whatever library the fact is in. */
  private reviewsFile(): FactReviewsFile {
    const personal = this.mounts.find((m) => m.kind === 'personal');
    if (!personal) throw new LibraryEditError(NOT_MOUNTED);
    return new FactReviewsFile(personal.dir);
  }

  /**
   * The editor of the writable mount with this opaque id. Resolved when the edit runs (edits are queued), so it
   * sees the read-only setting as it is then; clashes are checked against every other mounted library.
   */
  private editor(libraryId: string): WritableLibrary {
    const mount = this.mounts.find((m) => libraryIdOf(m) === libraryId);
    if (!mount) throw new LibraryEditError(NOT_MOUNTED);
    if (!isWritable(mount)) {
      if (mount.kind === 'bundled') throw new LibraryEditError('The bundled library is part of the app and cannot be edited — save to your personal library instead');
      const name = this.service.loadResult().libraries.find((l) => l.mount === mount)?.manifest.name ?? path.basename(mount.dir);
      throw new LibraryEditError(`The team library “${name}” is read-only — set it read-write in the Libraries view to save into it, or save to your personal library`);
    }
    return WritableLibrary.forMount(mount, () => knownIdsFrom(this.service.loadResult(), mount.dir));
  }

  /** The folder of the team library with this opaque id; a stale id (removed meanwhile) is a message, not a crash. */
  private teamDir(libraryId: string): string {
    const team = this.settings.get().teamLibraries.find((t) => libraryIdOf({ dir: t.dir, kind: 'team' }) === libraryId);
    if (!team) throw new ActionRefusedError(NOT_MOUNTED);
    return team.dir;
  }

  private async reloadMounts(): Promise<void> {
    const mounts = this.settings.mounts(this.bundledDir);
    const same = mounts.length === this.mounts.length && mounts.every((m, i) => m.dir === this.mounts[i]!.dir && m.readOnly === this.mounts[i]!.readOnly);
    // The same mounts reload in place, so files that did not change come from the parse cache.
    const next = same ? this.service : new LibraryService(mounts, this.cacheOptions);
    await next.load();
    this.service = next;
    if (!same) this.mounts = mounts;
  }

  /** Runs `edit`, then reloads when `changed` says it changed something. */
  private change<T>(edit: () => Promise<T>, changed: (result: T) => boolean = () => true): Promise<T> {
    const run = async () => {
      const result = await edit();
      if (changed(result)) await this.reloadMounts();
      return result;
    };
    return this.queue.run(run);
  }
}
