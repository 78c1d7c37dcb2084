// Full-text search over a library's sections, facts, countries and forums (MiniSearch: fuzzy + prefix, boosted fields).
import { createHash, hash } from 'node:crypto';
import MiniSearch, { type AsPlainObject, type Options, type SearchOptions } from 'minisearch';
import type { Library } from '../../../shared/model/library.js';
import { REF_PATTERN } from '../../../shared/markdown/setup.js';
import { EXIT, UserFacingError } from '../../../shared/errors.js';
import { indexJSON } from './index-json.js';
import { QueryScores } from './index-score.js';
import { updateIndex, type DocSignature } from './index-update.js';
import { entries, matchesFilters, technologiesOf, titleOf, type Entry, type ItemFilters, type ItemKind } from './filters.js';

/**
 * Longest search accepted (the channel schema says the same). Each word is matched fuzzily against the whole
 * index, so time grows with the words in a query: a 120 KB query took 6.8 s. Real searches are a few words.
 */
export const MAX_QUERY_CHARS = 500;

/** A search too long to be one: refused in one line with the limit, before any matching. */
export class SearchQueryError extends UserFacingError {}

/** Refuses a query longer than MAX_QUERY_CHARS (every way in: the service, the window's channel, `briefing list --search`). */
export function checkSearchQuery(query: string): void {
  if (query.length > MAX_QUERY_CHARS) {
    throw new SearchQueryError(
      `the search is ${query.length.toLocaleString('en-US')} characters long; a search is at most ${MAX_QUERY_CHARS} characters — search for a few words`,
      EXIT.usage,
    );
  }
}

export interface SearchResult {
  kind: ItemKind;
  id: string;
  title: string;
  snippet?: string;
  score: number;
}

export interface SearchQuery extends ItemFilters {
  /** At most this many results (default 50). */
  limit?: number;
}

/** What the main index holds per item: everything except section bodies (see LibraryIndex). */
interface Doc {
  i: number;
  title: string;
  tags: string;
  text: string;
}

/** Words too common to help ranking; dropping them also keeps the index and the AND-combination lean. */
const STOP_WORDS = new Set(
  'a an and are as at be by for from has have in is it its of on or that the their this to was were which with'.split(' '),
);

function processTerm(term: string): string | null {
  const t = term.toLowerCase();
  return t.length < 2 || STOP_WORDS.has(t) ? null : t;
}

/**
 * Only the last word is a prefix (it is the one still being typed); earlier words get fuzzy matching, which
 * also covers plurals. Short terms are matched exactly: a prefix "ai" or a fuzzy "eu" would match half the
 * vocabulary, which is slow and ranks noise. Fuzziness 0.2 allows one typo in 4-7 letters, two from 8 on.
 * (Fuzzy only from 5 letters was tried: 2% fewer postings scored on the benchmark, no measurable gain, and
 * 4-letter typos no longer found.)
 */
const SEARCH_OPTIONS: SearchOptions = {
  boost: { title: 4, tags: 2.5, text: 1.5 },
  prefix: (term, i, terms) => i === terms.length - 1 && term.length >= 3,
  fuzzy: (term) => (term.length >= 4 ? 0.2 : false),
  maxFuzzy: 2,
};

const SNIPPET_CHARS = 160;
/** A match only in a section's body weighs this much relative to the main index's scores. */
const BODY_WEIGHT = 0.25;

type Hit = { i: number; score: number };

/** Bump when what the main index holds or how it tokenises changes, so a persisted index is not reused. */
// 3: the persisted index lists its documents' keys and text hashes, for updating it after an edit.
const INDEX_FORMAT = 3;

const MAIN_OPTIONS: Options<Doc> = { idField: 'i', fields: ['title', 'tags', 'text'], storeFields: [], processTerm, searchOptions: SEARCH_OPTIONS };
type BodyDoc = { i: number; body: string };
const BODY_OPTIONS: Options<BodyDoc> = { idField: 'i', fields: ['body'], storeFields: [], processTerm, searchOptions: SEARCH_OPTIONS };
/** The options of both indexes, for the test that holds QueryScores to MiniSearch's own search. */
export const INDEX_OPTIONS = { main: MAIN_OPTIONS, bodies: BODY_OPTIONS, search: SEARCH_OPTIONS } as const;

/** What a persisted index file holds: both indexes as MiniSearch's plain objects, and what their documents were. */
interface PersistedIndex {
  main: AsPlainObject;
  bodies: AsPlainObject;
  docs?: PersistedDocs;
}

