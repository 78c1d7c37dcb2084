// libraryChanges, libraryUpdate and linkSection through dispatch: a pin and a linked section fall behind the library, then
// catch up by the patches main reads, applied as the renderer applies them.
import { describe, expect, it } from 'vitest';
import { applyLibraryPatch } from '../../../shared/brief-changes.js';
import type { Brief } from '../../../shared/model/brief.js';
import { useApp } from '../../support/hooks.js';
import { factInput } from '../../support/items.js';

const app = useApp();
const call: ReturnType<typeof app>['call'] = (method, ...args) => app().call(method, ...args);
const envelope: ReturnType<typeof app>['envelope'] = (method, ...args) => app().envelope(method, ...args);

const fact = (statement: string) => factInput({ statement });
const meta = (revision: number) => ({ id: 'my-fabs', title: 'Fabs under construction', topic: 'priorities', revision });

/** A brief taken from the personal library, after which the library's fact and section both move on. */
async function briefBehindLibrary(): Promise<Brief> {
  expect(await call('saveLibraryFact', fact('Twelve allied fabs.'))).toEqual({ ok: true });
  expect(await call('saveLibrarySection', meta(1), 'Allied fabs are being built.{{cite:my-chip-fact}}\n')).toEqual({ ok: true });
  const brief = await call('assembleBrief', { title: 'Fabs', template: 'issue-brief', date: '2026-11-25', sectionIds: ['my-fabs'] });
  expect((await call('composeBrief', brief)).warnings).toEqual([]);
  expect(await call('saveLibraryFact', fact('Thirteen allied fabs.'))).toEqual({ ok: true });
  expect(await call('saveLibrarySection', meta(2), 'Allied fabs are being built faster.{{cite:my-chip-fact}}\n')).toEqual({ ok: true });
  return brief;
}

const codes = async (brief: Brief) => (await call('composeBrief', brief)).warnings.map((w) => w.code).sort();

describe('library update channels', () => {
  it('reports a changed pin and a newer section revision, and applies each only when asked', async () => {
    const brief = await briefBehindLibrary();
    const changes = await call('libraryChanges', brief);
    expect(changes.changedPins).toEqual([{ factId: 'my-chip-fact', fields: [{ field: 'statement', pinned: 'Twelve allied fabs.', library: 'Thirteen allied fabs.' }] }]);
    expect(changes.sectionUpdates).toMatchObject([
      { sectionId: 'my-fabs', index: 0, fromRevision: 1, toRevision: 2, old: { body: 'Allied fabs are being built.{{cite:my-chip-fact}}\n' }, new: { body: 'Allied fabs are being built faster.{{cite:my-chip-fact}}\n' } },
    ]);
    expect(changes.missingPins).toEqual([]);
    expect(changes.missingSections).toEqual([]);
    expect(await codes(brief)).toEqual(['pin-changed', 'section-update']);

    const pinPatch = await call('libraryUpdate', { kind: 'pin', id: 'my-chip-fact' });
    expect(pinPatch).toMatchObject({ kind: 'pin', id: 'my-chip-fact', fact: { id: 'my-chip-fact', statement: 'Thirteen allied fabs.' } });
    const pinned = applyLibraryPatch(brief, pinPatch);
    expect(pinned.pins['my-chip-fact']!.statement).toBe('Thirteen allied fabs.');
    expect(pinned.sections[0]).toMatchObject({ revision: 1 });
    expect(await codes(pinned)).toEqual(['section-update']);

    const sectionPatch = await call('libraryUpdate', { kind: 'section', id: 'my-fabs' });
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
