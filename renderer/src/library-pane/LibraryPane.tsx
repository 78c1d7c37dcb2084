// The library pane: full-text search with topic/technology/country filters, sections by topic, facts with stale marks,
// where each item comes from, and the doors to the Libraries view and the forms of the writable libraries.
import { useEffect, useMemo, useState, type RefObject } from 'react';
import type { FactSummary, ItemSource, SearchHit, SectionSummary } from '../../../shared/ipc/channels.js';
import { TOPICS, type Fact, type Topic } from '../../../shared/model/library.js';
import { api } from '../api.js';
import { FactDialog } from '../library-manager/FactDialog.js';
import { reviewWords } from '../editor/factRefs.js';
import { LibrariesDialog } from '../library-manager/LibrariesDialog.js';
import { SectionDialog } from '../library-manager/SectionDialog.js';
import { useSaveTargets } from '../library-manager/useSaveTargets.js';
import { TOPIC_LABELS } from './topics.js';
import { countryName, technologyName } from '../../../shared/model/names.js';
import type { LibraryData } from './useLibraryData.js';
import { SECTION_DRAG_TYPE } from '../outline/dragTypes.js';
import { useRovingFocus } from '../shell/useRovingFocus.js';

interface Props {
  data: LibraryData;
  inBrief: ReadonlySet<string>;
  onAdd(sectionId: string): void;
  /** Present while a section is open in the editor: facts can then be inserted at its cursor. */
  onInsertFact: ((factId: string) => void) | null;
  searchRef: RefObject<HTMLInputElement | null>;
}

interface Filters {
  topic: Topic | '';
  technology: string;
  country: string;
}

type Dialog = { kind: 'libraries' } | { kind: 'fact'; fact?: Fact; libraryId?: string } | { kind: 'section'; sectionId?: string; libraryId?: string };

/** Bundled items need no label; the others say whose they are. */
function SourceBadge({ source }: { source: ItemSource | undefined }) {
  if (!source || source.kind === 'bundled') return null;
  return <span className={`badge source-${source.kind}`}>{source.kind === 'personal' ? 'Personal' : source.name}</span>;
}

function useSearch(query: string, filters: Filters, version: number): { hits: SearchHit[] | null; error: string | null } {
  const [hits, setHits] = useState<SearchHit[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const q = query.trim();
    if (!q) return void setHits(null);
    let live = true;
    // A short pause so each keystroke does not start a search of its own.
    const timer = setTimeout(() => {
      api()
        .searchLibrary(q, {
          ...(filters.topic ? { topic: filters.topic } : {}),
          ...(filters.technology ? { technology: filters.technology } : {}),
          ...(filters.country ? { country: filters.country } : {}),
        })
        .then(
          (r) => live && (setHits(r), setError(null)),
          (e: Error) => live && setError(e.message),
        );
    }, 120);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [query, filters, version]);
  return { hits, error };
}

function matchesFilters(tags: { technologies: string[]; countries: string[] }, f: Filters): boolean {
  return (!f.technology || tags.technologies.includes(f.technology)) && (!f.country || tags.countries.includes(f.country));
}

