// Brings a persisted MiniSearch index up to date with a changed library: discard and add the changed documents only.
import type MiniSearch from 'minisearch';

/** The fields of MiniSearch 7 this relies on (checked at run time; without them the caller builds a new index). */
interface Internals {
  _documentIds: Map<number, unknown>;
  _idToShortId: Map<unknown, number>;
  _fieldLength: Map<number, number[]>;
  _avgFieldLength: number[];
  _documentCount: number;
  _fieldIds: Record<string, number>;
  _dirtCount: number;
  _currentVacuum: unknown;
}

function internals(ms: object): Internals | undefined {
  const m = ms as Partial<Internals>;
  const ok =
    m._documentIds instanceof Map &&
    m._idToShortId instanceof Map &&
    m._fieldLength instanceof Map &&
    Array.isArray(m._avgFieldLength) &&
    typeof m._documentCount === 'number' &&
    typeof m._fieldIds === 'object' &&
    m._currentVacuum === null;
  return ok ? (m as Internals) : undefined;
}

/** One document of an index as it was persisted or as the library has it now: its id in the index, key (kind:id) and a hash of its text. */
export interface DocSignature {
  id: number;
  key: string;
  hash: string;
}

/**
 * Updates `ms` (loaded from an index that held the documents `before`) so that it holds the documents `after`
 * (in the order a new index would add them; `doc` gives one to add): documents whose key and hash are unchanged
 * only get their new id, the others are discarded, and new or changed ones are added. Returns false (the index
 * is then unusable) when MiniSearch's internals are not what this expects.
 *
 * Afterwards the index scores as one built from scratch: the discarded documents' postings are vacuumed at once
 * (a posting left behind would count in a term's document frequency), and the average field lengths are worked
 * out again in the order a new index adds documents (MiniSearch updates them step by step, so the order of the
 * floating-point steps shows in the last bits of every score).
 */
export function updateIndex<D>(ms: MiniSearch<D>, before: readonly DocSignature[], after: readonly DocSignature[], doc: (d: DocSignature) => D): boolean {
  const m = internals(ms);
  if (!m) return false;
  const unchanged = new Map<string, DocSignature>();
  for (const d of after) unchanged.set(`${d.key}\0${d.hash}`, d);
  const renumber = new Map<number, number>(); // old id -> new id
  for (const d of before) {
    if (!m._idToShortId.has(d.id)) return false;
    const now = unchanged.get(`${d.key}\0${d.hash}`);
    if (now) {
      renumber.set(d.id, now.id);
      unchanged.delete(`${d.key}\0${d.hash}`); // a second old document with the same key and text is discarded
    } else ms.discard(d.id);
  }
  if (m._documentIds.size !== renumber.size) return false;
  // Short ids stay; the ids they stand for change.
  const idToShortId = new Map<unknown, number>();
  for (const [shortId, oldId] of m._documentIds) {
    const id = renumber.get(oldId as number);
    if (id === undefined) return false;
    m._documentIds.set(shortId, id);
    idToShortId.set(id, shortId);
  }
  m._idToShortId.clear();
  for (const [id, shortId] of idToShortId) m._idToShortId.set(id, shortId);
  const present = new Set(renumber.values());
  for (const d of after) if (!present.has(d.id)) ms.add(doc(d));
  if (m._dirtCount > 0) {
    // Runs to its end before returning: with no batch limit there is no pause inside the loop.
    void ms.vacuum({ batchSize: Number.MAX_SAFE_INTEGER });
    if (m._dirtCount !== 0) return false;
  }
  if (m._documentCount !== after.length) return false;
  replayAverages(m, after);
  return true;
}

/** The average field lengths exactly as adding `docs` in order to an empty index computes them. */
function replayAverages(m: Internals, docs: readonly DocSignature[]): void {
  const fields = Object.keys(m._fieldIds).length;
  const avg: number[] = [];
  docs.forEach((d, n) => {
    const lengths = m._fieldLength.get(m._idToShortId.get(d.id)!)!;
    for (let f = 0; f < fields; f++) {
      const length = lengths[f];
      if (length !== undefined) avg[f] = ((avg[f] || 0) * n + length) / (n + 1);
    }
  });
  avg.forEach((a, f) => (m._avgFieldLength[f] = a));
}
