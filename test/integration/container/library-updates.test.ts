// libraryChanges, libraryUpdate and linkSection through dispatch: a pin and a linked section fall behind the library, then
// catch up by the patches main reads, applied as the renderer applies them.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createServices } from '../../../main/services/container.js';
import { createHandlers } from '../../../main/services/handlers/index.js';
import { dispatch } from '../../../main/services/dispatch.js';
import { bundledLibraryDir, fontsDir } from '../../../main/services/app-paths.js';
import { applyLibraryPatch, type BriefChanges, type LibraryPatch } from '../../../shared/brief-changes.js';
import type { FactInput, Handlers } from '../../../shared/ipc/channels.js';
import type { MethodName } from '../../../shared/ipc/names.js';
import type { Brief } from '../../../shared/model/brief.js';
import type { ComposedDoc } from '../../../shared/model/composed-doc.js';

let dir: string;
let handlers: Handlers;

async function envelope(method: MethodName, ...args: unknown[]) {
  return dispatch(handlers, method, args, { trusted: true, describe: 'test' });
}
async function call(method: MethodName, ...args: unknown[]): Promise<unknown> {
  const e = await envelope(method, ...args);
  if (!e.ok) throw new Error(e.error.message);
  return e.value;
}

const fact = (statement: string): FactInput => ({
  id: 'my-chip-fact',
  statement,
  value: 12,
  unit: 'fabs',
  asOf: '2026-10-01',
  review: { maxAgeDays: 365 },
  source: { title: 'Internal fab tracker', publisher: 'Policy office', date: '2026-10-01', url: 'https://example.org/fabs' },
  tags: { technologies: ['semiconductors'], countries: [], topics: ['industry'] },
});
const meta = (revision: number) => ({ id: 'my-fabs', title: 'Fabs under construction', topic: 'priorities', revision });

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'bb-updates-'));
  const services = await createServices({
    bundledLibraryDir: bundledLibraryDir(),
    fontsDir: fontsDir(),
    userDataDir: path.join(dir, 'user-data'),
    dialogs: { savePdf: async () => null, openBrief: async () => null, saveBriefAs: async () => null },
    today: () => new Date('2026-11-25T00:00:00Z'),
  });
  handlers = createHandlers(services);
});
afterEach(() => rm(dir, { recursive: true, force: true }));

/** A brief taken from the personal library, after which the library's fact and section both move on. */
async function briefBehindLibrary(): Promise<Brief> {
  expect(await call('savePersonalFact', fact('Twelve allied fabs.'))).toEqual({ ok: true });
  expect(await call('savePersonalSection', meta(1), 'Allied fabs are being built.{{cite:my-chip-fact}}\n')).toEqual({ ok: true });
  const brief = (await call('assembleBrief', { title: 'Fabs', template: 'issue-brief', date: '2026-11-25', sectionIds: ['my-fabs'] })) as Brief;
  expect(((await call('composeBrief', brief)) as ComposedDoc).warnings).toEqual([]);
  expect(await call('savePersonalFact', fact('Thirteen allied fabs.'))).toEqual({ ok: true });
  expect(await call('savePersonalSection', meta(2), 'Allied fabs are being built faster.{{cite:my-chip-fact}}\n')).toEqual({ ok: true });
  return brief;
}

const codes = async (brief: Brief) => ((await call('composeBrief', brief)) as ComposedDoc).warnings.map((w) => w.code).sort();

