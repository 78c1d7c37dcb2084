// QueryScores gives exactly MiniSearch's search() results and scores (AND and OR) on the app's own index options.
import path from 'node:path';
import MiniSearch, { type AsPlainObject } from 'minisearch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QueryScores } from '../../../main/services/library/index-score.js';
import { loadLibrary } from '../../../main/services/library/load.js';
import { INDEX_OPTIONS, LibraryIndex } from '../../../main/services/library/search.js';
import { generateLibrary } from '../../bench/library.bench.js';
import { tempDir } from '../../support/temp.js';

let main: MiniSearch;
let bodies: MiniSearch;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  const t = await tempDir('bb-indexscore-');
  cleanup = t.cleanup;
  const dir = path.join(t.dir, 'lib');
  await generateLibrary(dir, 800, 80);
  const { library } = await loadLibrary(dir);
  // The indexes as the app loads them from its persisted file (and as a new build scores them: index-update.test).
  const json = JSON.parse(new LibraryIndex(library).toJSON()) as { main: AsPlainObject; bodies: AsPlainObject };
  main = MiniSearch.loadJS(json.main, INDEX_OPTIONS.main as never);
  bodies = MiniSearch.loadJS(json.bodies, INDEX_OPTIONS.bodies as never);
}, 60_000);
afterAll(() => cleanup());

/** Common and rare words, typos (fuzzy), prefixes of the last word, repeats, stop words, punctuation, no match. */
const QUERIES = [
  'semiconductor', 'semicondutor', 'quantm', 'quan', 'semi', 'cloud', 'tech', 'netw', 'japan', 'ai', 'eu', 'the',
  'quantum computing', 'export controls', 'supply chain security', 'allied cooperation semiconductors',
  'data data', 'data flows data', 'security, privacy', 'karitoven salverdes', 'salverdes', 'kari', 'lith',
  'zzzzqqq', 'semiconductor zzzzqqq', 'the and of', '', '  ', 'standards-bodies', 'Investment SCREENING',
];

/** search()'s results as id -> score, for comparing sets whatever the order among equal scores. */
const bySearch = (ms: MiniSearch, q: string, combineWith: 'AND' | 'OR') => new Map(ms.search(q, { combineWith }).map((r) => [r.id as unknown, r.score]));
const byScores = (ms: MiniSearch, q: string, combineWith: 'AND' | 'OR') =>
  new Map(QueryScores.of(ms, q, INDEX_OPTIONS.search)!.combine(combineWith).map((r) => [r.id, r.score]));

describe('QueryScores', () => {
  for (const [name, index, atLeast] of [['main', () => main, 1000], ['bodies', () => bodies, 300]] as const) {
    it(`matches search() document for document and score for score (${name} index)`, () => {
      let matched = 0;
      for (const q of QUERIES) {
        for (const c of ['AND', 'OR'] as const) {
          const expected = bySearch(index(), q, c);
          expect(byScores(index(), q, c), `${c} "${q}"`).toEqual(expected);
          matched += expected.size;
        }
      }
      // The comparison is about real matches, not empty lists.
      expect(matched).toBeGreaterThan(atLeast);
    });
  }

  it('declines an index with discarded documents not yet vacuumed (search() scores around them)', () => {
    const ms = new MiniSearch<{ i: number; t: string }>({ idField: 'i', fields: ['t'] });
    ms.addAll([{ i: 0, t: 'chips export' }, { i: 1, t: 'chips' }]);
    expect(QueryScores.of(ms, 'chips', {})).toBeDefined();
    ms.discard(1);
    expect(QueryScores.of(ms, 'chips', {})).toBeUndefined();
  });

  it('declines options it does not implement', () => {
    expect(QueryScores.of(main, 'chips', { ...INDEX_OPTIONS.search, boostDocument: () => 2 })).toBeUndefined();
  });
});
