// App start-up through the real container with settings that already list hostile team folders: it starts, shows each, removes each.
import { execFileSync } from 'node:child_process';
import { mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { libraryIdOf } from '../../../main/services/library-service.js';
import { SETTINGS_VERSION } from '../../../main/services/settings/settings-service.js';
import { startApp } from '../../support/services.js';
import { tempDir } from '../../support/temp.js';
import { useTempDir } from '../../support/hooks.js';
import { buildHostile, HOSTILE_CASES } from './hostile-libraries.js';

const dir = useTempDir('bb-hostile-start-');

async function settingsListing(userDataDir: string, folders: string[]): Promise<void> {
  await mkdir(userDataDir, { recursive: true });
  const teamLibraries = folders.map((d) => ({ dir: d, readOnly: true }));
  await writeFile(path.join(userDataDir, 'settings.json'), JSON.stringify({ version: SETTINGS_VERSION, teamLibraries }, null, 2));
}

describe.skipIf(process.platform === 'win32')('start-up with hostile team folders in settings', () => {
  it('services start, the overview lists each library with its problem, and each can be removed', { timeout: 60_000 }, async () => {
    const folders = await Promise.all(HOSTILE_CASES.map((c) => buildHostile(dir(), c)));
    // The folder the issue was found with: settings kept it, and every later start threw.
    const userDataDir = path.join(dir(), 'user-data');
    await settingsListing(userDataDir, folders);
    const app = await startApp({ userDataDir });
    try {
      const overview = await app.call('listLibraries');
      HOSTILE_CASES.forEach((c, i) => {
        const info = overview.libraries.find((l) => l.id === libraryIdOf({ dir: folders[i]!, kind: 'team' }));
        expect(info, c.name).toMatchObject({ kind: 'team', name: c.name, facts: 1, problemCount: 1 });
        const where = c.line === undefined ? c.file : `${c.file}:${c.line}`;
        expect(info!.problems).toEqual([expect.stringMatching(new RegExp(`^${where.replace(/[.*]/g, '\\$&')}: `))]);
        expect(info!.problems[0]).toMatch(c.message);
      });
      // The good facts of the hostile folders are usable; the bundled library is still there.
      expect((await app.call('listFacts')).some((f) => f.fact.id === 'fifo-good')).toBe(true);
      for (const [i, c] of HOSTILE_CASES.entries()) {
        await app.call('removeTeamLibrary', libraryIdOf({ dir: folders[i]!, kind: 'team' }));
        const left = (await app.call('listLibraries')).libraries.map((l) => l.name);
        expect(left, c.name).not.toContain(c.name);
      }
      const saved = JSON.parse(await readFile(path.join(userDataDir, 'settings.json'), 'utf8')) as { teamLibraries: unknown[] };
      expect(saved.teamLibraries).toEqual([]);
      // Removing forgets the folder; its files are untouched.
      expect(await readFile(path.join(folders[0]!, 'facts', 'good.yaml'), 'utf8')).toContain('alias-bomb-fact-good');
    } finally {
      await app.close();
    }
  });

  it('a listed folder that became a FIFO or a link to /dev/zero still lets the app start', { timeout: 60_000 }, async () => {
    const zero = path.join(dir(), 'zero-folder');
    await symlink('/dev/zero', zero);
    const userDataDir = path.join(dir(), 'user-data');
    await settingsListing(userDataDir, [zero]);
    const app = await startApp({ userDataDir });
    try {
      const info = (await app.call('listLibraries')).libraries.find((l) => l.kind === 'team');
      expect(info).toMatchObject({ name: 'zero-folder', facts: 0, sections: 0 });
      expect(info!.problemCount).toBeGreaterThan(0);
      await app.call('removeTeamLibrary', info!.id);
      expect((await app.call('listLibraries')).libraries.some((l) => l.kind === 'team')).toBe(false);
    } finally {
      await app.close();
    }
  });
});

describe.skipIf(process.platform === 'win32')('adding a hostile team folder', () => {
  it('a folder with a hostile fact file is added and shows its problem', async () => {
    const c = HOSTILE_CASES.find((h) => h.name === 'alias-bomb-fact')!;
    const app = await startApp();
    try {
      app.dialogs.folders.push(await buildHostile(app.root, c));
      const added = await app.call('addTeamLibrary');
      expect(added.status).toBe('added');
      if (added.status === 'added') expect(added.library.problems).toEqual([expect.stringMatching(/^facts\/bomb\.yaml:4: its YAML aliases/)]);
    } finally {
      await app.close();
    }
  });

  for (const [what, make] of [
    ['a FIFO', async (lib: string) => void execFileSync('mkfifo', [lib])],
    ['a link to /dev/zero', (lib: string) => symlink('/dev/zero', lib)],
    ['an alias bomb', (lib: string) => writeFile(lib, `id: x\nname: &a0 x\nversion: [*a0, *a0, *a0, *a0, *a0, *a0, *a0, *a0, *a0, *a0, *a0]\nmore: &a1 [*a0, *a0, *a0, *a0, *a0, *a0, *a0, *a0, *a0, *a0]\nmost: [*a1, *a1, *a1, *a1, *a1, *a1, *a1, *a1, *a1, *a1, *a1, *a1]\n`)],
  ] as const) {
    it(`a folder whose library.yaml is ${what} is refused in one line, and settings keep nothing`, { timeout: 30_000 }, async () => {
      const { dir: parent, cleanup } = await tempDir('bb-hostile-add-');
      const app = await startApp();
      try {
        const lib = path.join(parent, 'team');
        await mkdir(lib);
        await make(path.join(lib, 'library.yaml'));
        app.dialogs.folders.push(lib);
        const refused = await app.envelope('addTeamLibrary');
        expect(refused.ok).toBe(false);
        const message = refused.ok ? '' : refused.error.message;
        expect(message).toMatch(/^team cannot be added: library\.yaml(:\d+)?: /);
        expect(message).not.toContain('\n');
        expect(message).not.toContain(parent);
        expect((await app.call('listLibraries')).libraries.some((l) => l.kind === 'team')).toBe(false);
      } finally {
        await app.close();
        await cleanup();
      }
    });
  }
});
