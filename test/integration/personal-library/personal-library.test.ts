// WritableLibrary on real temp folders: what it writes loads back through the library loader, and bad input writes nothing.
import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { UserFacingError } from '../../../shared/errors.js';
import { loadLibraries, type Mount } from '../../../main/services/library/mount.js';
import { knownIdsFrom, WritableLibrary, type KnownIds } from '../../../main/services/writable-library.js';
import { useTempDir } from '../../support/hooks.js';
import { BUNDLED, teamFolder as makeTeamFolder } from '../../support/temp.js';

const BUNDLED_FACT = 'ai-china-adoption';
const BUNDLED_SECTION = 'data-cross-border-flows';

const tmp = useTempDir('bb-personal-');
let root: string;
let dir: string;
beforeEach(() => {
  root = tmp();
  dir = path.join(root, 'library');
});

const mounts = (): Mount[] => [
  { dir: BUNDLED, kind: 'bundled', readOnly: true },
  { dir, kind: 'personal', readOnly: false },
];

/** Ids of the bundled library, the way the app would get them from a load. */
async function bundledIds(): Promise<KnownIds> {
  return knownIdsFrom(await loadLibraries(mounts()), dir);
}

const fact = (over: Record<string, unknown> = {}) => ({
  id: 'my-chip-figure',
  statement: 'A figure I found in a 2025 report.',
  value: 42,
  unit: 'percent',
  asOf: '2025-03',
  review: { maxAgeDays: 365 },
  source: { title: 'A report', publisher: 'A publisher', date: '2025-03-01', url: 'https://example.org/report' },
  tags: { technologies: ['ai'], countries: ['us'], topics: ['mine'] },
  ...over,
});

const section = (over: Record<string, unknown> = {}) => ({
  id: 'my-section',
  title: 'My section',
  topic: 'context',
  tags: { technologies: ['ai'], countries: [], topics: [] },
  summary: 'Notes: with a colon, and "quotes".',
  variables: [{ name: 'partner', label: 'Partner country' }],
  ...over,
});

const sha = async (file: string) => createHash('sha256').update(await readFile(file)).digest('hex');

