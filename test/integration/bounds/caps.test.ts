// The caps themselves: JSON depth found by the linear scan, library strings refused by field in a real folder, search queries refused before matching.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findTooDeep, MAX_JSON_DEPTH } from '../../../shared/model/json-depth.js';
import { parseBriefJson } from '../../../shared/model/parse-brief.js';
import { LibraryIndex, MAX_QUERY_CHARS, SearchQueryError } from '../../../main/services/library/search.js';
import { LibraryService } from '../../../main/services/library-service.js';
import { loadLibrary } from '../../../main/services/library/load.js';
import { BUNDLED } from '../../support/temp.js';
import { useTempDir } from '../../support/hooks.js';
import { briefText, deepUnknownFieldBrief, longQuery } from './inputs.js';

describe('JSON depth scan', () => {
  it('counts objects and lists, not brackets inside strings, and names the top-level field, line and column', () => {
    expect(findTooDeep('{"a": "[[[[[[[[[[[[", "b": [1]}', 3)).toBeNull();
    expect(findTooDeep('{"a": "x\\"[[[[", "b": [[1]]}', 3)).toBeNull();
    expect(findTooDeep('{"a": 1,\n  "deep": [[[1]]]}', 3)).toEqual({ line: 2, column: 13, field: 'deep' });
    expect(findTooDeep('[[[[', 3)).toEqual({ line: 1, column: 4, field: '' });
  });

  it('a brief at the limit parses; one level more is refused with the field', () => {
    // The brief itself nests 1 (root) + the extra field's objects.
    expect(() => parseBriefJson(deepUnknownFieldBrief(MAX_JSON_DEPTH - 2), 'ok.brief')).not.toThrow();
    expect(() => parseBriefJson(deepUnknownFieldBrief(MAX_JSON_DEPTH), 'deep.brief')).toThrow(
      /^deep\.brief: "extra" nests more than 64 levels deep at line 1, column \d+; a brief is never that deep/,
    );
    expect(() => parseBriefJson(briefText(), 'plain.brief')).not.toThrow();
  });
});

describe('library string caps', () => {
  const dir = useTempDir('bb-caps-');

  it('a 20,000-character statement and a 2,000-character name are problems naming the file, the item and the field', async () => {
    const lib = path.join(dir(), 'lib');
    await mkdir(path.join(lib, 'facts'), { recursive: true });
    await writeFile(path.join(lib, 'library.yaml'), 'id: caps\nname: Caps\nversion: "1"\n');
    const fact = (id: string, statement: string) =>
      `- id: ${id}\n  statement: ${statement}\n  asOf: 2026-01-01\n  review:\n    by: 2030-01-01\n  source:\n    title: T\n    publisher: P\n    date: 2026-01-01\n    url: https://example.org/x\n`;
    await writeFile(path.join(lib, 'facts/big.yaml'), fact('huge', 'x'.repeat(20_000)) + fact('fine', 'A short statement.'));
    await writeFile(path.join(lib, 'technologies.yaml'), `- id: t1\n  name: ${'n'.repeat(2_000)}\n  priority: core\n`);
    const { library, problems } = await loadLibrary(lib);
    const messages = problems.map((p) => `${path.relative(lib, p.file)}:${p.line ?? '-'} ${p.message}`);
    expect(messages).toHaveLength(2);
    expect(messages[0]).toMatch(/^facts\/big\.yaml:\d+ fact "huge": statement "x+\.\.\.": is longer than 10,000 characters, the most this field may hold; shorten it( — .*)?$/);
    expect(messages[1]).toMatch(/^technologies\.yaml:\d+ .*name "n+\.\.\.": is longer than 1,000 characters/);
    expect([...library.facts.keys()]).toEqual(['fine']);
  });
});

describe('search query cap', () => {
  it('LibraryIndex and LibraryService refuse a query past the cap in one line; at the cap it searches', async () => {
    const service = new LibraryService([{ dir: BUNDLED, kind: 'bundled', readOnly: true }]);
    await service.load();
    const index = new LibraryIndex(service.library());
    expect(() => index.search(longQuery(MAX_QUERY_CHARS + 1))).toThrow(SearchQueryError);
    expect(() => service.search(longQuery(120_000))).toThrow('the search is 120,000 characters long; a search is at most 500 characters — search for a few words');
    expect(Array.isArray(index.search(longQuery(MAX_QUERY_CHARS)))).toBe(true);
    expect(service.search('semiconductor').length).toBeGreaterThan(0);
  });
});
