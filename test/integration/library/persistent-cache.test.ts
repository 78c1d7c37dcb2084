// The persistent parse cache and search index (LibraryService's cacheDir): never change what is loaded or found.
import { mkdir, readFile, readdir, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LibraryService, type LibraryCacheOptions } from '../../../main/services/library-service.js';
import { pruneCacheFolder } from '../../../main/services/library/index-file.js';
import { generateLibrary } from '../../bench/library.bench.js';
import { edit, tempDir } from '../../support/temp.js';

let root: string;
let lib: string;
let cacheDir: string;
let cleanup: () => Promise<void>;

beforeEach(async () => {
  const t = await tempDir('bb-libcache-');
  root = t.dir;
  cleanup = t.cleanup;
  lib = path.join(root, 'lib');
  cacheDir = path.join(root, 'cache');
  await generateLibrary(lib, 400, 40);
  // Problems of both kinds: a schema error in a file (its line from the parse) and an unknown country (its
  // line looked up later, which after a cache hit means reading the file again).
  await edit(path.join(lib, 'facts/generated-000.yaml'), 'asOf: "20', 'asOf: "not-a-date", x: "20');
  await edit(path.join(lib, 'facts/generated-001.yaml'), 'countries: [', 'countries: [atlantis, ');
});
afterEach(() => cleanup());

async function loaded(options: LibraryCacheOptions = {}): Promise<LibraryService> {
  const service = new LibraryService([{ dir: lib, kind: 'team', readOnly: true }], { appVersion: '1.0.0', ...options });
  await service.load();
  await service.settled();
  return service;
}

const QUERIES = ['semicondutor', 'quantum computing', 'japan', 'allied cooperation', 'lith', 'karitoven salverdes', ''];

/** Everything a user can see of a load: items, problems with their lines, and search results with scores. */
function seen(service: LibraryService) {
  const lib = service.library();
  return {
    facts: lib.facts,
    sections: lib.sections,
    countries: lib.countries,
    problems: service.problems(),
    lines: [...service.loadResult().origins.facts.values()].slice(0, 50).map((o) => o.line),
    search: QUERIES.map((q) => service.search(q)),
  };
}

const cacheFiles = async () => (await readdir(cacheDir)).sort();