/** Each document's id, key (kind:id) and text hash, per index, for the format and app version `compat`. */
interface PersistedDocs {
  compat: string;
  main: [number, string, string][];
  bodies: [number, string, string][];
}

/** Every document of both indexes as the library has it now (see updateIndex). */
interface LibraryDocs {
  main: DocSignature[];
  bodies: DocSignature[];
}

const signatures = new WeakMap<Library, LibraryDocs>();
// crypto.hash, not createHash: one call per document, about 3x faster for 14,000 small texts.
const textHash = (text: string) => hash('sha1', text, 'base64').slice(0, 20);

function libraryDocs(library: Library): LibraryDocs {
  let docs = signatures.get(library);
  if (!docs) {
    const list = entries(library);
    const key = (e: Entry) => `${e.kind}:${e.item.id}`;
    docs = {
      main: list.map((e, i) => {
        const d = toDoc(e, i, library);
        return { id: i, key: key(e), hash: textHash(`${d.title}\0${d.tags}\0${d.text}`) };
      }),
      bodies: bodyDocs(list).map((d) => ({ id: d.i, key: key(list[d.i]!), hash: textHash(d.body) })),
    };
    signatures.set(library, docs);
  }
  return docs;
}

const compatOf = (appVersion: string) => `${INDEX_FORMAT}\0${appVersion}`;

/**
 * What a persisted index must have been built from to be used for `library` as it is: a hash of every document's
 * key and text (and the format), so an index from another library, or from before an edit, is never used as it is.
 */
export function indexKey(library: Library, appVersion = ''): string {
  const docs = libraryDocs(library);
  const lines = [compatOf(appVersion), ...docs.main.map((d) => `${d.key}\0${d.hash}`), '', ...docs.bodies.map((d) => `${d.id}\0${d.key}\0${d.hash}`)];
  return createHash('sha1').update(lines.join('\n')).digest('hex');
}

/**
 * Section bodies are most of a library's text. They live in a second index that is built on first use and
 * consulted only when titles, tags, summaries and statements give fewer results than asked for: that halves
 * the build at load time and keeps common words from scanning every body on every search.
 */
export class LibraryIndex {
  private readonly docs: Entry[];
  private readonly main: MiniSearch<Doc>;
  private bodyIndex: MiniSearch<BodyDoc> | undefined;
  /** Technologies by name and id, to notice when a query names one (see TechnologyBoosts). */
  private readonly technologies: MiniSearch<{ id: string; name: string }>;

  /** `main`: the main index already built or loaded for exactly this library (see indexKey); built here otherwise. */
  constructor(
    private readonly library: Library,
    main?: MiniSearch<Doc>,
    bodies?: MiniSearch<BodyDoc>,
  ) {
    this.docs = entries(library);
    this.bodyIndex = bodies;
    // Only ids are kept in the indexes; titles and snippets are read from the library when results are shown.
    if (main) this.main = main;
    else {
      this.main = new MiniSearch<Doc>(MAIN_OPTIONS);
      this.main.addAll(this.docs.map((e, i) => toDoc(e, i, library)));
    }
    this.technologies = new MiniSearch({ fields: ['id', 'name'], processTerm, searchOptions: SEARCH_OPTIONS });
    this.technologies.addAll([...library.technologies.values()].map((t) => ({ id: t.id, name: `${t.id.replace(/-/g, ' ')} ${t.name}` })));
  }

  /** The index from a persisted `toJSON` made for the same library (the caller checks indexKey). */
  static fromJSON(library: Library, json: string): LibraryIndex {
    const { main, bodies } = JSON.parse(json) as PersistedIndex;
    return new LibraryIndex(library, MiniSearch.loadJS<Doc>(main, MAIN_OPTIONS), MiniSearch.loadJS<BodyDoc>(bodies, BODY_OPTIONS));
  }

  /**
   * A persisted index of the same libraries from before some of their files changed (any key), brought up to date
   * by discarding and adding only the documents that changed: the same results as a new build (see updateIndex),
   * for a fraction of its time. Undefined when it cannot be (another format or app version, an index without its
   * document list), and the caller builds one.
   */
  static async updatedFromJSON(library: Library, json: string, appVersion = ''): Promise<LibraryIndex | undefined> {
    const persisted = stalePersisted(json, appVersion);
    if (!persisted) return undefined;
    // No automatic vacuuming: updateIndex vacuums at once, and one running in the background would delay that.
    const main = await MiniSearch.loadJSAsync<Doc>(persisted.main, { ...MAIN_OPTIONS, autoVacuum: false });
    const bodies = await MiniSearch.loadJSAsync<BodyDoc>(persisted.bodies, { ...BODY_OPTIONS, autoVacuum: false });
    return updated(library, main, bodies, persisted.docs);
  }

