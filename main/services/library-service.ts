// Library service: mounts the bundled, team and personal libraries, keeps the merged library and its search index.
import type { SearchHit } from '../../shared/ipc/channels.js';
import type { Library, Problem } from '../../shared/model/library.js';
import { loadLibraries, type LoadResult, type Mount } from './library/mount.js';

export interface SearchFilterSpec {
  kinds?: SearchHit['kind'][];
  topic?: string;
  technology?: string;
  country?: string;
}

export class LibraryService {
  private loaded: LoadResult | undefined;

  constructor(private readonly mounts: Mount[]) {}

  async load(): Promise<void> {
    this.loaded = await loadLibraries(this.mounts);
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

  search(query: string, filters: SearchFilterSpec): SearchHit[] {
    void query;
    void filters;
    return [];
  }
}
