// The mounted libraries (bundled, personal, team folders from settings), reloaded after every change.
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { LoadResult, Mount } from './library/mount.js';
import { LibraryService } from './library-service.js';
import type { SettingsService } from './settings/settings-service.js';

/** The id the renderer knows a mount by: its kind for the bundled and personal ones, a hash of the folder for a team one. */
export function libraryIdOf(mount: Pick<Mount, 'dir' | 'kind'>): string {
  if (mount.kind !== 'team') return mount.kind;
  return `team-${createHash('sha256').update(path.resolve(mount.dir)).digest('hex').slice(0, 16)}`;
}

/**
 * The mounted libraries: settings say which, and every change (a setting, a saved item) is followed by a
 * reload so lists and search see it. Changes run one at a time, each with its reload.
 */
export class MountedLibraries {
  private service: LibraryService;
  private mounts: Mount[];
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly settings: SettingsService,
    private readonly bundledDir: string,
  ) {
    this.mounts = settings.mounts(bundledDir);
    this.service = new LibraryService(this.mounts);
  }

  get current(): LibraryService {
    return this.service;
  }

  /** The mounts of the current load, in priority order. */
  mounted(): readonly Mount[] {
    return this.mounts;
  }

  loadResult(): LoadResult {
    return this.service.loadResult();
  }

  async reload(): Promise<void> {
    const mounts = this.settings.mounts(this.bundledDir);
    const same = mounts.length === this.mounts.length && mounts.every((m, i) => m.dir === this.mounts[i]!.dir && m.readOnly === this.mounts[i]!.readOnly);
    // The same mounts reload in place, so files that did not change come from the parse cache.
    const next = same ? this.service : new LibraryService(mounts);
    await next.load();
    this.service = next;
    if (!same) this.mounts = mounts;
  }

  /** Runs `edit`, then reloads when `changed` says it changed something. */
  change<T>(edit: () => Promise<T>, changed: (result: T) => boolean = () => true): Promise<T> {
    const run = async () => {
      const result = await edit();
      if (changed(result)) await this.reload();
      return result;
    };
    const done = this.queue.then(run, run);
    this.queue = done.catch(() => undefined);
    return done;
  }
}
