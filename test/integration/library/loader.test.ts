// The loader on damaged copies of the valid fixture: each defect is reported at its line, the rest still loads.
import { mkdir, readFile, symlink, writeFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Problem } from '../../../shared/model/library.js';
import { ParseCache } from '../../../main/services/library/cache.js';
import { loadLibrary } from '../../../main/services/library/load.js';
import { copyFixture, edit, tempDir } from '../../support/temp.js';

let lib: string;
let cleanup: () => Promise<void>;
beforeEach(async () => {
  const t = await tempDir();
  cleanup = t.cleanup;
  lib = await copyFixture('valid', t.dir, 'lib');
});
afterEach(() => cleanup());

const at = (p: Problem) => `${path.relative(lib, p.file)}:${p.line ?? '-'}`;
async function problems(options = {}) {
  return (await loadLibrary(lib, 'bundled', options)).problems;
}

describe('loadLibrary on damaged libraries', () => {
  it('{{value:ID}} on a fact without a value', async () => {
    await edit(path.join(lib, 'sections/context.md'), 'cooperation is younger.', 'cooperation is younger: {{value:euv-single-supplier}}.');
    const [p, ...rest] = await problems();
    expect(rest).toEqual([]);
    expect(at(p!)).toBe('sections/context.md:9');
    expect(p!.message).toContain('{{value:euv-single-supplier}} needs a number but fact "euv-single-supplier" has no value');
  });

  it('unknown technology and country ids in fact tags, at the line of the list', async () => {
    await edit(path.join(lib, 'facts/semiconductors.yaml'), 'technologies: [semiconductors]\n    countries: [japan]', 'technologies: [semiconductors, chips]\n    countries: [japan, atlantis]');
    const ps = await problems();
    expect(ps.map(at)).toEqual(['facts/semiconductors.yaml:15', 'facts/semiconductors.yaml:16']);
    expect(ps[0]!.message).toContain('fact "jp-chip-subsidy": tags.technologies[1] "chips" is not a known technology — use an id from technologies.yaml');
    expect(ps[1]!.message).toContain('tags.countries[1] "atlantis" is not a known country');
  });

  it('unknown ids in country and forum memberships', async () => {
    await edit(path.join(lib, 'countries.yaml'), 'forums: [quad]', 'forums: [quad, g77]');
    await edit(path.join(lib, 'forums.yaml'), 'members: [japan]', 'members: [japan, narnia]');
    await edit(path.join(lib, 'countries.yaml'), 'strengths: [semiconductors]\n', 'strengths: [semiconductors, fusion]\n');
    const ps = await problems();
    expect(ps.map((p) => `${at(p)} ${p.message.split(' — ')[0]}`)).toEqual([
      'countries.yaml:3 country "japan": forums[1] "g77" is not a known forum',
      'countries.yaml:10 country "netherlands": strengths[1] "fusion" is not a known technology',
      'forums.yaml:4 forum "quad": members[1] "narnia" is not a known country',
    ]);
  });

  it('unknown section tags and briefing-table technology', async () => {
    await edit(path.join(lib, 'sections/priorities/quantum.md'), 'technology: quantum', 'technology: warp-drive');
    const [p, ...rest] = await problems();
    expect(rest).toEqual([]);
    expect(at(p!)).toBe('sections/priorities/quantum.md:17');
    expect(p!.message).toContain('briefing-table technology "warp-drive" is not a known technology');
  });

  it('a typo in a reference is a warning, not an error', async () => {
    await edit(path.join(lib, 'sections/context.md'), 'cooperation is younger.', 'cooperation is younger {{fakt:jp-chip-subsidy}}.');
    const [p, ...rest] = await problems();
    expect(rest).toEqual([]);
    expect(p).toMatchObject({ severity: 'warning', line: 9 });
    expect(p!.message).toContain('"{{fakt:jp-chip-subsidy}}" is not a reference');
  });

  it('a reference over a line break is checked; on one line, reference errors come before brace typos', async () => {
    await edit(path.join(lib, 'sections/context.md'), 'cooperation is younger.', 'cooperation {{fakt:x}} is {{fact:\n  nope}} younger {{fact:gone}}.');
    const ps = await problems();
    expect(ps.map((p) => `${at(p)} ${p.severity} ${p.message.split(' — ')[0]}`)).toEqual([
      'sections/context.md:9 error section "biotech-context": {{fact:nope}} refers to an unknown fact "nope"',
      'sections/context.md:9 warning section "biotech-context": "{{fakt:x}}" is not a reference',
      'sections/context.md:10 error section "biotech-context": {{fact:gone}} refers to an unknown fact "gone"',
    ]);
  });

  it('a file that cannot be read (a broken link) is reported, the others still load', async () => {
    await symlink(path.join(lib, 'nowhere.yaml'), path.join(lib, 'facts/gone.yaml'));
    const result = await loadLibrary(lib);
    expect(result.problems.map(at)).toEqual(['facts/gone.yaml:-']);
    expect(result.problems[0]!.message).toBe('is a symbolic link to a file that does not exist — fix or remove the link');
    expect(result.library.facts.size).toBe(3);
  });

  it('a facts file that is not a list, and a section without front matter', async () => {
    await writeFile(path.join(lib, 'facts/map.yaml'), 'id: lonely\nstatement: not in a list\n');
    await writeFile(path.join(lib, 'sections/notes.md'), '# Just notes\n\nNo front matter here.\n');
    const ps = await problems();
    expect(ps.map(at)).toEqual(['facts/map.yaml:1', 'sections/notes.md:1']);
    expect(ps[0]!.message).toContain('expected a list of facts');
    expect(ps[1]!.message).toContain('must start with front matter between two "---" lines');
  });

  it('schema problems in front matter point into the front matter', async () => {
    await edit(path.join(lib, 'sections/context.md'), 'topic: context\nrevision: 1', 'topic: gossip\nrevision: 0');
    const ps = await problems();
    expect(ps.map((p) => `${at(p)} ${p.message}`)).toEqual([
      'sections/context.md:4 section "biotech-context": topic "gossip" is not one of: priorities, data, standards, organization, protection, context, framing',
      'sections/context.md:5 section "biotech-context": revision 0 is too small — a whole number from 1, raised on each substantive edit',
    ]);
  });

  it('a missing library.yaml is an error; the folder still loads', async () => {
    await rm(path.join(lib, 'library.yaml'));
    const result = await loadLibrary(lib);
    expect(result.problems.map((p) => p.message)).toEqual([expect.stringContaining('library.yaml is missing')]);
    expect(result.library.manifest.id).toBe('lib');
    expect(result.library.facts.size).toBe(3);
  });

  it('facts in a JSON file load, and their problems still have lines', async () => {
    const facts = [
      { id: 'json-ok', statement: 'A fact from JSON.', asOf: '2024-01', review: { maxAgeDays: 90 }, source: { title: 'T', publisher: 'P', date: '2024-01-01', url: 'https://example.org/j' } },
      { id: 'json-bad', statement: 'No source here.', asOf: '2024-01', review: { maxAgeDays: 90 } },
    ];
    await writeFile(path.join(lib, 'facts/extra.json'), JSON.stringify(facts, null, 2));
    const result = await loadLibrary(lib);
    expect(result.library.facts.get('json-ok')?.statement).toBe('A fact from JSON.');
    expect(result.problems.map((p) => `${at(p)} ${p.message.split(' — ')[0]}`)).toEqual(['facts/extra.json:16 fact "json-bad": source is missing']);
    expect(result.origins.facts.get('json-ok')?.line).toBe(2);
  });

  it('with a parse cache, an unchanged file is not parsed again and a changed one is', async () => {
    const cache = new ParseCache();
    await edit(path.join(lib, 'facts/quantum.yaml'), 'asOf: 2024-06-01', 'asOf: 2024-02-30');
    const first = await loadLibrary(lib, 'bundled', { cache });
    const second = await loadLibrary(lib, 'bundled', { cache });
    expect(second.problems).toEqual(first.problems);
    expect(second.problems.map(at)).toEqual(['facts/quantum.yaml:5']);
    // The cached items are the very objects of the first load: nothing was parsed again.
    expect(second.library.facts.get('jp-chip-subsidy')).toBe(first.library.facts.get('jp-chip-subsidy'));

    await edit(path.join(lib, 'facts/quantum.yaml'), 'asOf: 2024-02-30', 'asOf: 2024-02-29');
    const third = await loadLibrary(lib, 'bundled', { cache });
    expect(third.problems).toEqual([]);
    expect(third.library.facts.get('quantum-public-funding')?.asOf).toBe('2024-02-29');
  });

  it('a parse cache survives a save and reopen, and a corrupt cache file is ignored', async () => {
    const cacheFile = path.join(path.dirname(lib), 'cache.json');
    const cache = new ParseCache();
    const fresh = await loadLibrary(lib, 'bundled', { cache });
    await cache.save(cacheFile);
    const reopened = await ParseCache.open(cacheFile);
    const warm = await loadLibrary(lib, 'bundled', { cache: reopened });
    expect(warm.library.facts).toEqual(fresh.library.facts);
    expect(warm.library.sections).toEqual(fresh.library.sections);
    expect(warm.origins.facts.get('euv-single-supplier')?.line).toBe(19);

    await writeFile(cacheFile, '{ not json');
    const fromCorrupt = await loadLibrary(lib, 'bundled', { cache: await ParseCache.open(cacheFile) });
    expect(fromCorrupt.library.facts).toEqual(fresh.library.facts);
  });

  it('hidden files and other extensions in facts/ and sections/ are ignored', async () => {
    await mkdir(path.join(lib, 'sections/.drafts'));
    await writeFile(path.join(lib, 'sections/.drafts/x.md'), 'not a section');
    await writeFile(path.join(lib, 'facts/README.txt'), 'notes');
    await writeFile(path.join(lib, 'sections/.#context.md'), 'editor lock file');
    expect(await problems()).toEqual([]);
  });

  it('problem order is stable: by file, then line', async () => {
    await edit(path.join(lib, 'sections/context.md'), 'cooperation is younger.', '{{fact:nope-2}} cooperation is younger. {{fact:nope-1}}');
    await edit(path.join(lib, 'facts/quantum.yaml'), 'asOf: 2024-06-01', 'asOf: 2024-13-01');
    const ps = await problems();
    expect(ps.map(at)).toEqual(['facts/quantum.yaml:5', 'sections/context.md:9', 'sections/context.md:9']);
    expect(ps.map(at)).toEqual((await problems()).map(at));
    expect(await readFile(path.join(lib, 'facts/quantum.yaml'), 'utf8')).toContain('2024-13-01');
  });
});
