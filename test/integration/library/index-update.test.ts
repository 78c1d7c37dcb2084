// A persisted search index brought up to date after edits (discard + add of the changed documents) finds and ranks exactly as a new build.
import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LibraryService, type LibraryCacheOptions } from '../../../main/services/library-service.js';
import { LibraryIndex } from '../../../main/services/library/search.js';
import { loadLibrary } from '../../../main/services/library/load.js';
import { generateLibrary } from '../../bench/library.bench.js';
import { edit, tempDir } from '../../support/temp.js';

let lib: string;
let cacheDir: string;
let cleanup: () => Promise<void>;

beforeEach(async () => {
  const t = await tempDir('bb-indexupdate-');
  cleanup = t.cleanup;
  lib = path.join(t.dir, 'lib');
  cacheDir = path.join(t.dir, 'cache');
  await generateLibrary(lib, 600, 60);
});
afterEach(() => cleanup());

async function loaded(options: LibraryCacheOptions = {}): Promise<LibraryService> {
  const service = new LibraryService([{ dir: lib, kind: 'team', readOnly: true }], { appVersion: '1.0.0', ...options });
  await service.load();
  await service.settled();
  return service;
}

/** Words of the generated text (common and rare), typos, prefixes, body-only words, filters. */
const QUERIES: [string, object?][] = [
  ['semicondutor'],
  ['quantum computing'],
  ['japan'],
  ['allied cooperation'],
  ['lith'],
  ['karitoven salverdes'],
  ['edited statement zyxwq'],
  ['brandnewword'],
  ['export controls', { kinds: ['fact'] }],
  ['supply', { technology: 'ai' }],
  ['priorities', { kinds: ['section'] }],
  [''],
];
const results = (search: (q: string, f?: object) => unknown) => QUERIES.map(([q, f]) => search(q, f));

/** A few edits of every kind: a statement changed, a section body changed, a fact removed, one added. */
async function editLibrary(): Promise<void> {
  const facts = path.join(lib, 'facts/generated-001.yaml');
  await edit(facts, 'statement: >-\n    ', 'statement: >-\n    Edited statement zyxwq. ');
  const text = await readFile(facts, 'utf8');
  const second = text.indexOf('\n- id: ', 10);
  const third = text.indexOf('\n- id: ', second + 1);
  await writeFile(facts, text.slice(0, second) + text.slice(third)); // the second fact removed
  await writeFile(path.join(lib, 'facts/new.yaml'), text.slice(0, second).replace(/- id: (\S+)/, '- id: $1-new').replace('Edited statement zyxwq.', 'Brandnewword here.'));
  const topic = path.join(lib, 'sections', (await readdir(path.join(lib, 'sections')))[0]!);
  const section = path.join(topic, (await readdir(topic))[0]!);
  await writeFile(section, `${await readFile(section, 'utf8')}\nA paragraph about allied cooperation and brandnewword.\n`);
}

describe('a persisted index brought up to date', () => {
  it('gives the same results, scores and order as an index built anew, and is persisted for the next start', async () => {
    await loaded({ cacheDir, prepareSearch: true });
    await editLibrary();
    const updated = await loaded({ cacheDir, prepareSearch: true });
    expect(updated.cacheStats().index).toBe('updated');
    const plain = await loaded();
    expect(results((q, f) => updated.search(q, f))).toEqual(results((q, f) => plain.search(q, f)));
    expect(results((q) => updated.search(q)).flat().length).toBeGreaterThan(50);

    const next = await loaded({ cacheDir, prepareSearch: true });
    expect(next.cacheStats().index).toBe('persisted');
    expect(results((q, f) => next.search(q, f))).toEqual(results((q, f) => plain.search(q, f)));
  });

  it('the first search before the background preparation updates it at once, with the same results', async () => {
    await loaded({ cacheDir, prepareSearch: true });
    await editLibrary();
    const lazy = await loaded({ cacheDir });
    const plain = await loaded();
    expect(results((q, f) => lazy.search(q, f))).toEqual(results((q, f) => plain.search(q, f)));
    expect(lazy.cacheStats().index).toBe('updated');
  });

  it('LibraryIndex.updatedFromJSON equals a new build after edits, and refuses an index of another version', async () => {
    const before = (await loadLibrary(lib)).library;
    const json = new LibraryIndex(before).toJSON('1');
    await editLibrary();
    const after = (await loadLibrary(lib)).library;
    const updated = (await LibraryIndex.updatedFromJSON(after, json, '1'))!;
    const built = new LibraryIndex(after);
    expect(results((q, f) => updated.search(q, f))).toEqual(results((q, f) => built.search(q, f)));
    expect(await LibraryIndex.updatedFromJSON(after, json, '2')).toBeUndefined();
    expect(LibraryIndex.updatedFromJSONSync(after, json.replace('"docs":', '"nodocs":'), '1')).toBeUndefined();
  });
});
