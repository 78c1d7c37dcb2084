// Library service: mounts the bundled, team and personal libraries, keeps the merged library and its search index.
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { FactSummary, ItemSource, SearchFilterSpec, SearchHit, SectionSummary } from '../../shared/ipc/channels.js';
import type { Library, Problem } from '../../shared/model/library.js';
import { isoDay, isStale, reviewDue } from '../../shared/staleness.js';
import { ParseCache } from './library/cache.js';
import { loadLibraries, type ItemOrigin, type LoadResult, type Mount } from './library/mount.js';
import { LibraryIndex, checkSearchQuery } from './library/search.js';

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

export class LibraryService implements LibraryQueries {
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
    checkSearchQuery(query); // before the index is built for it
    this.index ??= new LibraryIndex(this.library());
    return this.index.search(query, filters);
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
    return [...this.library().facts.values()].map((fact) => {
      const source = sourceOf(origins.get(fact.id));
      const r = reviews?.get(fact.id);
      // A review is shown as what it is: the user's date, over the fact's own one.
      const review = r ? { review: { reviewedOn: r.reviewedOn, ...(r.note ? { note: r.note } : {}), ownDue: isoDay(reviewDue(fact)) } } : {};
      return { fact, stale: isStale(fact, today, r), reviewDue: isoDay(reviewDue(fact, r)), ...review, ...(source ? { source } : {}) };
    });
  }

  /** Where each item came from, as the renderer may see it: the library's opaque id, kind and name, never its folder. */
  private itemSources(): (origin: ItemOrigin | undefined) => ItemSource | undefined {
    const byMount = new Map(this.state().libraries.map((l) => [l.mount, { libraryId: libraryIdOf(l.mount), kind: l.mount.kind, name: l.manifest.name }]));
    return (origin) => (origin ? byMount.get(origin.mount) : undefined);
  }
}
