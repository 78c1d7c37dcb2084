// Fact pinning: a brief keeps a snapshot of every fact it cites. The one implementation, used by main and renderer.
import type { Brief } from './model/brief.js';
import type { Fact } from './model/library.js';
import { findRefs } from './markdown/setup.js';

/** Facts by id, as a library or the renderer's fact list holds them. */
export type FactLookup = ReadonlyMap<string, Fact>;

/** Snapshots the given facts into the brief's pins; facts already pinned keep their snapshot, unknown ids are skipped. */
export function pinFacts(brief: Brief, factIds: readonly string[], facts: FactLookup): Brief {
  const added: Record<string, Fact> = {};
  for (const id of factIds) {
    const fact = facts.get(id);
    if (fact && !Object.hasOwn(brief.pins, id)) added[id] = structuredClone(fact);
  }
  // Unchanged input comes back as the same object, so UI state does not see a spurious edit.
  return Object.keys(added).length === 0 ? brief : { ...brief, pins: { ...brief.pins, ...added } };
}

/** Ids of the facts (and citations) the brief's sections refer to, in order of appearance. */
export function citedFactIds(brief: Brief): string[] {
  return brief.sections.flatMap((s) => findRefs(s.body).filter((r) => r.kind !== 'var').map((r) => r.id));
}

/** Pins every fact the sections cite. */
export function pinCitedFacts(brief: Brief, facts: FactLookup): Brief {
  return pinFacts(brief, citedFactIds(brief), facts);
}
