// Library channels through dispatch on real temp folders: personal facts and sections, team libraries, clashes.
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createServices, type AppDialogs } from '../../../main/services/container.js';
import { createHandlers } from '../../../main/services/handlers/index.js';
import { dispatch } from '../../../main/services/dispatch.js';
import { bundledLibraryDir, fontsDir } from '../../../main/services/app-paths.js';
import type { FactInput, Handlers, LibrariesOverview } from '../../../shared/ipc/channels.js';
import type { MethodName } from '../../../shared/ipc/names.js';

const fixtures = path.resolve(import.meta.dirname, '../../fixtures/libraries');

let dir: string;
let folders: (string | null)[];
let handlers: Handlers;

/** Calls a channel the way the app does: sender check, schema validation, envelope. */
async function call(method: MethodName, ...args: unknown[]): Promise<unknown> {
  const envelope = await dispatch(handlers, method, args, { trusted: true, describe: 'test' });
  if (!envelope.ok) throw new Error(envelope.error.message);
  return envelope.value;
}

const fact = (patch: Partial<FactInput> = {}): FactInput => ({
  id: 'my-chip-fact',
  statement: 'Our office counted twelve allied chip fabs under construction.',
  value: 12,
  unit: 'fabs',
  asOf: '2026-10-01',
  review: { maxAgeDays: 365 },
  source: { title: 'Internal fab tracker', publisher: 'Policy office', date: '2026-10-01', url: 'https://example.org/fabs' },
  tags: { technologies: ['semiconductors'], countries: [], topics: ['industry'] },
  ...patch,
});

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'bb-container-'));
  folders = [];
  const dialogs: AppDialogs = {
    savePdf: async () => null,
    openBrief: async () => null,
    saveBriefAs: async () => null,
    chooseFolder: async () => folders.shift() ?? null,
  };
  const services = await createServices({
    bundledLibraryDir: bundledLibraryDir(),
    fontsDir: fontsDir(),
    userDataDir: path.join(dir, 'user-data'),
    dialogs,
    today: () => new Date('2026-11-25T00:00:00Z'),
  });
  handlers = createHandlers(services);
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('library channels', () => {
  it('mounts bundled and personal libraries at start, the personal one created empty', async () => {
    const { libraries, notices } = (await call('listLibraries')) as LibrariesOverview;
    expect(notices).toEqual([]);
    expect(libraries.map((l) => [l.id, l.kind, l.readOnly])).toEqual([
      ['bundled', 'bundled', true],
      ['personal', 'personal', false],
    ]);
    expect(libraries[0]!.sections).toBeGreaterThan(10);
    expect(libraries[1]).toMatchObject({ name: 'Personal library', sections: 0, facts: 0, problemCount: 0 });
  });

  it('saves a personal fact: listed with its provenance, found by search, cited by a brief without warnings', async () => {
    expect(await call('savePersonalFact', fact())).toEqual({ ok: true });
    const facts = (await call('listFacts')) as { fact: { id: string }; source?: { kind: string; libraryId: string } }[];
    expect(facts.find((f) => f.fact.id === 'my-chip-fact')?.source).toMatchObject({ kind: 'personal', libraryId: 'personal' });
    expect(facts.find((f) => f.fact.id !== 'my-chip-fact')?.source?.kind).toBe('bundled');
    const hits = (await call('searchLibrary', 'allied chip fabs', { kinds: ['fact'] })) as { id: string }[];
    expect(hits.map((h) => h.id)).toContain('my-chip-fact');

    const meta = { id: 'my-fabs', title: 'Fabs under construction', topic: 'priorities' };
    expect(await call('savePersonalSection', meta, 'Allied fabs are being built.{{cite:my-chip-fact}}\n')).toEqual({ ok: true });
    const sections = (await call('listSections')) as { id: string; source?: { kind: string } }[];
    expect(sections.find((s) => s.id === 'my-fabs')?.source?.kind).toBe('personal');
    expect(await call('personalSection', 'my-fabs')).toMatchObject({ meta: { ...meta, revision: 1 }, body: 'Allied fabs are being built.{{cite:my-chip-fact}}\n' });

    const brief = await call('assembleBrief', { title: 'Fabs', template: 'issue-brief', date: '2026-11-25', sectionIds: ['my-fabs'] });
    const composed = (await call('composeBrief', brief)) as { warnings: unknown[] };
    expect(composed.warnings).toEqual([]);
    const overview = (await call('listLibraries')) as LibrariesOverview;
    expect(overview.libraries[1]).toMatchObject({ sections: 1, facts: 1, problemCount: 0 });
  });

  it('answers an invalid fact with field errors and writes nothing', async () => {
    const result = (await call('savePersonalFact', fact({ id: 'Bad Id', asOf: '2026-13-01', source: { title: '', publisher: 'x', date: '2026-01-01', url: 'not a url' } }))) as {
      ok: false;
      errors: { field: string; message: string }[];
    };
    expect(result.ok).toBe(false);
    expect(result.errors.map((e) => e.field).sort()).toEqual(['asOf', 'id', 'source.title', 'source.url']);
    expect(result.errors.every((e) => e.message.length > 0)).toBe(true);
    expect(await readdir(path.join(dir, 'user-data', 'library'))).toEqual(['library.yaml']);
  });

  it('refuses a personal fact whose id another library defines, naming the field', async () => {
    const facts = (await call('listFacts')) as { fact: { id: string } }[];
    const result = (await call('savePersonalFact', fact({ id: facts[0]!.fact.id }))) as { ok: boolean; errors?: { field: string }[] };
    expect(result).toMatchObject({ ok: false, errors: [{ field: 'id' }] });
  });

  it('edits and deletes personal items', async () => {
    await call('savePersonalFact', fact());
    expect(await call('savePersonalFact', fact({ statement: 'Now thirteen fabs.' }))).toEqual({ ok: true });
    const text = await readFile(path.join(dir, 'user-data', 'library', 'facts', 'personal.yaml'), 'utf8');
    expect(text).toContain('Now thirteen fabs.');
    expect(text.match(/id: my-chip-fact/g)).toHaveLength(1);
    expect(await call('deletePersonalFact', 'my-chip-fact')).toEqual({ deleted: true });
    expect(await call('deletePersonalFact', 'my-chip-fact')).toEqual({ deleted: false });
    const facts = (await call('listFacts')) as { fact: { id: string } }[];
    expect(facts.some((f) => f.fact.id === 'my-chip-fact')).toBe(false);
  });

  it('adds a team library through the folder dialog, toggles it read-write and removes it', async () => {
    const team = path.join(dir, 'team-share');
    await cp(path.join(fixtures, 'valid'), team, { recursive: true });
    folders.push(team);
    const added = (await call('addTeamLibrary')) as { status: string; library: { id: string; kind: string; readOnly: boolean; sections: number; name: string } };
    expect(added).toMatchObject({ status: 'added', library: { kind: 'team', readOnly: true, name: 'Valid fixture library' } });
    expect(added.library.id).toMatch(/^team-[0-9a-f]{16}$/);
    expect(JSON.stringify(await call('listLibraries'))).not.toContain(dir);
    const sections = (await call('listSections')) as { id: string; source?: { kind: string; name: string; libraryId: string } }[];
    expect(sections.find((s) => s.id === 'quantum-priorities')?.source).toEqual({ kind: 'team', name: 'Valid fixture library', libraryId: added.library.id });

    await call('setTeamLibraryReadOnly', added.library.id, false);
    let overview = (await call('listLibraries')) as LibrariesOverview;
    expect(overview.libraries[2]).toMatchObject({ id: added.library.id, readOnly: false });
    expect(JSON.parse(await readFile(path.join(dir, 'user-data', 'settings.json'), 'utf8')).teamLibraries).toEqual([{ dir: team, readOnly: false }]);

    await call('removeTeamLibrary', added.library.id);
    overview = (await call('listLibraries')) as LibrariesOverview;
    expect(overview.libraries.map((l) => l.kind)).toEqual(['bundled', 'personal']);
    expect(((await call('listSections')) as { id: string }[]).some((s) => s.id === 'quantum-priorities')).toBe(false);
    await expect(call('removeTeamLibrary', added.library.id)).rejects.toThrow(/no longer mounted/);
  });

  it('cancelling the folder dialog changes nothing; a folder without library.yaml is refused with a message', async () => {
    expect(await call('addTeamLibrary')).toEqual({ status: 'canceled' });
    const notALibrary = path.join(dir, 'plain');
    await mkdir(notALibrary);
    folders.push(notALibrary);
    await expect(call('addTeamLibrary')).rejects.toThrow(/no library\.yaml/);
    expect(((await call('listLibraries')) as LibrariesOverview).libraries).toHaveLength(2);
  });

  it('reports a team section clashing with a bundled id as a problem of the team library and keeps the bundled one', async () => {
    const bundled = (await call('listSections')) as { id: string; title: string }[];
    const taken = bundled[0]!;
    const team = path.join(dir, 'team');
    await mkdir(path.join(team, 'sections'), { recursive: true });
    await writeFile(path.join(team, 'library.yaml'), 'id: team-x\nname: Team X\nversion: "1"\n');
    await writeFile(path.join(team, 'sections', 'clash.md'), `---\nid: ${taken.id}\ntitle: Our own take\ntopic: context\nrevision: 1\n---\nText.\n`);
    folders.push(team);
    await call('addTeamLibrary');
    const overview = (await call('listLibraries')) as LibrariesOverview;
    const info = overview.libraries.find((l) => l.kind === 'team')!;
    expect(info).toMatchObject({ name: 'Team X', sections: 0, problemCount: 1 });
    expect(info.problems[0]).toMatch(new RegExp(`^sections/clash\\.md:\\d+: section "${taken.id}" is already defined by library "bundled" \\(sections/`));
    expect(info.problems[0]).not.toContain(dir);
    const after = (await call('listSections')) as { id: string; title: string; source?: { kind: string } }[];
    expect(after.find((s) => s.id === taken.id)).toMatchObject({ title: taken.title, source: { kind: 'bundled' } });
  });

  it('reloads libraries changed outside the app (a git pull in a team folder)', async () => {
    const team = path.join(dir, 'team-share');
    await cp(path.join(fixtures, 'valid'), team, { recursive: true });
    folders.push(team);
    await call('addTeamLibrary');
    await writeFile(path.join(team, 'sections', 'pulled.md'), '---\nid: pulled-in\ntitle: Pulled in\ntopic: context\nrevision: 1\n---\nFrom a colleague.\n');
    expect(((await call('listSections')) as { id: string }[]).some((x) => x.id === 'pulled-in')).toBe(false);
    const overview = (await call('reloadLibraries')) as LibrariesOverview;
    expect(overview.libraries[2]!.sections).toBe(4);
    expect(((await call('listSections')) as { id: string }[]).some((x) => x.id === 'pulled-in')).toBe(true);
  });

  it('refuses form payloads of the wrong shape at the channel (strict objects, bounded strings)', async () => {
    await expect(call('savePersonalFact', { ...fact(), extra: 1 })).rejects.toThrow(/invalid arguments/);
    await expect(call('savePersonalFact', fact({ statement: 'x'.repeat(5000) }))).rejects.toThrow(/invalid arguments/);
    await expect(call('removeTeamLibrary', '')).rejects.toThrow(/invalid arguments/);
  });
});
