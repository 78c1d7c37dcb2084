// buildIndex must give exactly the index MiniSearch's own add() builds: same terms in the same order, counts, lengths, averages.
import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../../main/services/library/index-build.js';
import { loadLibrary } from '../../../main/services/library/load.js';
import { generateLibrary } from '../../bench/library.bench.js';
import { tempDir } from '../../integration/library/helpers.js';

const STOP = new Set(['the', 'of', 'and']);
const processTerm = (t: string) => {
  const x = t.toLowerCase();
  return x.length < 2 || STOP.has(x) ? null : x;
};

function both<T extends object>(docs: T[], idField: string, fields: string[]) {
  const options = { idField, fields, processTerm };
  const added = new MiniSearch<T>({ ...options, storeFields: [] });
  added.addAll(docs);
  return { added, built: buildIndex(docs, options) };
}

describe('buildIndex', () => {
  it('equals add() on hand-made documents: empty fields, punctuation, repeated and stop words, string ids', () => {
    const docs = [
      { id: 'x', title: '', text: 'The chips, the chips — and more chips!' },
      { id: 'y', title: 'Chips of Japan', text: 'Japan: 3.9 trillion (2023); co-operation…' },
      { id: 'z', title: 'Ünïcode wörds', text: '  leading and trailing  ' },
    ];
    const { added, built } = both(docs, 'id', ['title', 'text']);
    expect(JSON.stringify(built)).toBe(JSON.stringify(added));
    expect(built.search('chips japan', { fuzzy: 0.2, prefix: true })).toEqual(added.search('chips japan', { fuzzy: 0.2, prefix: true }));
  });

  it('equals add() on a generated library (facts and section bodies)', async () => {
    const { dir, cleanup } = await tempDir('bb-index-');
    try {
      await generateLibrary(dir, 400, 60);
      const { library } = await loadLibrary(dir);
      const facts = [...library.facts.values()].map((f, i) => ({ i, tags: f.tags.technologies.join(' '), text: `${f.statement} ${f.source.title}` }));
      const sections = [...library.sections.values()].map((s, i) => ({ i: i * 2 + 1, body: s.body }));
      for (const { added, built } of [both(facts, 'i', ['tags', 'text']), both(sections, 'i', ['body'])]) {
        expect(JSON.stringify(built)).toBe(JSON.stringify(added));
      }
    } finally {
      await cleanup();
    }
  });
});
