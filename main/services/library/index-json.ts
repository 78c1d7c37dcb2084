// A MiniSearch index as exactly the JSON of its toJSON(), written term by term: toJSON builds a plain copy of the
// whole index first, which for the 10k library took about 150 MB at once (the first start's peak memory).
import type MiniSearch from 'minisearch';

/** The fields of MiniSearch 7 that its toJSON reads (checked at run time; anything else falls back to toJSON). */
interface Internals {
  _index: Iterable<[string, Map<number, Map<number, number>>]>;
  _documentCount: number;
  _nextId: number;
  _documentIds: Map<number, unknown>;
  _fieldIds: Record<string, number>;
  _fieldLength: Map<number, number[]>;
  _avgFieldLength: number[];
  _storedFields: Map<number, unknown>;
  _dirtCount: number;
}

function internals(ms: object): Internals | undefined {
  const m = ms as Partial<Internals>;
  const ok =
    m._index !== undefined && typeof m._index[Symbol.iterator] === 'function' && m._documentIds instanceof Map && m._fieldLength instanceof Map && m._storedFields instanceof Map;
  return ok ? (m as Internals) : undefined;
}

/** The same string as JSON.stringify(ms) (a unit test holds it to that), with far less memory at its peak. */
export function indexJSON(ms: MiniSearch<never> | MiniSearch<unknown> | object): string {
  const m = internals(ms);
  if (!m) return JSON.stringify(ms);
  const head = JSON.stringify({
    documentCount: m._documentCount,
    nextId: m._nextId,
    documentIds: Object.fromEntries(m._documentIds),
    fieldIds: m._fieldIds,
    fieldLength: Object.fromEntries(m._fieldLength),
    averageFieldLength: m._avgFieldLength,
    storedFields: Object.fromEntries(m._storedFields),
    dirtCount: m._dirtCount,
  });
  const terms: string[] = [];
  for (const [term, fieldIndex] of m._index) {
    const data: Record<number, Record<number, number>> = {};
    for (const [fieldId, freqs] of fieldIndex) data[fieldId] = Object.fromEntries(freqs);
    terms.push(JSON.stringify([term, data]));
  }
  return `${head.slice(0, -1)},"index":[${terms.join(',')}],"serializationVersion":2}`;
}
