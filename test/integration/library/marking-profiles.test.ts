// Marking profiles as library files: the bundled four load clean, a team library's markings/ adds one, bad profiles are problems with file and line.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ParseCache } from '../../../main/services/library/cache.js';
import { loadLibraries } from '../../../main/services/library/mount.js';
import { BUNDLED, tempDir } from '../../support/temp.js';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
});
afterEach(() => cleanup());

const GOOD = `id: office-x
name: Office X
portionMarks: required
levels:
  - { id: OPEN, banner: OPEN, portion: O }
  - { id: RESTRICTED, banner: RESTRICTED, portion: R }
groups: [handling]
controls:
  - { id: STAFF ONLY, banner: STAFF ONLY, portion: SO, group: handling, minLevel: RESTRICTED }
`;

async function team(files: Record<string, string>): Promise<string> {
  const t = path.join(dir, 'team');
  await mkdir(path.join(t, 'markings'), { recursive: true });
  await writeFile(path.join(t, 'library.yaml'), 'id: team-x\nname: Team X\nversion: "1"\n');
  for (const [name, text] of Object.entries(files)) await writeFile(path.join(t, 'markings', name), text);
  return t;
}

const load = (teamDir: string) =>
  loadLibraries([
    { dir: BUNDLED, kind: 'bundled', readOnly: true },
    { dir: teamDir, kind: 'team', readOnly: true },
  ]);

describe('marking profiles', () => {
  it('the four bundled profiles load without a problem', async () => {
    const r = await loadLibraries([{ dir: BUNDLED, kind: 'bundled', readOnly: true }]);
    expect(r.problems.filter((p) => p.file.includes('markings'))).toEqual([]);
    expect([...r.library.markingProfiles.keys()].sort()).toEqual(['nato', 'uk', 'us-classified', 'us-cui']);
  });

  it('a team library adds its own profile from its markings/ folder', async () => {
    const r = await load(await team({ 'office-x.yaml': GOOD }));
    expect(r.problems).toEqual([]);
    expect(r.library.markingProfiles.get('office-x')?.levels.map((l) => l.portion)).toEqual(['O', 'R']);
  });

  it('an unknown control, a cycle in the rules, a duplicate level and a bad slot are problems naming file and line; the others still load', async () => {
    const t = await team({
      'unknown-control.yaml': `${GOOD.replace('id: office-x', 'id: office-a')}rules:\n  - { overrides: STAFF ONLY, drops: [EYES ONLY] }\n`,
      'cycle.yaml': `${GOOD.replace('id: office-x', 'id: office-b')}  - { id: A1, banner: A1, portion: A1, group: handling }\n  - { id: B1, banner: B1, portion: B1, group: handling }\nrules:\n  - { overrides: A1, drops: [B1] }\n  - { overrides: B1, drops: [A1] }\n`,
      'duplicate-level.yaml': GOOD.replace('id: office-x', 'id: office-c').replace('  - { id: RESTRICTED, banner: RESTRICTED, portion: R }', '  - { id: RESTRICTED, banner: RESTRICTED, portion: O }'),
      'bad-slot.yaml': `${GOOD.replace('id: office-x', 'id: office-d')}block:\n  from: RESTRICTED\n  lines:\n    - "By: {author}"\n  fields: []\n`,
      'fine.yaml': GOOD.replace('id: office-x', 'id: office-ok'),
    });
    const r = await load(t);
    const about = (name: string) => r.problems.filter((p) => p.file === path.join(t, 'markings', name));
    const lineOf = async (name: string, text: string) => (await readFile(path.join(t, 'markings', name), 'utf8')).split('\n').findIndex((l) => l.includes(text)) + 1;

    expect(about('unknown-control.yaml').map((p) => [p.line, p.message])).toEqual([[await lineOf('unknown-control.yaml', 'EYES ONLY'), expect.stringMatching(/unknown control "EYES ONLY" — list it under controls first/)]]);
    const cycle = about('cycle.yaml');
    expect(cycle).toHaveLength(1);
    expect(cycle[0]!.message).toMatch(/the override rules go round in a cycle \(A1 → B1 → A1\)/);
    expect(cycle[0]!.line).toBe(await lineOf('cycle.yaml', 'overrides: A1'));
    expect(about('duplicate-level.yaml').map((p) => [p.line, p.message])).toEqual([[await lineOf('duplicate-level.yaml', 'portion: O }\n'.trim()) + 1, expect.stringMatching(/level "O" is listed twice/)]]);
    expect(about('bad-slot.yaml').map((p) => p.message)).toEqual([expect.stringMatching(/the slot \{author\} names no field and no group/)]);
    expect(about('bad-slot.yaml')[0]!.line).toBe(await lineOf('bad-slot.yaml', '{author}'));
    for (const p of r.problems) expect(p.severity).toBe('error');
    expect([...r.library.markingProfiles.keys()].sort()).toEqual(['nato', 'office-ok', 'uk', 'us-classified', 'us-cui']);
  });

  it('with one parse cache over several loads (the app), an unchanged profile is not read again and an edited one is', async () => {
    const t = await team({ 'office-x.yaml': GOOD });
    const cache = new ParseCache();
    const mounts = [
      { dir: BUNDLED, kind: 'bundled' as const, readOnly: true },
      { dir: t, kind: 'team' as const, readOnly: true },
    ];
    /** A load as LibraryService makes it, and how many files it took from the cache without reading them. */
    const reload = async () => {
      const before = cache.stats.notRead;
      const r = await loadLibraries(mounts, { cache });
      cache.prune();
      return { r, notRead: cache.stats.notRead - before };
    };
    expect((await reload()).r.library.markingProfiles.get('office-x')?.name).toBe('Office X');
    const unchanged = await reload();
    expect(unchanged.r.library.markingProfiles.get('office-x')?.name).toBe('Office X');

    await writeFile(path.join(t, 'markings', 'office-x.yaml'), GOOD.replace('name: Office X', 'name: Office Y'));
    const edited = await reload();
    expect(edited.r.library.markingProfiles.get('office-x')?.name).toBe('Office Y');
    expect(edited.notRead).toBe(unchanged.notRead - 1); // the edited file alone was read

    await writeFile(path.join(t, 'markings', 'office-x.yaml'), `${GOOD}rules:\n  - { overrides: STAFF ONLY, drops: [EYES ONLY] }\n`);
    const broken = await reload();
    expect(broken.r.library.markingProfiles.has('office-x')).toBe(false);
    expect(broken.r.problems.map((p) => p.message)).toEqual([expect.stringMatching(/unknown control "EYES ONLY"/)]);
    // The same broken file again, from the cache without a read: the same problem.
    expect((await reload()).r.problems).toEqual(broken.r.problems);
  });

  it('a team profile with the id of a bundled one is a problem naming both files, and the bundled one is kept', async () => {
    const t = await team({ 'us.yaml': GOOD.replace('id: office-x', 'id: us-classified') });
    const r = await load(t);
    const clash = r.problems.filter((p) => p.file === path.join(t, 'markings', 'us.yaml'));
    expect(clash.map((p) => p.message)).toEqual([expect.stringMatching(/marking profile "us-classified" is already defined in .*assets\/markings\/us-classified\.yaml — give this one another id/)]);
    expect(r.library.markingProfiles.get('us-classified')!.name).toBe('US classification');
  });
});
