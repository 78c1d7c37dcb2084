// SettingsService on real temp folders: round-trip, bad files kept aside, team library checks, mount order.
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import path, { basename } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { UserFacingError } from '../../../shared/errors.js';
import { SettingsService } from '../../../main/services/settings/settings-service.js';
import { useTempDir } from '../../support/hooks.js';
import { teamFolder as makeTeamFolder } from '../../support/temp.js';

const tmp = useTempDir('bb-settings-');
let dir: string;
let userData: string;
beforeEach(async () => {
  dir = tmp();
  userData = path.join(dir, 'user-data');
  await mkdir(userData);
});

/** A minimal team library folder. */
const teamFolder = (name: string) => makeTeamFolder(dir, name);

async function loaded(): Promise<SettingsService> {
  const s = new SettingsService(userData);
  await s.load();
  return s;
}

describe('SettingsService', () => {
  it('starts from defaults without a file and writes nothing until something changes', async () => {
    const s = new SettingsService(userData);
    expect(await s.load()).toEqual({ settings: { teamLibraries: [] } });
    expect(s.problem()).toBeUndefined();
    expect(await readdir(userData)).toEqual([]);
  });

  it('round-trips team libraries through settings.json (versioned, absolute paths)', async () => {
    const a = await teamFolder('team-a');
    const b = await teamFolder('team-b');
    const s = await loaded();
    await s.addTeamLibrary(a, true, 'Team A');
    await s.addTeamLibrary(path.relative(process.cwd(), b), false);
    await s.setReadOnly(b, true);

    const again = await loaded();
    expect(again.get()).toEqual({ teamLibraries: [{ dir: a, readOnly: true, label: 'Team A' }, { dir: b, readOnly: true }] });
    expect(JSON.parse(await readFile(s.file, 'utf8'))).toMatchObject({ version: 1 });

    await again.removeTeamLibrary(a);
    expect((await loaded()).get().teamLibraries.map((t) => t.dir)).toEqual([b]);
    // Only the settings file: no temp files left behind by the atomic writes.
    expect(await readdir(userData)).toEqual(['settings.json']);
  });

  it('keeps a corrupt file as .corrupt, uses defaults, and says so', async () => {
    const file = path.join(userData, 'settings.json');
    await writeFile(file, '{"version": 1, "teamLibraries": [');
    const s = new SettingsService(userData);
    const result = await s.load();
    expect(result.settings).toEqual({ teamLibraries: [] });
    expect(result.problem).toContain('is not valid JSON');
    expect(result.problem).toContain('kept as settings.json.corrupt');
    expect(await readFile(`${file}.corrupt`, 'utf8')).toBe('{"version": 1, "teamLibraries": [');

    // A later save replaces settings.json, but the copy of what the user had stays.
    await s.addTeamLibrary(await teamFolder('team-a'), true);
    expect(await readFile(`${file}.corrupt`, 'utf8')).toBe('{"version": 1, "teamLibraries": [');
    expect((await loaded()).get().teamLibraries).toHaveLength(1);
  });

  it('does not overwrite an earlier .corrupt copy with a different bad file', async () => {
    const file = path.join(userData, 'settings.json');
    await writeFile(`${file}.corrupt`, 'first bad file');
    await writeFile(file, 'second bad file');
    const result = await new SettingsService(userData).load();
    expect(result.problem).toContain('kept as settings.json.2.corrupt');
    expect(await readFile(`${file}.corrupt`, 'utf8')).toBe('first bad file');
    expect(await readFile(`${file}.2.corrupt`, 'utf8')).toBe('second bad file');
  });

  it('treats a newer or unknown settings file like a corrupt one: defaults, problem, copy kept', async () => {
    const file = path.join(userData, 'settings.json');
    await writeFile(file, JSON.stringify({ version: 7, teamLibraries: [], somethingNew: true }));
    const newer = await new SettingsService(userData).load();
    expect(newer.problem).toContain('newer version of Briefing Builder (settings version 7');
    expect(JSON.parse(await readFile(`${file}.corrupt`, 'utf8'))).toMatchObject({ version: 7 });

    await writeFile(file, JSON.stringify({ teamLibraries: [{ dir: '/x' }] }));
    const unknown = await new SettingsService(userData).load();
    expect(unknown.settings).toEqual({ teamLibraries: [] });
    expect(unknown.problem).toContain('settings.json is not a settings file this version understands (version is missing — use one of: 1');
  });

  it('refuses a missing folder, a folder without library.yaml, and duplicates, naming the folder and the fix', async () => {
    const s = await loaded();
    const missing = path.join(dir, 'nowhere');
    await expect(s.addTeamLibrary(missing, true)).rejects.toThrow(`the folder ${basename(missing)} does not exist — check the path`);
    const plain = path.join(dir, 'plain');
    await mkdir(plain);
    await expect(s.addTeamLibrary(plain, true)).rejects.toThrow(`the folder ${basename(plain)} has no library.yaml, so it is not a library — choose the folder that holds library.yaml`);
    const team = await teamFolder('team-a');
    await s.addTeamLibrary(team, true);
    await expect(s.addTeamLibrary(`${team}/`, false)).rejects.toThrow(`${basename(team)} is already a team library`);
    await mkdir(s.personalLibraryDir());
    await writeFile(path.join(s.personalLibraryDir(), 'library.yaml'), 'id: personal\nname: Personal\nversion: "1"\n');
    await expect(s.addTeamLibrary(s.personalLibraryDir(), false)).rejects.toThrow('is your personal library, which is always mounted');
    await expect(s.removeTeamLibrary(plain)).rejects.toThrow(`${basename(plain)} is not one of your team libraries`);
    await expect(s.setReadOnly(plain, false)).rejects.toThrow(`${basename(plain)} is not one of your team libraries`);
    expect(s.get().teamLibraries).toEqual([{ dir: team, readOnly: true }]);
    // Errors are user-facing: IPC dispatch passes their message through.
    await expect(s.addTeamLibrary(missing, true)).rejects.toBeInstanceOf(UserFacingError);
  });

  it('refuses to save over a settings file it could not copy aside', async () => {
    // The .corrupt name is taken by a folder, so the copy fails: the unusable file must then stay untouched.
    const file = path.join(userData, 'settings.json');
    await writeFile(file, 'not json');
    for (let n = 1; n < 100; n++) await mkdir(n === 1 ? `${file}.corrupt` : `${file}.${n}.corrupt`);
    const s = new SettingsService(userData);
    expect((await s.load()).problem).toContain('could not be copied aside');
    await expect(s.addTeamLibrary(await teamFolder('team-a'), true)).rejects.toThrow('settings cannot be saved');
    expect(await readFile(file, 'utf8')).toBe('not json');
  });

  it('lists mounts in order bundled, personal, team folders', async () => {
    const a = await teamFolder('team-a');
    const b = await teamFolder('team-b');
    const s = await loaded();
    await s.addTeamLibrary(a, false);
    await s.addTeamLibrary(b, true);
    expect(s.mounts('/app/assets/library')).toEqual([
      { dir: '/app/assets/library', kind: 'bundled', readOnly: true },
      { dir: path.join(userData, 'library'), kind: 'personal', readOnly: false },
      { dir: a, kind: 'team', readOnly: false },
      { dir: b, kind: 'team', readOnly: true },
    ]);
  });

  it('keeps both of two changes made at once', async () => {
    const [a, b] = [await teamFolder('team-a'), await teamFolder('team-b')];
    const s = await loaded();
    await Promise.all([s.addTeamLibrary(a, true), s.addTeamLibrary(b, true)]);
    expect((await loaded()).get().teamLibraries.map((t) => t.dir)).toEqual([a, b]);
  });
});