export function LibraryPane({ data, inBrief, onAdd, onInsertFact, searchRef }: Props) {
  const [query, setQuery] = useState('');
  const [filters, setFilters] = useState<Filters>({ topic: '', technology: '', country: '' });
  const { hits, error: searchError } = useSearch(query, filters, data.version);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [status, setStatus] = useState('');
  const targets = useSaveTargets(data.version);
  // Items of a writable library (personal, or a team folder set read-write) can be edited in place.
  const editable = (source: ItemSource | undefined): source is ItemSource => !!source && targets.some((t) => t.id === source.libraryId);
  const done = (message: string) => {
    setDialog(null);
    setStatus(message);
    data.reload();
  };

  const options = useMemo(() => {
    const tech = new Set<string>();
    const countries = new Set<string>();
    for (const tags of [...data.sections, ...data.facts.map((f) => f.fact.tags)]) {
      tags.technologies.forEach((t) => tech.add(t));
      tags.countries.forEach((c) => countries.add(c));
    }
    // Listed by name, in name order; the filter still matches the stored id.
    const byName = (name: (id: string) => string) => (a: string, b: string) => name(a).localeCompare(name(b));
    return { tech: [...tech].sort(byName(technologyName)), countries: [...countries].sort(byName(countryName)) };
  }, [data.sections, data.facts]);

  const sectionById = useMemo(() => new Map(data.sections.map((s) => [s.id, s])), [data.sections]);
  const searching = hits !== null;
  const sections: SectionSummary[] = searching
    ? hits.filter((h) => h.kind === 'section').flatMap((h) => sectionById.get(h.id) ?? [])
    : data.sections.filter((s) => (!filters.topic || s.topic === filters.topic) && matchesFilters(s, filters));
  const facts: FactSummary[] = searching
    ? hits.filter((h) => h.kind === 'fact').flatMap((h) => data.factById.get(h.id) ?? [])
    : data.facts.filter((f) => matchesFilters(f.fact.tags, filters));
  // Search results stay in rank order (the best match first, where Enter adds it); grouping by topic is a choice.
  const [groupByTopic, setGroupByTopic] = useState(false);
  const ranked = searching && !groupByTopic;
  const groups = ranked
    ? [[null, sections] as const].filter(([, list]) => list.length > 0)
    : TOPICS.map((t) => [t, sections.filter((s) => s.topic === t)] as const).filter(([, list]) => list.length > 0);
  const topHit = searching ? sections.find((s) => !inBrief.has(s.id)) : undefined;
  const staleCount = facts.filter((f) => f.stale).length;
  const setFilter = (patch: Partial<Filters>) => setFilters((f) => ({ ...f, ...patch }));
  // The section list (every topic group) and the fact list are one Tab stop each, with arrows inside.
  const sectionRoving = useRovingFocus<HTMLDivElement>({ rows: '.section-item', primary: '.add-section' });
  const factRoving = useRovingFocus<HTMLUListElement>({ rows: ':scope > li' });

  return (
    <section className="pane library" aria-labelledby="library-heading">
      <div className="library-head">
        <h2 id="library-heading">Library</h2>
        <div className="library-buttons">
          <button type="button" onClick={() => setDialog({ kind: 'libraries' })}>
            Libraries…{data.problemCount > 0 && <span className="problem-count"> ({data.problemCount} problem{data.problemCount === 1 ? '' : 's'})</span>}
          </button>
          <button type="button" onClick={() => setDialog({ kind: 'fact' })}>New fact…</button>
          <button type="button" onClick={() => setDialog({ kind: 'section' })}>New section…</button>
        </div>
      </div>
      <p className="hint small library-status" role="status">{status}</p>
      <div className="search-box" role="search">
        <label className="field">
          <span>Search sections and facts</span>
          <input
            ref={searchRef}
            type="search"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            onKeyDown={(e) => {
              if (e.key !== 'Enter' || !topHit) return;
              e.preventDefault();
              onAdd(topHit.id);
            }}
            placeholder="e.g. semiconductor"
            aria-describedby="search-enter-hint"
          />
        </label>
        <p id="search-enter-hint" className="hint small">
          {topHit ? `Enter adds “${topHit.title}”.` : ''}
        </p>
        <label className="checkbox">
          <input type="checkbox" checked={groupByTopic} onChange={(e) => setGroupByTopic(e.target.checked)} />
          Group results by topic
        </label>
        <div className="filters">
          <label className="field">
            <span>Topic</span>
            <select value={filters.topic} onChange={(e) => setFilter({ topic: e.target.value as Topic | '' })}>
              <option value="">All topics</option>
              {TOPICS.map((t) => (
                <option key={t} value={t}>{TOPIC_LABELS[t]}</option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>Technology</span>
            <select value={filters.technology} onChange={(e) => setFilter({ technology: e.target.value })}>
              <option value="">Any</option>
              {options.tech.map((t) => (
                <option key={t} value={t}>{technologyName(t)}</option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>Country</span>
            <select value={filters.country} onChange={(e) => setFilter({ country: e.target.value })}>
              <option value="">Any</option>
              {options.countries.map((c) => (
                <option key={c} value={c}>{countryName(c)}</option>
              ))}
            </select>
          </label>
        </div>
      </div>
      {data.error && <p role="alert" className="error">Could not load the library: {data.error}</p>}
      {searchError && <p role="alert" className="error">Search failed: {searchError}</p>}
      <p className="hint small search-count" aria-live="polite">
        {searching ? `${sections.length} section${sections.length === 1 ? '' : 's'}, ${facts.length} fact${facts.length === 1 ? '' : 's'} match` : ''}
      </p>

      <div className="section-list" ref={sectionRoving.ref} onKeyDown={sectionRoving.onKeyDown} onFocus={sectionRoving.onFocus}>
        {groups.map(([topic, list]) => (
          <div key={topic ?? 'ranked'} className="group">
            <h3>{topic ? TOPIC_LABELS[topic] : 'Sections, best match first'}</h3>
            <ul aria-label={topic ? `${TOPIC_LABELS[topic]} sections` : 'Matching sections'}>
              {list.map((s) => (
                <li
                  key={s.id}
                  className="section-item"
                  data-section-id={s.id}
                  draggable={!inBrief.has(s.id)}
                  onDragStart={(e) => {
                    e.dataTransfer.setData(SECTION_DRAG_TYPE, s.id);
                    e.dataTransfer.effectAllowed = 'copy';
                  }}
                >
                  <div>
                    <div className="section-title">
                      {s.title}
                      <SourceBadge source={s.source} />
                    </div>
                    {s.summary && <div className="section-summary">{s.summary}</div>}
                  </div>
                  <span className="item-actions">
                    {editable(s.source) && (
                      <button type="button" onClick={() => setDialog({ kind: 'section', sectionId: s.id, libraryId: s.source!.libraryId })} aria-label={`Edit ${s.title}`}>
                        Edit
                      </button>
                    )}
                    <button type="button" className="add-section" onClick={() => onAdd(s.id)} disabled={inBrief.has(s.id)} aria-label={inBrief.has(s.id) ? `Added ${s.title}` : `Add ${s.title}`}>
                      {inBrief.has(s.id) ? 'Added' : 'Add'}
                    </button>
                  </span>
                </li>
              ))}
            </ul>
          </div>
        ))}
      </div>
      {searching && sections.length === 0 && facts.length === 0 && <p className="hint">Nothing in the library matches “{query.trim()}”.</p>}

      <details className="group facts" open={searching}>
        <summary>
          <h3>Facts ({facts.length}{staleCount ? `, ${staleCount} stale` : ''})</h3>
        </summary>
        <ul aria-label="Facts" ref={factRoving.ref} onKeyDown={factRoving.onKeyDown} onFocus={factRoving.onFocus}>
          {facts.map((f) => (
            <li key={f.fact.id} className={`fact-item${f.stale ? ' stale' : ''}`} data-fact-id={f.fact.id}>
              <div>
                <div className="fact-statement">{f.fact.statement}</div>
                <div className="fact-meta">
                  <code>{f.fact.id}</code> · {f.fact.source.publisher}, {f.fact.asOf}
                  <SourceBadge source={f.source} />
                  {f.stale && (
                    <span className="badge stale-badge" title={`Review was due ${f.reviewDue}`}>
                      Stale
                    </span>
                  )}
                </div>
                {f.review && <div className="fact-review hint small">{reviewWords(f.review)}</div>}
              </div>
              <span className="item-actions">
                {editable(f.source) && (
                  <button type="button" onClick={() => setDialog({ kind: 'fact', fact: f.fact, libraryId: f.source!.libraryId })} aria-label={`Edit fact ${f.fact.id}`}>
                    Edit
                  </button>
                )}
                {onInsertFact && (
                  <button type="button" onClick={() => onInsertFact(f.fact.id)} aria-label={`Insert fact ${f.fact.id}`}>
                    Insert
                  </button>
                )}
              </span>
            </li>
          ))}
        </ul>
      </details>
      {dialog?.kind === 'libraries' && <LibrariesDialog onChanged={data.reload} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'fact' && (
        <FactDialog {...(dialog.fact ? { fact: dialog.fact } : {})} {...(dialog.libraryId ? { libraryId: dialog.libraryId } : {})} targets={targets} onDone={done} onClose={() => setDialog(null)} />
      )}
      {dialog?.kind === 'section' && (
        <SectionDialog {...(dialog.sectionId ? { sectionId: dialog.sectionId } : {})} {...(dialog.libraryId ? { libraryId: dialog.libraryId } : {})} targets={targets} onDone={done} onClose={() => setDialog(null)} />
      )}
    </section>
  );
}
