// Several libraries mounted side by side: first mount wins on a clash, the clash is reported, references cross libraries.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadLibraries, type Mount } from '../../../main/services/library/mount.js';
import { MountedLibraries } from '../../../main/services/mounted-libraries.js';
import { SettingsService } from '../../../main/services/settings/settings-service.js';
import { copyFixture, fixture, tempDir } from '../../support/temp.js';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
});
afterEach(() => cleanup());

/** A small team library: one fact that clashes with the bundled fixture, one new fact, a section using both libraries. */
async function teamLibrary(): Promise<string> {
  const team = path.join(dir, 'team');
  await mkdir(path.join(team, 'facts'), { recursive: true });
  await mkdir(path.join(team, 'sections'), { recursive: true });
  await writeFile(path.join(team, 'library.yaml'), 'id: team-lib\nname: Team library\nversion: "3"\n');
  await writeFile(
    path.join(team, 'facts/team.yaml'),
    [
      '- id: team-only',
      '  statement: A fact only the team library has.',
      '  asOf: 2025-01',
      '  review: {maxAgeDays: 365}',
      '  source: {title: Team memo, publisher: Team, date: 2025-01-05, url: "https://example.org/team"}',
      '  tags: {technologies: [quantum], countries: [japan]}',
      '- id: jp-chip-subsidy',
      '  statement: The team wrote its own version of this fact.',
      '  value: 4',
      '  asOf: 2025-01',
      '  review: {maxAgeDays: 365}',
      '  source: {title: Team memo, publisher: Team, date: 2025-01-05, url: "https://example.org/team"}',
      '',
    ].join('\n'),
  );
  await writeFile(
    path.join(team, 'sections/team.md'),
    '---\nid: team-view\ntitle: The team view\ntopic: context\nrevision: 1\n---\nBundled: {{fact:euv-single-supplier}}. Ours: {{fact:team-only}}.\n',
  );
  return team;
}

describe('loadLibraries', () => {
  it('first mount wins a clash; the problem names both files; nothing is silently shadowed', async () => {
    const team = await teamLibrary();
    const mounts: Mount[] = [
      { dir: fixture('valid'), kind: 'bundled', readOnly: true },
      { dir: team, kind: 'team', readOnly: false },
    ];
    const { library, problems, origins, libraries } = await loadLibraries(mounts);
    expect(problems).toHaveLength(1);
    const [p] = problems;
    expect(p).toMatchObject({ file: path.join(team, 'facts/team.yaml'), line: 7, severity: 'error' });
    expect(p!.message).toContain('fact "jp-chip-subsidy" is already defined by library "fixture-valid"');
    expect(p!.message).toContain(`(${path.join(fixture('valid'), 'facts/semiconductors.yaml')}:2)`);
    expect(library.facts.get('jp-chip-subsidy')?.value).toBe(3.9);
    expect(origins.facts.get('jp-chip-subsidy')).toMatchObject({ libraryId: 'fixture-valid', mount: mounts[0], line: 2 });
    expect(origins.facts.get('team-only')).toMatchObject({ libraryId: 'team-lib', mount: mounts[1], file: path.join(team, 'facts/team.yaml'), line: 1 });
    expect(origins.sections.get('team-view')?.mount.kind).toBe('team');
    expect(library.sections.get('team-view')?.origin).toEqual({ library: 'team-lib', file: path.join(team, 'sections/team.md') });
    expect(libraries.map((l) => [l.manifest.id, l.mount.kind])).toEqual([
      ['fixture-valid', 'bundled'],
      ['team-lib', 'team'],
    ]);
    expect(library.manifest.id).toBe('merged');
  });

  it('the rule is the mount order, not the file names: swapping mounts swaps the winner', async () => {
    const team = await teamLibrary();
    const { library, problems } = await loadLibraries([
      { dir: team, kind: 'team', readOnly: false },
      { dir: fixture('valid'), kind: 'bundled', readOnly: true },
    ]);
    expect(library.facts.get('jp-chip-subsidy')?.value).toBe(4);
    expect(problems.map((p) => [path.relative(path.dirname(fixture('valid')), p.file), p.line])).toEqual([['valid/facts/semiconductors.yaml', 2]]);
  });

  it('a team library on its own reports references to the bundled library it relies on', async () => {
    const team = await teamLibrary();
    const { problems } = await loadLibraries([{ dir: team, kind: 'team', readOnly: true }]);
    expect(problems.map((p) => p.message.split(' — ')[0])).toEqual([
      'fact "team-only": tags.technologies[0] "quantum" is not a known technology',
      'fact "team-only": tags.countries[0] "japan" is not a known country',
      'section "team-view": {{fact:euv-single-supplier}} refers to an unknown fact "euv-single-supplier"',
    ]);
  });

  it('mounting the same library twice reports every item once as a clash', async () => {
    const copy = await copyFixture('valid', dir, 'copy');
    const { library, problems } = await loadLibraries([
      { dir: fixture('valid'), kind: 'bundled', readOnly: true },
      { dir: copy, kind: 'personal', readOnly: false },
    ]);
    expect(library.facts.size).toBe(3);
    expect(problems).toHaveLength(3 + 3 + 2 + 1 + 3);
    expect(problems.every((p) => p.file.startsWith(copy) && p.message.includes('already defined by library "fixture-valid"'))).toBe(true);
  });
});

describe('start-up notices for the Libraries view', () => {
  it('an unusable user-data folder is said in plain words, without its absolute path', async () => {
    // A file where the user-data folder should be: settings cannot be read and the personal library cannot be made.
    const userData = path.join(dir, 'not-a-folder');
    await writeFile(userData, 'x');
    const settings = new SettingsService(userData);
    await settings.load();
    const libraries = await MountedLibraries.open(settings, fixture('valid'));
    const { notices } = libraries.overview();
    expect(notices).toEqual([
      expect.stringMatching(/^cannot read settings\.json \(a part of its path is not a folder\) — check the folder names in its path;/),
      'your personal library could not be created (a part of its path is not a folder; check the folder names in its path) — new facts and sections cannot be saved until it can',
    ]);
    for (const n of notices) expect(n).not.toContain(dir);
  });
});
