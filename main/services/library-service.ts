// Library service: mounts the bundled, team and personal libraries, keeps the merged library and its search index.
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { FactSummary, ItemSource, SearchFilterSpec, SearchHit, SectionSummary } from '../../shared/ipc/channels.js';
import type { Library, Problem } from '../../shared/model/library.js';
import { isoDay, reviewDue } from '../../shared/staleness.js';
import { appVersion } from './app-paths.js';
import { ParseCache } from './library/cache.js';
import { pruneCacheFolder, readAnyIndexFile, readAnyIndexFileSync, writeIndexFile } from './library/index-file.js';
import { loadLibraries, type ItemOrigin, type LoadResult, type Mount } from './library/mount.js';
import { LibraryIndex, checkSearchQuery, indexKey } from './library/search.js';

/** What the channel handlers ask of the merged library. */
export interface LibraryQueries {
  library(): Library;
  search(query: string, filters?: SearchFilterSpec): SearchHit[];
  /** Every section as the library list shows it, with the library it came from. */
  sectionSummaries(): SectionSummary[];
  /** Every fact with its review state on `today` and the library it came from. */
  factSummaries(today: Date): FactSummary[];
}

/** The id the renderer knows a mount by: its kind for the bundled and personal ones, a hash of the folder for a team one. */
export function libraryIdOf(mount: Pick<Mount, 'dir' | 'kind'>): string {
  if (mount.kind !== 'team') return mount.kind;
  return `team-${createHash('sha256').update(path.resolve(mount.dir)).digest('hex').slice(0, 16)}`;
}

export interface LibraryCacheOptions {
  /**
   * The user's cache folder: the parse cache and the search index are kept there across restarts. Both are safe
   * to delete and never change what is loaded or found. Without it, the parse cache lives in memory only.
   */
  cacheDir?: string;
  /** Caches written by another app version are ignored (default: the app's version). */
  appVersion?: string;
  /**
   * Write the parse cache and the search index to cacheDir (default true). A batch export's helper threads read the
   * files the main thread keeps and write none: two writers of one file in one process would share a temp name.
   * Nothing runs in the background then (prepareSearch too is left out); a search builds its index on the spot.
   */
  writeCaches?: boolean;
  /** After each load, load or rebuild the search index in the background (the app; the CLI rarely searches). */
  prepareSearch?: boolean;
}

/** Where the search index came from: not made yet, its file as it was, its file brought up to date after edits, or built. */
type IndexSource = 'none' | 'persisted' | 'updated' | 'built';

export class LibraryService implements LibraryQueries {
  private loaded: LoadResult | undefined;
  private index: LibraryIndex | undefined;
  /** A reload (after an edit in a team or personal library) parses only the files that changed. */
  private cache = new ParseCache();
  private cacheOpened = false;
  private indexSource: IndexSource = 'none';
  /** Which load the state is from: background work for an older one is dropped. */
  private generation = 0;
  /** Cache writes and index preparation, after each load, one after another. */
  private background: Promise<void> = Promise.resolve();
  private indexReady: Promise<void> | undefined;

  constructor(
    private readonly mounts: Mount[],
    private readonly options: LibraryCacheOptions = {},
  ) {}

  async load(): Promise<void> {
    if (this.options.cacheDir && !this.cacheOpened) {
      this.cache = await ParseCache.open(this.cacheFile('parse'), this.version());
      this.cacheOpened = true;
    }
    this.loaded = await loadLibraries(this.mounts, { cache: this.cache });
    this.cache.prune();
    this.index = undefined;
    this.indexSource = 'none';
    const generation = ++this.generation;
    if (this.options.cacheDir && this.options.writeCaches !== false) this.afterLoad(generation);
  }

  /** Where the data came from: files not read (unchanged) and files parsed since the service started, and the current search index. */
  cacheStats(): { notRead: number; parsed: number; checksReused: number; filesChecked: number; index: IndexSource } {
    return { ...this.cache.stats, index: this.indexSource };
  }

  /** Resolves when the caches of the last load are written and its index is prepared (tests, the bench). */
  async settled(): Promise<void> {
    await this.background;
  }

  /**
   * Resolves when the last load's search index is ready (with prepareSearch: loaded, brought up to date or built),
   * before the caches are written; without prepareSearch, when settled. For the bench and tests.
   */
  async searchReady(): Promise<void> {
    await (this.indexReady ?? this.background);
  }

  private version(): string {
    return this.options.appVersion ?? appVersion();
  }

  /** One pair of files per set of mounts, so the app and a CLI run with other libraries do not evict each other. */
  private cacheFile(kind: 'parse' | 'index'): string {
    return path.join(this.options.cacheDir!, `library-${this.mountsId()}.${kind}.json`);
  }

  private mountsId(): string {
    const mounts = JSON.stringify(this.mounts.map((m) => [path.resolve(m.dir), m.kind]));
    return createHash('sha256').update(mounts).digest('hex').slice(0, 16);
  }

