// Loads what the composer needs from the library: section summaries and facts with their stale flags; again after an edit.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { FactSummary, SectionSummary } from '../../../shared/ipc/channels.js';
import type { Fact } from '../../../shared/model/library.js';
import { api } from '../api.js';

export interface LibraryData {
  sections: SectionSummary[];
  facts: FactSummary[];
  factById: ReadonlyMap<string, FactSummary>;
  /** Plain facts by id, for pinning (shared/pinning.ts pinCitedFacts). */
  factMap: ReadonlyMap<string, Fact>;
  error: string | null;
  loaded: boolean;
  /** Problems across all mounted libraries, for the Libraries button. */
  problemCount: number;
  /** Goes up with every reload, so views that asked main something (a search) ask again. */
  version: number;
  reload(): void;
}

export function useLibraryData(): LibraryData {
  const [sections, setSections] = useState<SectionSummary[]>([]);
  const [facts, setFacts] = useState<FactSummary[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [loaded, setLoaded] = useState(false);
  const [problemCount, setProblemCount] = useState(0);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    let live = true;
    Promise.all([api().listSections(), api().listFacts(), api().listLibraries()]).then(
      ([s, f, l]) => {
        if (!live) return;
        setSections(s);
        setFacts(f);
        setProblemCount(l.libraries.reduce((n, x) => n + x.problemCount, 0));
        setError(null);
        setLoaded(true);
      },
      (e: Error) => live && setError(e.message),
    );
    return () => {
      live = false;
    };
  }, [version]);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  const factById = useMemo(() => new Map(facts.map((f) => [f.fact.id, f])), [facts]);
  const factMap = useMemo(() => new Map(facts.map((f) => [f.fact.id, f.fact])), [facts]);
  return { sections, facts, factById, factMap, error, loaded, problemCount, version, reload };
}
