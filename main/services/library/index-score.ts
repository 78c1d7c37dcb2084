// Scores a query against a MiniSearch 7 index exactly as its search() does, without an object per matching posting.
import type MiniSearch from 'minisearch';
import type { SearchOptions } from 'minisearch';

/** A term's postings: field id -> (short document id -> term frequency). */
type FieldTermData = Map<number, Map<number, number>>;

/** MiniSearch's radix tree (SearchableMap), as far as search uses it. */
interface TermTree {
  get(term: string): FieldTermData | undefined;
  atPrefix(prefix: string): Iterable<[string, FieldTermData]>;
  fuzzyGet(term: string, maxDistance: number): Map<string, [FieldTermData, number]>;
}

/** The fields of MiniSearch 7 that its search reads (checked at run time; otherwise the caller uses search()). */
interface Internals {
  _index: TermTree;
  _documentIds: Map<number, unknown>;
  _fieldIds: Record<string, number>;
  _fieldLength: Map<number, number[]>;
  _avgFieldLength: number[];
  _documentCount: number;
  _nextId: number;
  _dirtCount: number;
  _currentVacuum: unknown;
  _options: { fields: string[]; tokenize: (text: string) => string[]; processTerm: (term: string) => string | string[] | null | undefined | false };
}

function internals(ms: object): Internals | undefined {
  const m = ms as Partial<Internals>;
  const ok =
    m._index !== undefined &&
    typeof m._index.atPrefix === 'function' &&
    typeof m._index.fuzzyGet === 'function' &&
    m._documentIds instanceof Map &&
    m._fieldLength instanceof Map &&
    Array.isArray(m._avgFieldLength) &&
    typeof m._documentCount === 'number' &&
    typeof m._nextId === 'number' &&
    typeof m._options?.tokenize === 'function' &&
    typeof m._options.processTerm === 'function' &&
    Array.isArray(m._options.fields) &&
    // A discarded document's postings stay until a vacuum, and search() scores around them (see termResults).
    m._dirtCount === 0 &&
    m._currentVacuum === null;
  return ok ? (m as Internals) : undefined;
}

/** MiniSearch's defaults (defaultSearchOptions). */
const WEIGHTS = { fuzzy: 0.45, prefix: 0.375 };
const BM25 = { k: 1.2, b: 0.7, d: 0.5 };

/** One query term's scores, as MiniSearch's executeQuerySpec gives them: the documents in first-match order. */
interface TermScores {
  term: string;
  docs: number[];
  score: Float64Array;
}

/** A document's id (the index's idField) and score, as search() would return them. */
export interface ScoredDoc {
  id: unknown;
  score: number;
}

/**
 * The query's terms scored once, to be combined with AND and, if nothing matched all, with OR (search() would
 * look every term up again). Scores are bit for bit search()'s: the same BM25 expression, weights and order of
 * additions; what is left out is only what search() builds and this caller never reads (per-document match and
 * term lists, a result object per document, the sort of every result).
 */
export class QueryScores {
  private constructor(
    private readonly m: Internals,
    private readonly terms: TermScores[],
  ) {}

  /**
   * Undefined when the index's internals are not what this expects, or the options use something it does not
   * do (document or term boosts, a field list, another tokeniser): the caller then uses MiniSearch's search().
   */
  static of(ms: MiniSearch<never> | MiniSearch<unknown> | object, query: string, options: SearchOptions): QueryScores | undefined {
    const m = internals(ms);
    if (!m) return undefined;
    if (options.boostDocument || options.boostTerm || options.fields || options.tokenize || options.processTerm || options.filter) return undefined;
    const words = m._options
      .tokenize(query)
      .flatMap((t) => m._options.processTerm(t) ?? [])
      .filter((t): t is string => !!t);
    const terms = words.map((term, i) => scoreTerm(m, term, i, words, options));
    return new QueryScores(m, terms);
  }

  /** Every matching document with its score: for AND those matched by every term, for OR by any. */
  combine(combineWith: 'AND' | 'OR'): ScoredDoc[] {
    const { terms, m } = this;
    if (terms.length === 0) return [];
    const size = m._nextId;
    // Scores are added in the order MiniSearch's combinators add them: term by term, in query order.
    const total = new Float64Array(size);
    let docs: number[];
    if (combineWith === 'AND') {
      docs = terms[0]!.docs;
      for (const d of docs) total[d] = terms[0]!.score[d]!;
      for (const t of terms.slice(1)) {
        const kept: number[] = [];
        for (const d of t.docs) {
          if (total[d] === 0) continue;
          total[d] = total[d]! + t.score[d]!;
          kept.push(d);
        }
        // Documents this term did not match leave the combination.
        const inKept = new Uint8Array(size);
        for (const d of kept) inKept[d] = 1;
        for (const d of docs) if (!inKept[d]) total[d] = 0;
        docs = kept;
      }
    } else {
      docs = [];
      for (const t of terms) {
        for (const d of t.docs) {
          if (total[d] === 0) docs.push(d);
          total[d] = total[d]! + t.score[d]!;
        }
      }
    }
    const quality = this.quality(combineWith);
    return docs.map((d) => ({ id: m._documentIds.get(d), score: total[d]! * quality(d) }));
  }

