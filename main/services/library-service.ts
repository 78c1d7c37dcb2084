// Library service: mounts the bundled, team and personal libraries, keeps the merged library and its search index.
import type { SearchFilterSpec, SearchHit } from '../../shared/ipc/channels.js';
import type { Library, Problem } from '../../shared/model/library.js';
import { ParseCache } from './library/cache.js';
import { loadLibraries, type LoadResult, type Mount } from './library/mount.js';
import { LibraryIndex } from './library/search.js';

export class LibraryService {
  private loaded: LoadResult | undefined;
  private index: LibraryIndex | undefined;
  /** A reload (after an edit in a team or personal library) parses only the files that changed. */
  private readonly cache = new ParseCache();

  constructor(private readonly mounts: Mount[]) {}

  async load(): Promise<void> {
    this.loaded = await loadLibraries(this.mounts, { cache: this.cache });
    this.cache.prune();
    this.index = undefined;
  }

  /** The whole load result: merged library, problems, and which mount each item came from. */
  loadResult(): LoadResult {
    return this.state();
  }

  private state(): LoadResult {
    if (!this.loaded) throw new Error('library not loaded yet');
    return this.loaded;
  }

  library(): Library {
    return this.state().library;
  }

  problems(): Problem[] {
    return this.state().problems;
  }

  /** The index is built on the first search, so start-up and the CLI's export never pay for it. */
  search(query: string, filters: SearchFilterSpec = {}): SearchHit[] {
    this.index ??= new LibraryIndex(this.library());
    return this.index.search(query, filters);
  }
}