describe('WritableLibrary', () => {
  it('ensure() creates a library folder with an id: personal manifest that the loader accepts', async () => {
    const lib = new WritableLibrary(dir);
    await lib.ensure();
    await lib.ensure();
    const { libraries, problems } = await loadLibraries([{ dir, kind: 'personal', readOnly: false }]);
    expect(problems).toEqual([]);
    expect(libraries[0]!.manifest.id).toBe('personal');
  });

  it('a saved fact loads through loadLibraries with no problems, beside the bundled library', async () => {
    const lib = new WritableLibrary(dir, { knownIds: () => ({ facts: new Map(), sections: new Map() }) });
    const result = await lib.saveFact(fact());
    expect(result).toEqual({ ok: true, file: path.join(dir, 'facts', 'personal.yaml') });
    const { library, problems, origins } = await loadLibraries(mounts());
    expect(problems).toEqual([]);
    expect(library.facts.get('my-chip-figure')).toEqual(fact());
    expect(origins.facts.get('my-chip-figure')?.libraryId).toBe('personal');
    // Dates are quoted, so a YAML 1.1 reader keeps them as text.
    expect(await readFile(result.ok ? result.file : '', 'utf8')).toContain('asOf: "2025-03"');
  });

  it('replaces a fact by id and keeps the other facts and hand-written comments', async () => {
    const lib = new WritableLibrary(dir);
    await lib.saveFact(fact({ id: 'first' }));
    await lib.saveFact(fact({ id: 'second' }));
    const file = path.join(dir, 'facts', 'personal.yaml');
    const text = await readFile(file, 'utf8');
    await writeFile(file, text.replace('- id: second', '# checked with the author\n- id: second'));
    await lib.saveFact(fact({ id: 'second', value: 7 }));
    const after = await readFile(file, 'utf8');
    expect(after).toContain('# checked with the author\n- id: second');
    const { library, problems } = await loadLibraries(mounts());
    expect(problems).toEqual([]);
    expect([...library.facts.keys()].filter((id) => id === 'first' || id === 'second')).toEqual(['first', 'second']);
    expect(library.facts.get('second')?.value).toBe(7);
    expect(library.facts.get('first')?.value).toBe(42);
  });

  it('an invalid fact comes back as field errors with fixes, and the file is unchanged', async () => {
    const lib = new WritableLibrary(dir);
    await lib.saveFact(fact());
    const file = path.join(dir, 'facts', 'personal.yaml');
    const before = await sha(file);
    const bad = fact({ id: 'broken', asOf: '2025-13-01', source: { title: 'T', publisher: 'P', date: '2025-02-30' } });
    const result = await lib.saveFact(bad);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.field).sort()).toEqual(['asOf', 'source.date', 'source.url']);
    const byField = Object.fromEntries(result.errors.map((e) => [e.field, e.message]));
    expect(byField['source.url']).toBe('source.url is missing — add the URL of the document the figure comes from');
    expect(byField['asOf']).toContain('write it as YYYY-MM-DD');
    expect(byField['source.date']).toContain('not a real calendar date');
    expect(await sha(file)).toBe(before);
  });

  it('refuses a fact or section id the bundled library already has, naming it; nothing is written', async () => {
    const lib = new WritableLibrary(dir, { knownIds: await bundledIds().then((ids) => () => ids) });
    const f = await lib.saveFact(fact({ id: BUNDLED_FACT }));
    expect(f.ok).toBe(false);
    if (!f.ok) {
      expect(f.errors).toHaveLength(1);
      expect(f.errors[0]!.field).toBe('id');
      expect(f.errors[0]!.message).toContain(`fact "${BUNDLED_FACT}" already exists in library "bundled" (${path.join(BUNDLED, 'facts', 'ai.yaml')})`);
    }
    const s = await lib.saveSection(section({ id: BUNDLED_SECTION }), 'Text.\n');
    expect(s.ok).toBe(false);
    if (!s.ok) expect(s.errors[0]!.message).toContain(`section "${BUNDLED_SECTION}" already exists in library "bundled"`);
    await expect(readdir(dir)).rejects.toThrow(); // not even the folder was created
  });

  it('saveSection writes a file that loads back identical, and bumps the revision only on a change', async () => {
    const lib = new WritableLibrary(dir);
    const body = '## Heading\n\nFirst paragraph for {{var:partner}}.\n\n---\n\nAfter a rule.\n';
    const first = await lib.saveSection(section(), body);
    expect(first).toEqual({ ok: true, file: path.join(dir, 'sections', 'context', 'my-section.md'), revision: 1, written: true });

    const load = async () => {
      const { library, problems } = await loadLibraries(mounts());
      expect(problems).toEqual([]);
      const { origin: _origin, ...loaded } = library.sections.get('my-section')!;
      return loaded;
    };
    expect(await load()).toEqual({ ...section(), revision: 1, body });

    // Same title and body: no new revision, and the file is not even rewritten.
    const same = await lib.saveSection(section({ summary: 'Notes: with a colon, and "quotes".' }), body);
    expect(same).toMatchObject({ ok: true, revision: 1, written: false });

    // A summary edit is written but is not a new revision; a body or title edit is.
    expect(await lib.saveSection(section({ summary: 'Shorter.' }), body)).toMatchObject({ revision: 1, written: true });
    expect(await lib.saveSection(section({ summary: 'Shorter.' }), body + '\nMore.\n')).toMatchObject({ revision: 2 });
    expect(await lib.saveSection(section({ summary: 'Shorter.', title: 'Renamed' }), body + '\nMore.\n')).toMatchObject({ revision: 3 });
    // A stale revision from the editor does not take the section back.
    expect(await lib.saveSection(section({ summary: 'Shorter.', title: 'Renamed again', revision: 1 }), body)).toMatchObject({ revision: 4 });
    expect(await load()).toMatchObject({ title: 'Renamed again', revision: 4, body });
  });

  it('keeps a section style through save, load and the edit form; a section without one is normal and writes none', async () => {
    const lib = new WritableLibrary(dir);
    await lib.saveSection(section({ style: 'summary' }), 'Boxed.\n');
    await lib.saveSection(section({ id: 'my-plain' }), 'Plain.\n');
    expect(await readFile(path.join(dir, 'sections', 'context', 'my-section.md'), 'utf8')).toContain('\nstyle: summary\n');
    expect(await readFile(path.join(dir, 'sections', 'context', 'my-plain.md'), 'utf8')).not.toContain('style');
    const { library } = await loadLibraries(mounts());
    expect(library.sections.get('my-section')?.style).toBe('summary');
    expect((await lib.editableSection('my-section'))?.meta.style).toBe('summary');
    expect((await lib.editableSection('my-plain'))?.meta).not.toHaveProperty('style');
    expect(await lib.editableSection('not-here')).toBeUndefined();
  });

  it('text that looks like a date stays text when read back (the loader reads YAML with js-yaml)', async () => {
    const lib = new WritableLibrary(dir);
    await lib.saveFact(fact({ statement: '2025-01-01', unit: '2025-01-01T10:00:00Z' }));
    await lib.saveSection(section({ title: '2025-06-30', summary: '2025-06' }), 'Body.\n');
    const { library, problems } = await loadLibraries(mounts());
    expect(problems).toEqual([]);
    expect(library.facts.get('my-chip-figure')).toMatchObject({ statement: '2025-01-01', unit: '2025-01-01T10:00:00Z' });
    expect(library.sections.get('my-section')).toMatchObject({ title: '2025-06-30', summary: '2025-06' });
  });

  it('a topic change moves the section file instead of leaving a duplicate', async () => {
    const lib = new WritableLibrary(dir);
    await lib.saveSection(section(), 'Body.\n');
    const moved = await lib.saveSection(section({ topic: 'data' }), 'Body.\n');
    expect(moved).toMatchObject({ ok: true, file: path.join(dir, 'sections', 'data', 'my-section.md'), revision: 1 });
    expect(await readdir(path.join(dir, 'sections', 'context'))).toEqual([]);
    const { library, problems } = await loadLibraries(mounts());
    expect(problems).toEqual([]);
    expect(library.sections.get('my-section')?.topic).toBe('data');
  });

  it('an invalid section comes back as field errors and writes nothing', async () => {
    const lib = new WritableLibrary(dir);
    const result = await lib.saveSection(section({ id: 'Bad Id', topic: 'gossip', title: '' }), 'Body.\n');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors.map((e) => e.field).sort()).toEqual(['id', 'title', 'topic']);
      expect(result.errors.find((e) => e.field === 'topic')!.message).toContain('is not one of: priorities, data');
    }
    await expect(readdir(dir)).rejects.toThrow();
  });

  it('a section citing a personal fact and a bundled fact loads without reference problems', async () => {
    const lib = new WritableLibrary(dir, { knownIds: await bundledIds().then((ids) => () => ids) });
    expect((await lib.saveFact(fact())).ok).toBe(true);
    const body = `Mine: {{fact:my-chip-figure}} ({{value:my-chip-figure}}).{{cite:my-chip-figure}} Bundled: {{fact:${BUNDLED_FACT}}}.\n`;
    expect((await lib.saveSection(section({ variables: [] }), body)).ok).toBe(true);
    const { library, problems } = await loadLibraries(mounts());
    expect(problems).toEqual([]);
    expect(library.sections.get('my-section')?.body).toBe(body);
  });

  it('deletes facts and sections; deleting an unknown id says so', async () => {
    const lib = new WritableLibrary(dir);
    await lib.saveFact(fact({ id: 'keep' }));
    await lib.saveFact(fact({ id: 'drop' }));
    await lib.saveSection(section(), 'Body.\n');
    expect(await lib.deleteFact('drop')).toBe(true);
    expect(await lib.deleteFact('drop')).toBe(false);
    expect(await lib.deleteSection('my-section')).toBe(true);
    expect(await lib.deleteSection('my-section')).toBe(false);
    const { library, problems } = await loadLibraries(mounts());
    expect(problems).toEqual([]);
    expect(library.facts.has('keep')).toBe(true);
    expect(library.facts.has('drop')).toBe(false);
    expect(library.sections.has('my-section')).toBe(false);
  });

  it('never overwrites a facts file that does not parse', async () => {
    const lib = new WritableLibrary(dir);
    await lib.ensure();
    const file = path.join(dir, 'facts', 'personal.yaml');
    await mkdir(path.dirname(file));
    await writeFile(file, '- id: half\n  statement: "never closed\n');
    const before = await sha(file);
    await expect(lib.saveFact(fact())).rejects.toThrow(`${file} has a YAML syntax error`);
    expect(await sha(file)).toBe(before);
  });

  it('never writes over a file that holds a different section under the name it would use', async () => {
    const lib = new WritableLibrary(dir);
    await lib.saveSection(section({ id: 'other' }), 'Other.\n');
    const file = path.join(dir, 'sections', 'context', 'my-section.md');
    // Someone renamed the file by hand; its front matter still says id: other.
    await rename(path.join(dir, 'sections', 'context', 'other.md'), file);
    const before = await sha(file);
    await expect(lib.saveSection(section(), 'Mine.\n')).rejects.toThrow(`${file} already holds another section`);
    expect(await sha(file)).toBe(before);
  });

  it('keeps both of two saves made at once', async () => {
    const lib = new WritableLibrary(dir);
    await Promise.all([lib.saveFact(fact({ id: 'one' })), lib.saveFact(fact({ id: 'two' }))]);
    const { library } = await loadLibraries(mounts());
    expect(library.facts.has('one') && library.facts.has('two')).toBe(true);
  });
});

