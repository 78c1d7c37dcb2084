// Loads what the composer needs from the library once: section summaries and facts with their stale flags.
import { useEffect, useMemo, useState } from 'react';
import type { FactSummary, SectionSummary } from '../../../shared/ipc/channels.js';
import type { Fact } from '../../../shared/model/library.js';
import { api } from '../api.js';

export interface LibraryData {
  sections: SectionSummary[];
  facts: FactSummary[];
  factById: ReadonlyMap<string, FactSummary>;
  /** Plain facts by id, for pinning (shared/assemble.ts pinCitedFacts). */
  factMap: ReadonlyMap<string, Fact>;
  error: string | null;
  loaded: boolean;
}

export function useLibraryData(): LibraryData {
  const [sections, setSections] = useState<SectionSummary[]>([]);
  const [facts, setFacts] = useState<FactSummary[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [loaded, setLoaded] = useState(false);
  useEffect(() => {
    Promise.all([api().listSections(), api().listFacts()]).then(
      ([s, f]) => {
        setSections(s);
        setFacts(f);
        setLoaded(true);
      },
      (e: Error) => setError(e.message),
    );
  }, []);
  const factById = useMemo(() => new Map(facts.map((f) => [f.fact.id, f])), [facts]);
  const factMap = useMemo(() => new Map(facts.map((f) => [f.fact.id, f.fact])), [facts]);
  return { sections, facts, factById, factMap, error, loaded };
}