  /** As updatedFromJSON, at once (a search that cannot wait). */
  static updatedFromJSONSync(library: Library, json: string, appVersion = ''): LibraryIndex | undefined {
    const persisted = stalePersisted(json, appVersion);
    if (!persisted) return undefined;
    const main = MiniSearch.loadJS<Doc>(persisted.main, { ...MAIN_OPTIONS, autoVacuum: false });
    const bodies = MiniSearch.loadJS<BodyDoc>(persisted.bodies, { ...BODY_OPTIONS, autoVacuum: false });
    return updated(library, main, bodies, persisted.docs);
  }

  /** As fromJSON, yielding to the event loop now and then, so a window stays responsive while it loads. */
  static async fromJSONAsync(library: Library, json: string): Promise<LibraryIndex> {
    const { main, bodies } = JSON.parse(json) as PersistedIndex;
    return new LibraryIndex(library, await MiniSearch.loadJSAsync<Doc>(main, MAIN_OPTIONS), await MiniSearch.loadJSAsync<BodyDoc>(bodies, BODY_OPTIONS));
  }

  /** Builds both indexes in chunks between which the event loop runs (off the critical path). */
  static async buildAsync(library: Library): Promise<LibraryIndex> {
    const docs = entries(library);
    const main = new MiniSearch<Doc>(MAIN_OPTIONS);
    await main.addAllAsync(docs.map((e, i) => toDoc(e, i, library)), { chunkSize: 500 });
    const bodies = new MiniSearch<BodyDoc>(BODY_OPTIONS);
    await bodies.addAllAsync(bodyDocs(docs), { chunkSize: 100 });
    return new LibraryIndex(library, main, bodies);
  }

  /** Both indexes as JSON, for persisting (the body index is built now if it was not yet; technologies are few). */
  toJSON(appVersion = ''): string {
    const docs = libraryDocs(this.library);
    const list: PersistedDocs = {
      compat: compatOf(appVersion),
      main: docs.main.map((d) => [d.id, d.key, d.hash]),
      bodies: docs.bodies.map((d) => [d.id, d.key, d.hash]),
    };
    return `{"main":${indexJSON(this.main)},"bodies":${indexJSON(this.bodies())},"docs":${JSON.stringify(list)}}`;
  }

  /** Ranked results; an empty query lists everything that passes the filters, in kind-then-id order. */
  search(query: string, filters: SearchQuery = {}): SearchResult[] {
    checkSearchQuery(query);
    const limit = filters.limit ?? 50;
    const q = query.trim();
    if (!q) {
      return this.docs
        .filter((e) => matchesFilters(e, filters))
        .slice(0, limit)
        .map((e) => this.result(e, 0));
    }
    const filtered = filters.kinds || filters.topic !== undefined || filters.technology !== undefined || filters.country !== undefined;
    const keep = filtered ? (i: number) => matchesFilters(this.docs[i]!, filters) : undefined;
    const withBodies = !filters.kinds || filters.kinds.includes('section');
    // Each index's terms are looked up and scored once, for the AND tier and, if needed, the OR tier.
    const main = matcher(this.main, q, keep);
    let bodies: Matcher | undefined;
    const body = () => (bodies ??= matcher(this.bodies(), q, keep));
    // All words must match when they can; only if no item matches every word, rank by how many words each matches.
    let hits = this.tier(main, body, 'AND', limit, withBodies);
    if (hits.length === 0) hits = this.tier(main, body, 'OR', limit, withBodies);
    // Boosting here rather than through MiniSearch's boostDocument, which runs for every posting of every term.
    const named = new Set(this.technologies.search(q, { combineWith: 'OR' }).map((r) => r.id as string));
    if (named.size) {
      const boost = this.boosts().of(named);
      for (const h of hits) h.score *= boost(h.i);
    }
    return best(hits, limit).map((h) => this.result(this.docs[h.i]!, h.score));
  }

  /** Matches in the main index, then, if there are fewer than `limit`, body-only matches weighted down. */
  private tier(main: Matcher, body: () => Matcher, combineWith: 'AND' | 'OR', limit: number, withBodies: boolean): Hit[] {
    const hits = main(combineWith);
    if (hits.length >= limit || !withBodies) return hits;
    const seen = new Set(hits.map((h) => h.i));
    for (const h of body()(combineWith)) if (!seen.has(h.i)) hits.push({ i: h.i, score: h.score * BODY_WEIGHT });
    return hits;
  }