describe('team libraries through the same class', () => {
  /** A team library folder holding one fact of its own. */
  async function teamFolder(): Promise<string> {
    const team = await makeTeamFolder(root, 'team-lib');
    await mkdir(path.join(team, 'facts'));
    await writeFile(path.join(team, 'facts', 'shared.yaml'), `# Team facts\n${'- id: team-fact\n  statement: Ours.\n  asOf: "2025-01"\n  review: {maxAgeDays: 30}\n  source: {title: T, publisher: P, date: "2025-01-01", url: "https://example.org"}\n'}`);
    return team;
  }

  it('a read-only team library is never written', async () => {
    const team = await teamFolder();
    const lib = WritableLibrary.forMount({ dir: team, kind: 'team', readOnly: true });
    const before = await sha(path.join(team, 'facts', 'shared.yaml'));
    await expect(lib.saveFact(fact())).rejects.toThrow(`the team library ${team} is read-only — mark it read-write in Settings`);
    await expect(lib.saveSection(section(), 'x')).rejects.toThrow('is read-only');
    await expect(lib.deleteFact('team-fact')).rejects.toThrow('is read-only');
    await expect(lib.deleteSection('x')).rejects.toBeInstanceOf(UserFacingError);
    expect(await sha(path.join(team, 'facts', 'shared.yaml'))).toBe(before);
    expect((await readdir(team)).sort()).toEqual(['facts', 'library.yaml']);
  });

  it('the bundled library cannot be opened for editing', () => {
    expect(() => WritableLibrary.forMount({ dir: BUNDLED, kind: 'bundled', readOnly: true })).toThrow('the bundled library');
  });

  it('a read-write team library is edited in place: existing facts in their own file, new ones in facts/team.yaml', async () => {
    const team = await teamFolder();
    const lib = WritableLibrary.forMount({ dir: team, kind: 'team', readOnly: false });
    expect(await lib.saveFact(fact({ id: 'team-fact', statement: 'Ours, corrected.' }))).toEqual({ ok: true, file: path.join(team, 'facts', 'shared.yaml') });
    expect(await lib.saveFact(fact())).toEqual({ ok: true, file: path.join(team, 'facts', 'team.yaml') });
    expect(await readFile(path.join(team, 'facts', 'shared.yaml'), 'utf8')).toMatch(/^# Team facts\n/);
    const { library, problems, libraries } = await loadLibraries([
      { dir: BUNDLED, kind: 'bundled', readOnly: true },
      { dir: team, kind: 'team', readOnly: false },
    ]);
    expect(problems).toEqual([]);
    expect(libraries[1]!.manifest.id).toBe('team-lib');
    expect(library.facts.get('team-fact')?.statement).toBe('Ours, corrected.');
    expect(library.facts.has('my-chip-figure')).toBe(true);
  });

  it('a team folder that lost its library.yaml is not turned into a personal library', async () => {
    const team = await teamFolder();
    await rm(path.join(team, 'library.yaml'));
    const lib = WritableLibrary.forMount({ dir: team, kind: 'team', readOnly: false });
    await expect(lib.saveFact(fact())).rejects.toThrow(`${team} has no library.yaml`);
  });
});
