// libraryChanges and applyLibraryUpdate through dispatch: a pin and a linked section fall behind the library, then catch up.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createServices } from '../../../main/services/container.js';
import { createHandlers } from '../../../main/services/handlers/index.js';
import { dispatch } from '../../../main/services/dispatch.js';
import { bundledLibraryDir, fontsDir } from '../../../main/services/app-paths.js';
import type { BriefChanges } from '../../../shared/brief-changes.js';
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

    const pinned = (await call('applyLibraryUpdate', brief, { kind: 'pin', id: 'my-chip-fact' })) as Brief;
    expect(pinned.pins['my-chip-fact']!.statement).toBe('Thirteen allied fabs.');
    expect(pinned.sections[0]).toMatchObject({ revision: 1 });
    expect(await codes(pinned)).toEqual(['section-update']);

    const updated = (await call('applyLibraryUpdate', pinned, { kind: 'section', id: 'my-fabs' })) as Brief;
    expect(updated.sections[0]).toMatchObject({ kind: 'linked', revision: 2, body: 'Allied fabs are being built faster.{{cite:my-chip-fact}}\n' });
    expect(await codes(updated)).toEqual([]);
    expect(await call('libraryChanges', updated)).toEqual({ changedPins: [], missingPins: [], sectionUpdates: [], missingSections: [] });
  });

  it('refuses malformed updates and answers an update that no longer applies with a message', async () => {
    const brief = await briefBehindLibrary();
    for (const bad of [{ kind: 'fact', id: 'x' }, { kind: 'pin', id: '' }, { kind: 'pin', id: 'x'.repeat(201) }, { kind: 'pin', id: 'x', extra: 1 }]) {
      expect((await envelope('applyLibraryUpdate', brief, bad)).ok).toBe(false);
    }
    const e = await envelope('applyLibraryUpdate', brief, { kind: 'pin', id: 'not-pinned-anywhere' });
    expect(e).toMatchObject({ ok: false, error: { message: expect.stringContaining('not-pinned-anywhere') } });
  });
});