  private technologyBoosts: TechnologyBoosts | undefined;

  private boosts(): TechnologyBoosts {
    return (this.technologyBoosts ??= new TechnologyBoosts(this.docs));
  }

  private bodies(): MiniSearch<BodyDoc> {
    if (!this.bodyIndex) {
      this.bodyIndex = new MiniSearch(BODY_OPTIONS);
      this.bodyIndex.addAll(bodyDocs(this.docs));
    }
    return this.bodyIndex;
  }

  private result(e: Entry, score: number): SearchResult {
    const snippet = snippetOf(e, this.library);
    return { kind: e.kind, id: e.item.id, title: titleOf(e), ...(snippet ? { snippet } : {}), score };
  }
}

/** An index's hits for one query, combined with AND or OR, that pass the filters (`keep`). */
type Matcher = (combineWith: 'AND' | 'OR') => Hit[];

/**
 * Scores the query's terms once (QueryScores: the same scores as MiniSearch's search, several times faster on a
 * common word, as it builds no object per matching posting); MiniSearch's own search when that cannot be used.
 */
function matcher(ms: MiniSearch<Doc> | MiniSearch<BodyDoc>, q: string, keep: ((i: number) => boolean) | undefined): Matcher {
  const scores = QueryScores.of(ms, q, SEARCH_OPTIONS);
  return (combineWith) => {
    const found = scores ? scores.combine(combineWith) : ms.search(q, { combineWith });
    const hits: Hit[] = [];
    for (const h of found) if (!keep || keep(h.id as number)) hits.push({ i: h.id as number, score: h.score });
    return hits;
  };
}

/** A persisted index with its document list, for this format and app version. */
function stalePersisted(json: string, appVersion: string): Required<PersistedIndex> | undefined {
  const persisted = JSON.parse(json) as PersistedIndex;
  const docs = persisted.docs;
  if (docs?.compat !== compatOf(appVersion) || !Array.isArray(docs.main) || !Array.isArray(docs.bodies)) return undefined;
  return persisted as Required<PersistedIndex>;
}

/** Both loaded indexes brought up to date with `library` (see updateIndex), or undefined. */
function updated(library: Library, main: MiniSearch<Doc>, bodies: MiniSearch<BodyDoc>, docs: PersistedDocs): LibraryIndex | undefined {
  const now = libraryDocs(library);
  const list = entries(library);
  const before = (rows: [number, string, string][]) => rows.map(([id, key, hash]) => ({ id, key, hash }));
  if (!updateIndex(main, before(docs.main), now.main, (d) => toDoc(list[d.id]!, d.id, library))) return undefined;
  if (!updateIndex(bodies, before(docs.bodies), now.bodies, (d) => bodyDoc(list[d.id]!, d.id)!)) return undefined;
  return new LibraryIndex(library, main, bodies);
}

/**
 * The first `limit` hits by descending score, ties in item order (so the order never depends on how the index
 * was built or loaded), without sorting them all: a common word matches thousands of items and only 50 are
 * shown. The cut-off score comes from a numeric sort of the scores alone; hits tied at it are taken in item order.
 */
function best(hits: Hit[], limit: number): Hit[] {
  const byScore = (a: Hit, b: Hit) => b.score - a.score || a.i - b.i;
  if (hits.length <= limit * 4) return hits.sort(byScore).slice(0, limit);
  const scores = Float64Array.from(hits, (h) => h.score).sort();
  const cut = scores[hits.length - limit]!;
  let firstAbove = hits.length - limit;
  while (firstAbove < hits.length && scores[firstAbove] === cut) firstAbove++;
  // How many of the hits scored exactly `cut` make the first `limit`.
  const atCut = limit - (hits.length - firstAbove);
  const tied = hits.filter((h) => h.score === cut).sort((a, b) => a.i - b.i).slice(0, atCut);
  return [...hits.filter((h) => h.score > cut), ...tied].sort(byScore);
}

/**
 * A query that names a technology ("semiconductor", "quantm") prefers items about that technology, the more
 * specific the better; among those, a priorities section is the entry point a user is most likely after.
 * Each item's technology tags are read from the item once per index and kept in an array: reading an item's tags
 * costs about a microsecond, and a common technology word ("cloud": 2,400 hits) spent about 2 ms on them per
 * search. Kept as hits need them rather than all at once: a pass over every item took ~18 ms in a new process.
 */