describe('LibraryService with a persistent cache', () => {
  it('loads and finds exactly what it does without a cache, from a cold cache and a warm one', async () => {
    const plain = seen(await loaded());
    // Two problems for the bad date (its pattern, the extra key), one for the unknown country.
    expect(plain.problems.map((p) => `${path.relative(lib, p.file)}:${p.line}`)).toEqual(['facts/generated-000.yaml:6', 'facts/generated-000.yaml:6', 'facts/generated-001.yaml:9']);

    const first = await loaded({ cacheDir, prepareSearch: true });
    expect(first.cacheStats()).toMatchObject({ notRead: 0, index: 'built' });
    expect(seen(first)).toEqual(plain);
    expect(await cacheFiles()).toEqual([expect.stringMatching(/\.index\.json$/), expect.stringMatching(/\.parse\.json$/)]);

    // A new process: nothing is read or parsed again, the index comes from its file.
    const second = await loaded({ cacheDir, prepareSearch: true });
    // Facts, sections, countries/forums/technologies, library.yaml, the app's four marking profiles; the cross-item
    // check's problems are reused too.
    expect(second.cacheStats()).toMatchObject({ notRead: 2 + 40 + 2 + 1 + 1 + 4, parsed: 0, checksReused: 1, index: 'persisted' });
    expect(seen(second)).toEqual(plain);

    // Without background preparation, the first search loads the persisted index itself.
    const lazy = await loaded({ cacheDir });
    expect(lazy.cacheStats().index).toBe('none');
    expect(seen(lazy)).toEqual(plain);
    expect(lazy.cacheStats().index).toBe('persisted');
  });

  it('with writeCaches false (a batch\'s helper thread) reads the caches and never writes them', async () => {
    const reference = seen(await loaded());
    const reader = await loaded({ cacheDir, writeCaches: false, prepareSearch: true });
    expect(seen(reader)).toEqual(reference);
    await reader.settled();
    await expect(readdir(cacheDir)).rejects.toMatchObject({ code: 'ENOENT' }); // nothing written, not even the folder

    await loaded({ cacheDir }); // the main thread writes them
    const written = await cacheFiles();
    const bytes = await Promise.all(written.map((n) => readFile(path.join(cacheDir, n))));
    const warm = await loaded({ cacheDir, writeCaches: false });
    expect(warm.cacheStats()).toMatchObject({ parsed: 0 });
    expect(seen(warm)).toEqual(reference);
    expect(await cacheFiles()).toEqual(written);
    expect(await Promise.all(written.map((n) => readFile(path.join(cacheDir, n))))).toEqual(bytes);
  });

  it('ignores caches from another app version, and rebuilds them', async () => {
    await loaded({ cacheDir, prepareSearch: true });
    const other = await loaded({ cacheDir, prepareSearch: true, appVersion: '2.0.0' });
    expect(other.cacheStats()).toMatchObject({ notRead: 0, index: 'built' });
    expect(seen(other)).toEqual(seen(await loaded()));
    const again = await loaded({ cacheDir, prepareSearch: true, appVersion: '2.0.0' });
    expect(again.cacheStats()).toMatchObject({ parsed: 0, index: 'persisted' });
  });

  it('ignores a truncated or corrupt cache file, and rebuilds it', async () => {
    const plain = seen(await loaded());
    await loaded({ cacheDir, prepareSearch: true });
    for (const name of await cacheFiles()) {
      const file = path.join(cacheDir, name);
      const text = await readFile(file, 'utf8');
      await writeFile(file, text.slice(0, Math.floor(text.length / 2)));
    }
    const truncated = await loaded({ cacheDir, prepareSearch: true });
    expect(truncated.cacheStats()).toMatchObject({ notRead: 0, index: 'built' });
    expect(seen(truncated)).toEqual(plain);
    expect((await loaded({ cacheDir, prepareSearch: true })).cacheStats()).toMatchObject({ parsed: 0, index: 'persisted' });

    for (const name of await cacheFiles()) await writeFile(path.join(cacheDir, name), name.endsWith('.index.json') ? 'x\n{"not":"an index"}' : '{"garbage":');
    const corrupt = await loaded({ cacheDir });
    expect(corrupt.cacheStats().notRead).toBe(0);
    expect(seen(corrupt)).toEqual(plain);
    expect(corrupt.cacheStats().index).toBe('built');
  });

  it('reads a file changed since the cache was written (same size too) and finds its new text', async () => {
    await loaded({ cacheDir, prepareSearch: true });
    const section = path.join(lib, 'sections', (await readdir(path.join(lib, 'sections')))[0]!);
    const file = path.join(section, (await readdir(section))[0]!);
    const before = await readFile(file, 'utf8');
    const id = /^id: (.+)$/m.exec(before)![1]!;
    // The same number of bytes, so only the stat's times (and the content hash) can tell.
    const title = /^title: "(.+)"$/m.exec(before)![1]!;
    const renamed = 'Zyxwvut'.padEnd(title.length, 'q').slice(0, title.length);
    await edit(file, `title: "${title}"`, `title: "${renamed}"`);

    const after = await loaded({ cacheDir, prepareSearch: true });
    expect(after.cacheStats()).toMatchObject({ parsed: 1, index: 'updated' });
    expect(after.library().sections.get(id)?.title).toBe(renamed);
    expect(after.search('zyxwvut')[0]).toMatchObject({ kind: 'section', id });
    expect(seen(after)).toEqual(seen(await loaded()));
  });

  it('checks references again when another file changes what they point at, and reuses the check only for the same contents', async () => {
    await loaded({ cacheDir });
    // A fact a section cites is removed: the section's file is unchanged, its reference is now unknown.
    const sectionDir = path.join(lib, 'sections', (await readdir(path.join(lib, 'sections')))[0]!);
    const sectionText = await readFile(path.join(sectionDir, (await readdir(sectionDir))[0]!), 'utf8');
    const cited = /\{\{cite:([a-z-]+-fact-(\d+))\}\}/.exec(sectionText)!;
    const factFile = path.join(lib, 'facts', `generated-${String(Math.floor(Number(cited[2]) / 200)).padStart(3, '0')}.yaml`);
    const original = await readFile(factFile, 'utf8');
    await edit(factFile, `- id: ${cited[1]}\n`, `- id: ${cited[1]}-gone\n`);
    const changed = await loaded({ cacheDir });
    // The set of facts changed: every file is checked again, none comes from the memo.
    expect(changed.cacheStats()).toMatchObject({ parsed: 1, checksReused: 0, filesChecked: 2 + 40 + 2 });
    expect(changed.problems()).toEqual((await loaded()).problems());
    expect(changed.problems().some((p) => p.message.includes(`unknown fact "${cited[1]}"`))).toBe(true);

    // The original contents back (the cache kept only the files as they were at the last load): checked again…
    await writeFile(factFile, original);
    const back = await loaded({ cacheDir });
    expect(back.cacheStats()).toMatchObject({ parsed: 1, checksReused: 0 });
    expect(back.problems()).toEqual((await loaded()).problems());
    // …and the next start, with nothing changed, reuses the check of exactly these contents.
    const again = await loaded({ cacheDir });
    expect(again.cacheStats()).toMatchObject({ notRead: 2 + 40 + 2 + 1 + 1 + 4, checksReused: 1 });
    expect(again.problems()).toEqual(back.problems());

    // A file touched but not changed is read and hashed, not parsed, and the check is still the same one.
    await utimes(factFile, new Date(), new Date(Date.now() + 5000));
    const touched = await loaded({ cacheDir });
    expect(touched.cacheStats()).toMatchObject({ notRead: 2 + 40 + 2 + 1 + 1 + 4 - 1, parsed: 0, checksReused: 1 });
  });

  it('checks a changed file\'s references (its own new problem, the other files\' problems kept) as a load without a cache does', async () => {
    await loaded({ cacheDir });
    const sectionDir = path.join(lib, 'sections', (await readdir(path.join(lib, 'sections')))[0]!);
    const file = path.join(sectionDir, (await readdir(sectionDir))[0]!);
    await writeFile(file, `${await readFile(file, 'utf8')}\nSee {{fact:no-such-fact}} and {{nonsense}}.\n`);
    const changed = await loaded({ cacheDir });
    // Only the changed file is checked; the other 2 + 40 + 2 files' problems come from the memo.
    expect(changed.cacheStats()).toMatchObject({ parsed: 1, checksReused: 0, filesChecked: 1 });
    const plain = (await loaded()).problems();
    expect(changed.problems()).toEqual(plain);
    expect(plain.filter((p) => p.file === file).map((p) => p.message)).toEqual([expect.stringMatching(/unknown fact "no-such-fact"/), expect.stringMatching(/"\{\{nonsense\}\}" is not a reference/)]);
    // A second edit of the same file, back to no problem: the memo of its earlier content is not used for the new one.
    await edit(file, ' and {{nonsense}}', '');
    await edit(file, '{{fact:no-such-fact}}', 'nothing');
    expect((await loaded({ cacheDir })).problems()).toEqual((await loaded()).problems());
  });

  it('keeps a problem and its line when the broken file comes from the cache', async () => {
    const plain = (await loaded()).problems();
    await loaded({ cacheDir });
    const cached = await loaded({ cacheDir });
    expect(cached.cacheStats().parsed).toBe(0);
    expect(cached.problems()).toEqual(plain);
    expect(plain.find((p) => p.file.endsWith('generated-001.yaml'))?.message).toMatch(/atlantis/);
  });
});

describe('the cache folder', () => {
  it('keeps the caches of the 8 sets of libraries used last, and the current one', async () => {
    await mkdir(cacheDir, { recursive: true });
    const id = (n: number) => n.toString(16).padStart(16, '0');
    for (let n = 0; n < 12; n++) {
      for (const kind of ['parse', 'index']) {
        const file = path.join(cacheDir, `library-${id(n)}.${kind}.json`);
        await writeFile(file, '{}');
        await utimes(file, 1_000_000 + n, 1_000_000 + n);
      }
    }
    await writeFile(path.join(cacheDir, 'other.json'), '{}');
    await pruneCacheFolder(cacheDir, id(0));
    const left = new Set((await cacheFiles()).map((n) => n.split('.')[0]));
    expect([...left].sort()).toEqual(['library-' + id(0), ...[5, 6, 7, 8, 9, 10, 11].map((n) => `library-${id(n)}`), 'other']);
  });
});