  /** Off the critical path: the caller has its library (outline, lists, compose, export) before any of this runs. */
  private afterLoad(generation: number): void {
    let ready = () => {};
    this.indexReady = this.options.prepareSearch ? new Promise<void>((resolve) => (ready = resolve)) : undefined;
    this.background = this.background
      .then(() => new Promise<void>((resolve) => setImmediate(resolve)))
      .then(async () => {
        // The index first: search waits for it, nothing waits for the parse cache's file.
        try {
          if (this.options.prepareSearch && generation === this.generation) await this.prepareIndex(generation, ready).catch(() => undefined);
        } finally {
          ready();
        }
        if (this.cache.changed) {
          await this.cache.save(this.cacheFile('parse'), this.version()).catch(() => undefined);
          await pruneCacheFolder(this.options.cacheDir!, this.mountsId()).catch(() => undefined);
        }
      })
      .catch(() => undefined); // a cache that cannot be written costs speed, never the library
  }

  /**
   * The persisted index when it was built from this library; else the persisted one brought up to date (only the
   * changed documents discarded and added); else a build in chunks. Persisted again when it is not the file's.
   */
  private async prepareIndex(generation: number, ready: () => void): Promise<void> {
    if (this.index) return;
    const library = this.library();
    const key = indexKey(library, this.version());
    const file = await readAnyIndexFile(this.cacheFile('index'));
    let source: IndexSource = 'persisted';
    let index = file?.key === key ? await LibraryIndex.fromJSONAsync(library, file.json).catch(() => undefined) : undefined;
    if (!index && file) {
      source = 'updated';
      index = await LibraryIndex.updatedFromJSON(library, file.json, this.version()).catch(() => undefined);
    }
    if (!index) {
      source = 'built';
      index = await LibraryIndex.buildAsync(library);
    }
    if (generation !== this.generation) return;
    if (this.index) return; // a search made it meanwhile (and persisted it)
    this.index = index;
    this.indexSource = source;
    ready();
    if (source !== 'persisted') await writeIndexFile(this.cacheFile('index'), key, index.toJSON(this.version()));
  }

  /** The index for a search now: prepared, persisted or built on the spot (and then persisted). */
  private indexNow(): LibraryIndex {
    if (this.index) return this.index;
    const library = this.library();
    if (!this.options.cacheDir) {
      this.indexSource = 'built';
      return (this.index = new LibraryIndex(library));
    }
    const key = indexKey(library, this.version());
    const file = this.cacheFile('index');
    const persisted = readAnyIndexFileSync(file);
    if (persisted) {
      try {
        if (persisted.key === key) {
          this.index = LibraryIndex.fromJSON(library, persisted.json);
          this.indexSource = 'persisted';
          return this.index;
        }
        this.index = LibraryIndex.updatedFromJSONSync(library, persisted.json, this.version());
      } catch {
        // A corrupt index is rebuilt below.
      }
    }
    this.indexSource = this.index ? 'updated' : 'built';
    const index = (this.index ??= new LibraryIndex(library));
    if (this.options.writeCaches !== false) this.background = this.background.then(() => writeIndexFile(file, key, index.toJSON(this.version()))).catch(() => undefined);
    return index;
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
    checkSearchQuery(query); // before the index is built for it
    return this.indexNow().search(query, filters);
  }

  sectionSummaries(): SectionSummary[] {
    const sourceOf = this.itemSources();
    const origins = this.state().origins.sections;
    return [...this.library().sections.values()].map((x) => {
      const source = sourceOf(origins.get(x.id));
      return {
        id: x.id,
        title: x.title,
        topic: x.topic,
        ...(x.summary ? { summary: x.summary } : {}),
        technologies: x.tags.technologies,
        countries: x.tags.countries,
        revision: x.revision,
        ...(source ? { source } : {}),
      };
    });
  }

  factSummaries(today: Date): FactSummary[] {
    const sourceOf = this.itemSources();
    const origins = this.state().origins.facts;
    const reviews = this.library().reviews;
    // Due dates are whole days, and thousands of facts share each: Date#toISOString was half of this list's time.
    const days = new Map<number, string>();
    const day = (d: Date) => {
      const t = d.getTime();
      let s = days.get(t);
      if (s === undefined) days.set(t, (s = isoDay(d)));
      return s;
    };
    const now = today.getTime();
    // Properties set one by one rather than spread in: 10,000 object spreads cost a cold start 10-25 ms.
    return [...this.library().facts.values()].map((fact) => {
      const source = sourceOf(origins.get(fact.id));
      const r = reviews?.get(fact.id);
      const due = reviewDue(fact, r); // once: isStale(fact, today, r) is the same comparison
      const summary: FactSummary = { fact, stale: due.getTime() < now, reviewDue: day(due) };
      // A review is shown as what it is: the user's date, over the fact's own one.
      if (r) summary.review = { reviewedOn: r.reviewedOn, ...(r.note ? { note: r.note } : {}), ownDue: day(reviewDue(fact)) };
      if (source) summary.source = source;
      return summary;
    });
  }

  /** Where each item came from, as the renderer may see it: the library's opaque id, kind and name, never its folder. */
  private itemSources(): (origin: ItemOrigin | undefined) => ItemSource | undefined {
    const byMount = new Map(this.state().libraries.map((l) => [l.mount, { libraryId: libraryIdOf(l.mount), kind: l.mount.kind, name: l.manifest.name }]));
    return (origin) => (origin ? byMount.get(origin.mount) : undefined);
  }
}