class TechnologyBoosts {
  private readonly techs: (readonly string[] | undefined)[];
  /** 0: not read yet; 1: not a priorities section; 2: a priorities section. */
  private readonly priorities: Uint8Array;

  constructor(private readonly docs: readonly Entry[]) {
    this.techs = new Array<readonly string[] | undefined>(docs.length);
    this.priorities = new Uint8Array(docs.length);
  }

  /** Each item's boost for a query naming `named`: 1 when it lists none of them. */
  of(named: ReadonlySet<string>): (i: number) => number {
    return (i) => {
      let techs = this.techs[i];
      if (!techs) {
        const e = this.docs[i]!;
        techs = this.techs[i] = technologiesOf(e);
        this.priorities[i] = e.kind === 'section' && e.item.topic === 'priorities' ? 2 : 1;
      }
      let hits = 0;
      for (const t of techs) if (named.has(t)) hits++;
      if (hits === 0) return 1;
      const specific = 1 + hits / techs.length;
      return this.priorities[i] === 2 ? specific * 1.5 : specific;
    };
  }
}

function names(ids: readonly string[], map: Map<string, { name: string }>): string {
  return ids.map((id) => `${id} ${map.get(id)?.name ?? ''}`).join(' ');
}

/** Section bodies for the body index; reference markers ({{fact:semi-brains}}) are not words of the text. */
function bodyDocs(docs: readonly Entry[]): BodyDoc[] {
  return docs.flatMap((e, i) => bodyDoc(e, i) ?? []);
}

function bodyDoc(e: Entry, i: number): BodyDoc | undefined {
  return e.kind === 'section' ? { i, body: e.item.body.replace(REF_PATTERN, ' ') } : undefined;
}

function toDoc(e: Entry, i: number, lib: Library): Doc {
  switch (e.kind) {
    case 'section': {
      const s = e.item;
      const tags = `${s.topic} ${s.tags.topics.join(' ')} ${names(s.tags.technologies, lib.technologies)} ${names(s.tags.countries, lib.countries)}`;
      return { i, title: s.title, tags, text: s.summary ?? '' };
    }
    case 'fact': {
      const f = e.item;
      const tags = `${f.tags.topics.join(' ')} ${names(f.tags.technologies, lib.technologies)} ${names(f.tags.countries, lib.countries)}`;
      return { i, title: '', tags, text: `${f.statement} ${f.source.title} ${f.source.publisher}` };
    }
    case 'country': {
      const c = e.item;
      return { i, title: c.name, tags: `${c.id} ${names(c.strengths, lib.technologies)} ${names(c.forums, lib.forums)}`, text: '' };
    }
    case 'forum': {
      const f = e.item;
      return { i, title: f.name, tags: `${f.kind} ${names(f.technologies, lib.technologies)} ${names(f.members, lib.countries)}`, text: f.description };
    }
  }
}

/** Only the start of the text is normalised: results are shown 50 at a time, and a summary can be long. */
function clip(s: string): string {
  const t = s.slice(0, SNIPPET_CHARS * 4).replace(/\s+/g, ' ').trim();
  return t.length > SNIPPET_CHARS ? `${t.slice(0, SNIPPET_CHARS - 1).trimEnd()}…` : t;
}

/** The first paragraph that is prose (not a heading, fence, container, table, quote or list), without splitting the whole body. */
function firstParagraph(body: string): string | undefined {
  const breaks = /\n\s*\n/g;
  let start = 0;
  for (;;) {
    const m = breaks.exec(body);
    const para = body.slice(start, m ? m.index : body.length);
    if (/^\s*[^#`~:\s|>-]/.test(para)) return para;
    if (!m) return undefined;
    start = m.index + m[0].length;
  }
}

function snippetOf(e: Entry, lib: Library): string | undefined {
  switch (e.kind) {
    case 'section': {
      if (e.item.summary) return clip(e.item.summary);
      // First prose paragraph: skip headings, fences and blank lines.
      const para = firstParagraph(e.item.body);
      return para ? clip(para.replace(REF_PATTERN, '…')) : undefined;
    }
    case 'fact':
      return clip(`${e.item.source.publisher}, ${e.item.source.title} (as of ${e.item.asOf})`);
    case 'country': {
      const strengths = e.item.strengths.map((t) => lib.technologies.get(t)?.name ?? t);
      return strengths.length ? clip(`Strengths: ${strengths.join(', ')}`) : undefined;
    }
    case 'forum':
      return clip(e.item.description);
  }
}