describe('library update channels', () => {
  it('reports a changed pin and a newer section revision, and applies each only when asked', async () => {
    const brief = await briefBehindLibrary();
    const changes = (await call('libraryChanges', brief)) as BriefChanges;
    expect(changes.changedPins).toEqual([{ factId: 'my-chip-fact', fields: [{ field: 'statement', pinned: 'Twelve allied fabs.', library: 'Thirteen allied fabs.' }] }]);
    expect(changes.sectionUpdates).toMatchObject([
      { sectionId: 'my-fabs', index: 0, fromRevision: 1, toRevision: 2, old: { body: 'Allied fabs are being built.{{cite:my-chip-fact}}\n' }, new: { body: 'Allied fabs are being built faster.{{cite:my-chip-fact}}\n' } },
    ]);
    expect(changes.missingPins).toEqual([]);
    expect(changes.missingSections).toEqual([]);
    expect(await codes(brief)).toEqual(['pin-changed', 'section-update']);

    const pinPatch = (await call('libraryUpdate', { kind: 'pin', id: 'my-chip-fact' })) as LibraryPatch;
    expect(pinPatch).toMatchObject({ kind: 'pin', id: 'my-chip-fact', fact: { id: 'my-chip-fact', statement: 'Thirteen allied fabs.' } });
    const pinned = applyLibraryPatch(brief, pinPatch);
    expect(pinned.pins['my-chip-fact']!.statement).toBe('Thirteen allied fabs.');
    expect(pinned.sections[0]).toMatchObject({ revision: 1 });
    expect(await codes(pinned)).toEqual(['section-update']);

    const sectionPatch = (await call('libraryUpdate', { kind: 'section', id: 'my-fabs' })) as LibraryPatch;
    expect(sectionPatch).toEqual({
      kind: 'section',
      section: { kind: 'linked', sectionId: 'my-fabs', revision: 2, title: 'Fabs under construction', body: 'Allied fabs are being built faster.{{cite:my-chip-fact}}\n', style: 'normal' },
    });
    const updated = applyLibraryPatch(pinned, sectionPatch);
    expect(updated.sections[0]).toMatchObject({ kind: 'linked', revision: 2, body: 'Allied fabs are being built faster.{{cite:my-chip-fact}}\n' });
    expect(await codes(updated)).toEqual([]);
    expect(await call('libraryChanges', updated)).toEqual({ changedPins: [], missingPins: [], sectionUpdates: [], missingSections: [] });
  });

  it('refuses malformed updates and answers an update that no longer applies with a message', async () => {
    for (const bad of [{ kind: 'fact', id: 'x' }, { kind: 'pin', id: '' }, { kind: 'pin', id: 'x'.repeat(201) }, { kind: 'pin', id: 'x', extra: 1 }]) {
      expect(await envelope('libraryUpdate', bad)).toMatchObject({ ok: false, error: { message: expect.stringMatching(/^invalid arguments for libraryUpdate/) } });
    }
    // The old channel's arguments (a whole brief first) are refused, not misread.
    expect((await envelope('libraryUpdate', await briefBehindLibrary(), { kind: 'pin', id: 'my-chip-fact' })).ok).toBe(false);
    expect(await envelope('libraryUpdate', { kind: 'pin', id: 'not-in-any-library' })).toEqual({
      ok: false,
      error: { message: 'fact "not-in-any-library" is not in the library, so its pin cannot be updated' },
    });
    expect(await envelope('libraryUpdate', { kind: 'section', id: 'retired-section' })).toEqual({
      ok: false,
      error: { message: 'section "retired-section" is not in the library, so it cannot be updated' },
    });
  });
});

describe('linkSection', () => {
  it('answers a linked copy of the library section at its current revision, without touching any brief', async () => {
    await briefBehindLibrary();
    expect(await call('linkSection', 'my-fabs')).toEqual({
      kind: 'linked',
      sectionId: 'my-fabs',
      revision: 2,
      title: 'Fabs under construction',
      body: 'Allied fabs are being built faster.{{cite:my-chip-fact}}\n',
      style: 'normal',
    });
  });

  it('says which id is unknown, and refuses a malformed id', async () => {
    expect(await envelope('linkSection', 'no-such-section')).toEqual({
      ok: false,
      error: { message: 'unknown section id: no-such-section (see `briefing list sections`)' },
    });
    for (const bad of [[''], ['x'.repeat(201)], [42], []]) expect((await envelope('linkSection', ...bad)).ok).toBe(false);
  });
});
