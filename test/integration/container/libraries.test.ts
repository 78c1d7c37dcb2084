// Library channels through dispatch on real temp folders: personal facts and sections, team libraries, clashes.
import { cp, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useApp } from '../../support/hooks.js';
import { factInput } from '../../support/items.js';
import { fixture } from '../../support/temp.js';

const app = useApp();
const call: ReturnType<typeof app>['call'] = (method, ...args) => app().call(method, ...args);
const userData = () => app().userDataDir;

const fact = factInput;

describe('library channels', () => {
  it('mounts bundled and personal libraries at start, the personal one created empty', async () => {
    const { libraries, notices } = await call('listLibraries');
    expect(notices).toEqual([]);
    expect(libraries.map((l) => [l.id, l.kind, l.readOnly])).toEqual([
      ['bundled', 'bundled', true],
      ['personal', 'personal', false],
    ]);
    expect(libraries[0]!.sections).toBeGreaterThan(10);
    expect(libraries[1]).toMatchObject({ name: 'Personal library', sections: 0, facts: 0, problemCount: 0 });
  });

  it('saves a personal fact: listed with its provenance, found by search, cited by a brief without warnings', async () => {
    expect(await call('saveLibraryFact', fact())).toEqual({ ok: true });
    const facts = await call('listFacts');
    expect(facts.find((f) => f.fact.id === 'my-chip-fact')?.source).toMatchObject({ kind: 'personal', libraryId: 'personal' });
    expect(facts.find((f) => f.fact.id !== 'my-chip-fact')?.source?.kind).toBe('bundled');
    const hits = await call('searchLibrary', 'allied chip fabs', { kinds: ['fact'] });
    expect(hits.map((h) => h.id)).toContain('my-chip-fact');

    const meta = { id: 'my-fabs', title: 'Fabs under construction', topic: 'priorities' };
    expect(await call('saveLibrarySection', meta, 'Allied fabs are being built.{{cite:my-chip-fact}}\n')).toEqual({ ok: true });
    const sections = await call('listSections');
    expect(sections.find((s) => s.id === 'my-fabs')?.source?.kind).toBe('personal');
    expect(await call('editableSection', 'my-fabs')).toMatchObject({ meta: { ...meta, revision: 1 }, body: 'Allied fabs are being built.{{cite:my-chip-fact}}\n' });

    const brief = await call('assembleBrief', { title: 'Fabs', template: 'issue-brief', date: '2026-11-25', sectionIds: ['my-fabs'] });
    const composed = await call('composeBrief', brief);
    expect(composed.warnings).toEqual([]);
    const overview = await call('listLibraries');
    expect(overview.libraries[1]).toMatchObject({ sections: 1, facts: 1, problemCount: 0 });
  });

  it('answers an invalid fact with field errors and writes nothing', async () => {
    const result = await call('saveLibraryFact', fact({ id: 'Bad Id', asOf: '2026-13-01', source: { title: '', publisher: 'x', date: '2026-01-01', url: 'not a url' } }));
    if (result.ok) throw new Error('an invalid fact was saved');
    expect(result.errors.map((e) => e.field).sort()).toEqual(['asOf', 'id', 'source.title', 'source.url']);
    expect(result.errors.every((e) => e.message.length > 0)).toBe(true);
    expect(await readdir(path.join(userData(), 'library'))).toEqual(['library.yaml']);
  });

  it('refuses a personal fact whose id another library defines, naming the field', async () => {
    const facts = await call('listFacts');
    const result = await call('saveLibraryFact', fact({ id: facts[0]!.fact.id }));
    expect(result).toMatchObject({ ok: false, errors: [{ field: 'id' }] });
  });

  it('edits and deletes personal items', async () => {
    await call('saveLibraryFact', fact());
    expect(await call('saveLibraryFact', fact({ statement: 'Now thirteen fabs.' }))).toEqual({ ok: true });
    const text = await readFile(path.join(userData(), 'library', 'facts', 'personal.yaml'), 'utf8');
    expect(text).toContain('Now thirteen fabs.');
    expect(text.match(/id: my-chip-fact/g)).toHaveLength(1);
    expect(await call('deleteLibraryFact', 'my-chip-fact')).toEqual({ deleted: true });
    expect(await call('deleteLibraryFact', 'my-chip-fact')).toEqual({ deleted: false });
    const facts = await call('listFacts');
    expect(facts.some((f) => f.fact.id === 'my-chip-fact')).toBe(false);
  });

  it('adds a team library through the folder dialog, toggles it read-write and removes it', async () => {
    const team = path.join(app().root, 'team-share');
    await cp(fixture('valid'), team, { recursive: true });
    app().dialogs.folders.push(team);
    const added = await call('addTeamLibrary');
    if (added.status !== 'added') throw new Error('the team library was not added');
    expect(added.library).toMatchObject({ kind: 'team', readOnly: true, writable: false, name: 'Valid fixture library' });
    expect(added.library.id).toMatch(/^team-[0-9a-f]{16}$/);
    expect(JSON.stringify(await call('listLibraries'))).not.toContain(app().root);
    const sections = await call('listSections');
    expect(sections.find((s) => s.id === 'quantum-priorities')?.source).toEqual({ kind: 'team', name: 'Valid fixture library', libraryId: added.library.id });

    await call('setTeamLibraryReadOnly', added.library.id, false);
    let overview = await call('listLibraries');
    expect(overview.libraries[2]).toMatchObject({ id: added.library.id, readOnly: false, writable: true });
    expect(JSON.parse(await readFile(path.join(userData(), 'settings.json'), 'utf8')).teamLibraries).toEqual([{ dir: team, readOnly: false }]);

    await call('removeTeamLibrary', added.library.id);
    overview = await call('listLibraries');
    expect(overview.libraries.map((l) => l.kind)).toEqual(['bundled', 'personal']);
    expect((await call('listSections')).some((s) => s.id === 'quantum-priorities')).toBe(false);
    await expect(call('removeTeamLibrary', added.library.id)).rejects.toThrow(/no longer mounted/);
  });

  it('cancelling the folder dialog changes nothing; a folder without library.yaml is refused with a message', async () => {
    expect(await call('addTeamLibrary')).toEqual({ status: 'canceled' });
    const notALibrary = path.join(app().root, 'plain');
    await mkdir(notALibrary);
    app().dialogs.folders.push(notALibrary);
    await expect(call('addTeamLibrary')).rejects.toThrow(/no library\.yaml/);
    expect((await call('listLibraries')).libraries).toHaveLength(2);
  });

  it('reports a team section clashing with a bundled id as a problem of the team library and keeps the bundled one', async () => {
    const bundled = await call('listSections');
    const taken = bundled[0]!;
    const team = path.join(app().root, 'team');
    await mkdir(path.join(team, 'sections'), { recursive: true });
    await writeFile(path.join(team, 'library.yaml'), 'id: team-x\nname: Team X\nversion: "1"\n');
    await writeFile(path.join(team, 'sections', 'clash.md'), `---\nid: ${taken.id}\ntitle: Our own take\ntopic: context\nrevision: 1\n---\nText.\n`);
    app().dialogs.folders.push(team);
    await call('addTeamLibrary');
    const overview = await call('listLibraries');
    const info = overview.libraries.find((l) => l.kind === 'team')!;
    expect(info).toMatchObject({ name: 'Team X', sections: 0, problemCount: 1 });
    expect(info.problems[0]).toMatch(new RegExp(`^sections/clash\\.md:\\d+: section "${taken.id}" is already defined by library "bundled" \\(sections/`));
    expect(info.problems[0]).not.toContain(app().root);
    const after = await call('listSections');
    expect(after.find((s) => s.id === taken.id)).toMatchObject({ title: taken.title, source: { kind: 'bundled' } });
  });

  it('reloads libraries changed outside the app (a git pull in a team folder)', async () => {
    const team = path.join(app().root, 'team-share');
    await cp(fixture('valid'), team, { recursive: true });
    app().dialogs.folders.push(team);
    await call('addTeamLibrary');
    await writeFile(path.join(team, 'sections', 'pulled.md'), '---\nid: pulled-in\ntitle: Pulled in\ntopic: context\nrevision: 1\n---\nFrom a colleague.\n');
    expect((await call('listSections')).some((x) => x.id === 'pulled-in')).toBe(false);
    const overview = await call('reloadLibraries');
    expect(overview.libraries[2]!.sections).toBe(4);
    expect((await call('listSections')).some((x) => x.id === 'pulled-in')).toBe(true);
  });

  it('refuses form payloads of the wrong shape at the channel (strict objects, bounded strings)', async () => {
    const refused = { ok: false, error: { message: expect.stringMatching(/^invalid arguments/) } };
    expect(await app().envelope('saveLibraryFact', { ...fact(), extra: 1 })).toMatchObject(refused);
    expect(await app().envelope('saveLibraryFact', fact({ statement: 'x'.repeat(5000) }))).toMatchObject(refused);
    expect(await app().envelope('removeTeamLibrary', '')).toMatchObject(refused);
  });
});
