// Saving into a team folder set read-write reads its files the loader's way: no FIFO hang, nothing copied in from outside.
import { execFileSync } from 'node:child_process';
import { lstat, readFile, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useApp } from '../../support/hooks.js';
import { factInput } from '../../support/items.js';
import { factYaml } from './hostile-libraries.js';
import { teamFolder } from '../../support/temp.js';

const app = useApp();

describe.skipIf(process.platform === 'win32')('a read-write team folder with hostile files', () => {
  it('saving a fact skips a FIFO, refuses a target that links outside, and copies nothing from outside', { timeout: 60_000 }, async () => {
    const a = app();
    const team = await teamFolder(a.root, 'team');
    execFileSync('mkdir', ['-p', path.join(team, 'facts')]);
    execFileSync('mkfifo', [path.join(team, 'facts', 'pipe.yaml')]);
    const outside = path.join(a.root, 'outside.yaml');
    const secret = factYaml('outside-secret');
    await writeFile(outside, secret);
    await symlink(outside, path.join(team, 'facts', 'team.yaml'));
    a.dialogs.folders.push(team);
    const added = await a.call('addTeamLibrary');
    if (added.status !== 'added') throw new Error('the team library was not added');
    await a.call('setTeamLibraryReadOnly', added.library.id, false);

    const saved = await a.envelope('saveLibraryFact', factInput(), added.library.id);
    expect(saved.ok).toBe(false);
    const message = saved.ok ? '' : saved.error.message;
    expect(message).toMatch(/^cannot edit facts\/team\.yaml: it leads to a file outside the library folder/);
    // The link and the file it points at are as they were; nothing from outside entered the library.
    expect((await lstat(path.join(team, 'facts', 'team.yaml'))).isSymbolicLink()).toBe(true);
    expect(await readFile(outside, 'utf8')).toBe(secret);
    expect((await lstat(path.join(team, 'facts', 'pipe.yaml'))).isFIFO()).toBe(true);
  });
});