  /** search()'s "quality": how many distinct query terms matched the document (a repeated word counts once). */
  private quality(combineWith: 'AND' | 'OR'): (d: number) => number {
    const distinct = [...new Set(this.terms.map((t) => t.term))];
    if (combineWith === 'AND') {
      const n = distinct.length || 1;
      return () => n;
    }
    if (distinct.length === 1) return () => 1;
    const count = new Uint16Array(this.m._nextId);
    const stamp = new Int32Array(this.m._nextId);
    distinct.forEach((term, k) => {
      for (const t of this.terms) {
        if (t.term !== term) continue;
        for (const d of t.docs) {
          if (stamp[d] === k + 1) continue;
          stamp[d] = k + 1;
          count[d]!++;
        }
      }
    });
    return (d) => count[d] || 1;
  }
}

/** MiniSearch's executeQuerySpec for one term: the exact term, then prefix completions, then fuzzy matches. */
function scoreTerm(m: Internals, term: string, i: number, terms: string[], options: SearchOptions): TermScores {
  const fuzzy = typeof options.fuzzy === 'function' ? options.fuzzy(term, i, terms) : (options.fuzzy ?? false);
  const prefix = typeof options.prefix === 'function' ? options.prefix(term, i, terms) : options.prefix === true;
  const weights = { ...WEIGHTS, ...options.weights };
  const bm25 = options.bm25 ?? BM25;
  const maxFuzzy = options.maxFuzzy ?? 6;
  const boosts = m._options.fields.map((field) => ({ fieldId: m._fieldIds[field]!, boost: ownProperty(options.boost, field) || 1 }));
  const out: TermScores = { term, docs: [], score: new Float64Array(m._nextId) };
  const add = (derived: FieldTermData | undefined, weight: number) => addPostings(m, out, derived, weight, boosts, bm25);
  add(m._index.get(term), 1);
  const prefixMatches = prefix ? m._index.atPrefix(term) : undefined;
  let fuzzyMatches: Map<string, [FieldTermData, number]> | undefined;
  if (fuzzy) {
    const f = fuzzy === true ? 0.2 : fuzzy;
    const maxDistance = f < 1 ? Math.min(maxFuzzy, Math.round(term.length * f)) : f;
    if (maxDistance) fuzzyMatches = m._index.fuzzyGet(term, maxDistance);
  }
  if (prefixMatches) {
    for (const [t, data] of prefixMatches) {
      const distance = t.length - term.length;
      if (!distance) continue;
      fuzzyMatches?.delete(t); // scored as a prefix match only
      add(data, (weights.prefix * t.length) / (t.length + 0.3 * distance));
    }
  }
  if (fuzzyMatches) {
    for (const [t, [data, distance]] of fuzzyMatches) {
      if (!distance) continue;
      add(data, (weights.fuzzy * t.length) / (t.length + distance));
    }
  }
  return out;
}

/**
 * Each document's field lengths in one flat array (short id * fields + field id), read once per index: the map of
 * arrays MiniSearch keeps costs a lookup per posting. Rebuilt when documents were added or removed since.
 */
const lengthCache = new WeakMap<Internals, { nextId: number; documentCount: number; fields: number; lengths: Float64Array }>();

function fieldLengths(m: Internals): { fields: number; lengths: Float64Array } {
  const cached = lengthCache.get(m);
  if (cached && cached.nextId === m._nextId && cached.documentCount === m._documentCount) return cached;
  const fields = Math.max(1, ...Object.values(m._fieldIds).map((id) => id + 1));
  const lengths = new Float64Array(m._nextId * fields);
  for (const [docId, ls] of m._fieldLength) for (let f = 0; f < fields; f++) lengths[docId * fields + f] = ls[f] ?? NaN;
  const entry = { nextId: m._nextId, documentCount: m._documentCount, fields, lengths };
  lengthCache.set(m, entry);
  return entry;
}

/** MiniSearch's termResults: BM25 per posting, the inverse document frequency worked out once per field. */
function addPostings(
  m: Internals,
  out: TermScores,
  data: FieldTermData | undefined,
  termWeight: number,
  boosts: { fieldId: number; boost: number }[],
  { k, b, d }: { k: number; b: number; d: number },
): void {
  if (!data) return;
  const totalCount = m._documentCount;
  const { score, docs } = out;
  const { fields, lengths } = fieldLengths(m);
  for (const { fieldId, boost } of boosts) {
    const freqs = data.get(fieldId);
    if (!freqs) continue;
    const matchingCount = freqs.size;
    const avgFieldLength = m._avgFieldLength[fieldId]!;
    const invDocFreq = Math.log(1 + (totalCount - matchingCount + 0.5) / (matchingCount + 0.5));
    // termWeight * termBoost (1) * fieldBoost * docBoost (1), in search()'s order.
    const weight = termWeight * 1 * boost * 1;
    for (const [docId, termFreq] of freqs) {
      const fieldLength = lengths[docId * fields + fieldId]!;
      const rawScore = invDocFreq * (d + (termFreq * (k + 1)) / (termFreq + k * (1 - b + (b * fieldLength) / avgFieldLength)));
      if (score[docId] === 0) docs.push(docId);
      score[docId] = score[docId]! + weight * rawScore;
    }
  }
}

function ownProperty(o: Record<string, number> | undefined, key: string): number | undefined {
  return o && Object.prototype.hasOwnProperty.call(o, key) ? o[key] : undefined;
}
