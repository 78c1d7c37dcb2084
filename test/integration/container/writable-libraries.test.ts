// Saving into a chosen writable library through dispatch: a team folder set read-write takes facts and sections; others refuse.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useApp } from '../../support/hooks.js';
import { factInput } from '../../support/items.js';
import { teamFolder } from '../../support/temp.js';

const app = useApp();

const fact = factInput({ id: 'team-fab-count', statement: 'The team counted eleven allied fabs.' });

/** Mounts a fresh team folder through the folder dialog; returns its folder and opaque id. */
async function addTeam(name: string): Promise<{ dir: string; id: string }> {
  const dir = await teamFolder(app().root, name);
  app().dialogs.folders.push(dir);
  const added = await app().call('addTeamLibrary');
  if (added.status !== 'added') throw new Error('the team library was not added');
  return { dir, id: added.library.id };
}

describe('save and delete into a writable library', () => {
  it('saves a fact and a section into a team library set read-write: real files, listed with the team as source', async () => {
    const { call } = app();
    const team = await addTeam('team-share');
    await call('setTeamLibraryReadOnly', team.id, false);
    expect((await call('listLibraries')).libraries.find((l) => l.id === team.id)).toMatchObject({ readOnly: false, writable: true });

    expect(await call('saveLibraryFact', fact, team.id)).toEqual({ ok: true });
    const written = await readFile(path.join(team.dir, 'facts', 'team.yaml'), 'utf8');
    expect(written).toContain('id: team-fab-count');
    expect(written).toContain('The team counted eleven allied fabs.');
    expect((await call('listFacts')).find((f) => f.fact.id === fact.id)?.source).toMatchObject({ kind: 'team', libraryId: team.id, name: 'team-share' });
    // Nothing went to the personal library.
    expect(await readdir(path.join(app().userDataDir, 'library'))).toEqual(['library.yaml']);

    const meta = { id: 'team-fabs', title: 'Team view on fabs', topic: 'priorities' };
    expect(await call('saveLibrarySection', meta, 'Eleven fabs.{{cite:team-fab-count}}\n', team.id)).toEqual({ ok: true });
    expect(await readFile(path.join(team.dir, 'sections', 'priorities', 'team-fabs.md'), 'utf8')).toContain('title: Team view on fabs');
    expect((await call('listSections')).find((s) => s.id === 'team-fabs')?.source?.libraryId).toBe(team.id);

    expect(await call('deleteLibrarySection', 'team-fabs', team.id)).toEqual({ deleted: true });
    expect(await call('deleteLibraryFact', 'team-fab-count', team.id)).toEqual({ deleted: true });
    expect(await readFile(path.join(team.dir, 'facts', 'team.yaml'), 'utf8')).not.toContain('team-fab-count');
    expect((await call('listFacts')).some((f) => f.fact.id === fact.id)).toBe(false);
  });

  it('refuses a read-only team library, the bundled one and an unknown id with a message, and writes nothing', async () => {
    const { call } = app();
    const team = await addTeam('team-read-only');
    expect((await call('listLibraries')).libraries.find((l) => l.id === team.id)).toMatchObject({ readOnly: true, writable: false });
    await expect(call('saveLibraryFact', fact, team.id)).rejects.toThrow(/The team library “team-read-only” is read-only — set it read-write/);
    await expect(call('deleteLibrarySection', 'anything', team.id)).rejects.toThrow(/is read-only/);
    expect(await readdir(team.dir)).toEqual(['library.yaml']);

    await expect(call('saveLibraryFact', fact, 'bundled')).rejects.toThrow(/bundled library is part of the app/);
    await expect(call('saveLibraryFact', fact, 'team-0000000000000000')).rejects.toThrow(/no longer mounted/);
    // Messages name the library, never its folder.
    await call('saveLibraryFact', fact, team.id).catch((err: Error) => expect(err.message).not.toContain(app().root));
  });

  it('saves to the personal library when no library is named', async () => {
    const { call } = app();
    expect(await call('saveLibraryFact', fact)).toEqual({ ok: true });
    expect(await readFile(path.join(app().userDataDir, 'library', 'facts', 'personal.yaml'), 'utf8')).toContain('team-fab-count');
    expect(await call('saveLibraryFact', fact, 'personal')).toEqual({ ok: true });
  });
});
