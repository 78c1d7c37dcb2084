// LibraryIndex on the valid fixture: field boosts, typos, prefixes, filters, empty queries, body-only matches.
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Library } from '../../../shared/model/library.js';
import { loadLibrary } from '../../../main/services/library/load.js';
import { LibraryIndex } from '../../../main/services/library/search.js';
import { indexJSON } from '../../../main/services/library/index-json.js';
import MiniSearch from 'minisearch';

const VALID = fileURLToPath(new URL('../../fixtures/libraries/valid/', import.meta.url));
let library: Library;
let index: LibraryIndex;
beforeAll(async () => {
  ({ library } = await loadLibrary(VALID));
  index = new LibraryIndex(library);
});
const ids = (q: string, f = {}) => index.search(q, f).map((r) => `${r.kind}:${r.id}`);

describe('LibraryIndex', () => {
  it('a technology name finds its priorities section first', () => {
    expect(ids('semiconductor')[0]).toBe('section:semiconductors-priorities');
    expect(ids('quantum')[0]).toBe('section:quantum-priorities');
  });

  it('forgives typos (fuzzy 0.2) and completes the last word (prefix)', () => {
    expect(ids('semicondutor')[0]).toBe('section:semiconductors-priorities');
    expect(ids('quantm')[0]).toBe('section:quantum-priorities');
    expect(ids('biotechnlogy')[0]).toBe('section:biotech-context');
    expect(ids('lithog')).toContain('fact:euv-single-supplier');
  });

  it('results carry kind, id, title, snippet and a descending score', () => {
    const results = index.search('japan');
    expect(results[0]).toMatchObject({ kind: 'country', id: 'japan', title: 'Japan', snippet: 'Strengths: Semiconductors, Quantum technologies' });
    const scores = results.map((r) => r.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    const fact = index.search('ultraviolet')[0]!;
    expect(fact).toMatchObject({ kind: 'fact', id: 'euv-single-supplier', title: 'Extreme ultraviolet lithography tools come from a single supplier.' });
    expect(fact.snippet).toBe('Example Research, Lithography market overview (as of 2024-01-15)');
  });

  it('all words must match when some item matches them all', () => {
    // The fact has both words in its statement and tags; the section has both in its body, so it comes after.
    expect(ids('japan chip')).toEqual(['fact:jp-chip-subsidy', 'section:semiconductors-priorities']);
    expect(ids('japan chip', { limit: 1 })).toEqual(['fact:jp-chip-subsidy']);
    // No item has both: fall back to items matching either, best first.
    expect(ids('lithography biotechnology').length).toBeGreaterThan(1);
  });

  it('words only found in a section body still find it, below title and statement matches', () => {
    expect(ids('testbeds')).toEqual(['section:quantum-priorities']);
    const specialise = index.search('specialise');
    expect(specialise.map((r) => r.id)).toEqual(['semiconductors-priorities']);
  });

  it('filters by kind, topic, technology and country', () => {
    expect(ids('semiconductors', { kinds: ['fact'] }).every((id) => id.startsWith('fact:'))).toBe(true);
    expect(ids('', { topic: 'priorities' })).toEqual(['section:quantum-priorities', 'section:semiconductors-priorities']);
    expect(ids('', { kinds: ['fact'], technology: 'semiconductors', country: 'japan' })).toEqual(['fact:jp-chip-subsidy']);
    expect(ids('', { kinds: ['forum'], country: 'japan' })).toEqual(['forum:quad']);
    // The Netherlands is strong in semiconductors only, Japan in two technologies: the more specific ranks first.
    expect(ids('semiconductor', { kinds: ['country'] })).toEqual(['country:netherlands', 'country:japan']);
  });

  it('stop words and reference markers are not searchable words', () => {
    expect(ids('the')).toEqual([]);
    expect(ids('cite')).toEqual([]);
  });

  it('respects the limit', () => {
    expect(index.search('', { limit: 2 })).toHaveLength(2);
  });
});

describe('indexJSON', () => {
  it('writes exactly what MiniSearch toJSON gives, so loadJSON reads it back', () => {
    const ms = new MiniSearch<{ i: number; t: string; u: string }>({ idField: 'i', fields: ['t', 'u'], storeFields: ['u'] });
    ms.addAll([
      { i: 0, t: 'allied chips export', u: 'one' },
      { i: 1, t: 'quantum export controls', u: 'two' },
      { i: 2, t: 'chips chips', u: 'three' },
    ]);
    ms.discard(1); // dirt and a gap in the ids are serialised too
    expect(indexJSON(ms)).toBe(JSON.stringify(ms));
    expect(MiniSearch.loadJSON(indexJSON(ms), { idField: 'i', fields: ['t', 'u'] }).search('chips').map((r) => r.id)).toEqual([2, 0]);
  });
});
