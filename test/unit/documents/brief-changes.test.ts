// brief-changes: pinned fact diffs, newer linked-section revisions, and accepted updates as patches applied immutably.
import { describe, expect, it } from 'vitest';
import { applyLibraryPatch, briefChanges, libraryPatch, LibraryUpdateError, updateLinkedSection, updatePin } from '../../../shared/brief-changes.js';
import { UserFacingError } from '../../../shared/errors.js';
import { pinFacts } from '../../../shared/pinning.js';
import { Brief, newBrief } from '../../../shared/model/brief.js';
import { emptyLibrary, Fact, type Library, type Section } from '../../../shared/model/library.js';

const fact = (id: string, over: Partial<Fact> = {}): Fact =>
  Fact.parse({
    id,
    statement: `Statement of ${id}`,
    value: 10,
    unit: 'percent',
    asOf: '2024-01',
    review: { maxAgeDays: 365 },
    source: { title: 'Report', publisher: 'Institute', date: '2024-02-01', url: 'https://example.org/report' },
    ...over,
  });
const section = (id: string, revision: number, over: Partial<Section> = {}): Section => ({
  id,
  title: `${id} r${revision}`,
  topic: 'priorities',
  tags: { technologies: [], countries: [], topics: [] },
  revision,
  variables: [],
  body: `Body of ${id} at revision ${revision}.`,
  ...over,
});

function library(facts: Fact[], sections: Section[]): Library {
  const lib = emptyLibrary();
  for (const f of facts) lib.facts.set(f.id, f);
  for (const s of sections) lib.sections.set(s.id, s);
  return lib;
}

/** Frozen all the way down, so any mutation by the functions under test throws. */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

function briefWith(): Brief {
  const b = newBrief({ title: 'Changes', template: 'issue-brief', date: '2025-06-01' });
  return deepFreeze(
    Brief.parse({
      ...b,
      sections: [
        { kind: 'linked', sectionId: 'chips', revision: 1, title: 'chips r1', body: 'Body of chips at revision 1.', style: 'summary' },
        { kind: 'detached', id: 'mine', title: 'Mine', body: 'My own words.' },
        { kind: 'linked', sectionId: 'quantum', revision: 3, title: 'quantum r3', body: 'Body of quantum at revision 3.' },
        { kind: 'linked', sectionId: 'retired', revision: 2, title: 'Retired', body: 'Gone from the library.' },
        { kind: 'linked', sectionId: 'chips', revision: 1, title: 'chips r1', body: 'Body of chips at revision 1.', marking: 'U' },
      ],
      pins: { same: fact('same'), moved: fact('moved'), dropped: fact('dropped') },
    }),
  );
}

const newerMoved = fact('moved', {
  value: 12.5,
  asOf: '2025-01',
  source: { title: 'Report', publisher: 'Institute', date: '2025-02-01', url: 'https://example.org/report' },
  marking: 'CUI',
});
const lib = library(
  [fact('same'), newerMoved, fact('unpinned')],
  [section('chips', 2, { marking: 'C' }), section('quantum', 3)],
);

describe('briefChanges', () => {
  it('reports field-level pin changes, pins missing from the library, newer sections and missing sections', () => {
    const changes = briefChanges(briefWith(), lib);
    expect(changes.changedPins).toEqual([
      {
        factId: 'moved',
        fields: [
          { field: 'value', pinned: 10, library: 12.5 },
          { field: 'asOf', pinned: '2024-01', library: '2025-01' },
          { field: 'source', pinned: fact('moved').source, library: newerMoved.source },
          { field: 'marking', pinned: undefined, library: 'CUI' },
        ],
      },
    ]);
    expect(changes.missingPins).toEqual(['dropped']);
    expect(changes.missingSections).toEqual(['retired']);
    expect(changes.sectionUpdates).toEqual([
      {
        sectionId: 'chips',
        index: 0,
        fromRevision: 1,
        toRevision: 2,
        old: { title: 'chips r1', body: 'Body of chips at revision 1.' },
        new: { title: 'chips r2', body: 'Body of chips at revision 2.', marking: 'C' },
      },
      expect.objectContaining({ sectionId: 'chips', index: 4, old: expect.objectContaining({ marking: 'U' }) }),
    ]);
  });

  it('reports nothing for a brief in step with its library', () => {
    const b = briefWith();
    const inStep = library(Object.values(b.pins), [section('chips', 1), section('quantum', 3), section('retired', 2)]);
    expect(briefChanges(b, inStep)).toEqual({ changedPins: [], missingPins: [], sectionUpdates: [], missingSections: [] });
  });

  it('does not offer an older library revision as an update', () => {
    expect(briefChanges(briefWith(), library([], [section('quantum', 2)])).sectionUpdates).toEqual([]);
  });
});

describe('applying updates', () => {
  it('updatePin replaces one pin with the library fact and leaves the rest (and the input) alone', () => {
    const before = briefWith();
    const after = updatePin(before, 'moved', lib);
    expect(after.pins.moved).toEqual(newerMoved);
    expect(after.pins.moved).not.toBe(newerMoved);
    expect(after.pins.same).toBe(before.pins.same);
    expect(after.sections).toBe(before.sections);
    expect(before.pins.moved!.value).toBe(10);
    expect(briefChanges(after, lib).changedPins).toEqual([]);
    expect(() => updatePin(before, 'dropped', lib)).toThrow(/"dropped" is not in the library/);
    expect(() => updatePin(before, 'unpinned', lib)).toThrow(/"unpinned" is not pinned/);
  });

  it('updateLinkedSection brings every copy to the new revision, keeping style, taking the library marking', () => {
    const before = briefWith();
    const after = updateLinkedSection(before, 'chips', lib);
    expect(after.sections[0]).toEqual({ kind: 'linked', sectionId: 'chips', revision: 2, title: 'chips r2', body: 'Body of chips at revision 2.', marking: 'C', style: 'summary' });
    expect(after.sections[4]).toMatchObject({ revision: 2, marking: 'C', style: 'normal' });
    expect(after.sections[1]).toBe(before.sections[1]);
    expect(before.sections[0]).toMatchObject({ revision: 1 });
    expect(briefChanges(after, lib).sectionUpdates).toEqual([]);
    expect(() => Brief.parse(after)).not.toThrow();

    const unmarked = updateLinkedSection(after, 'chips', library([], [section('chips', 3)]));
    expect(unmarked.sections[0]).not.toHaveProperty('marking');
    expect(() => updateLinkedSection(before, 'retired', lib)).toThrow(/not in the library/);
    expect(() => updateLinkedSection(before, 'mine', library([], [section('mine', 1)]))).toThrow(/not linked in this brief/);
  });

  it('updateLinkedSection pins a fact the new revision cites for the first time, and keeps existing pins', () => {
    const before = briefWith();
    const cites = library([fact('fresh'), fact('same', { value: 99 })], [section('chips', 2, { body: 'Now {{fact:fresh}} and {{fact:same}}.' })]);
    const after = updateLinkedSection(before, 'chips', cites);
    expect(after.pins.fresh).toEqual(fact('fresh'));
    expect(after.pins.same).toBe(before.pins.same);
  });

  it('libraryPatch reads the current fact or the section linked at its current revision, and says when the library lacks it', () => {
    const pin = libraryPatch({ kind: 'pin', id: 'moved' }, lib);
    expect(pin).toEqual({ kind: 'pin', id: 'moved', fact: newerMoved });
    expect(pin.kind === 'pin' && pin.fact).not.toBe(newerMoved);
    expect(libraryPatch({ kind: 'section', id: 'chips' }, lib)).toEqual({
      kind: 'section',
      section: { kind: 'linked', sectionId: 'chips', revision: 2, title: 'chips r2', body: 'Body of chips at revision 2.', marking: 'C', style: 'normal' },
    });
    expect(() => libraryPatch({ kind: 'pin', id: 'dropped' }, lib)).toThrow(new LibraryUpdateError('fact "dropped" is not in the library, so its pin cannot be updated'));
    expect(() => libraryPatch({ kind: 'section', id: 'retired' }, lib)).toThrow(new LibraryUpdateError('section "retired" is not in the library, so it cannot be updated'));
    expect(() => libraryPatch({ kind: 'pin', id: 'dropped' }, lib)).toThrow(UserFacingError);
  });

  it('applyLibraryPatch takes a patch into a brief that has moved on meanwhile, and refuses one it no longer holds', () => {
    const before = briefWith();
    const sectionPatch = libraryPatch({ kind: 'section', id: 'chips' }, lib);
    // The user removed the first copy of chips while the patch was on its way: the other copy still takes it.
    const edited = { ...before, sections: before.sections.slice(1) };
    const after = applyLibraryPatch(edited, sectionPatch);
    expect(after.sections.map((s) => (s.kind === 'linked' ? `${s.sectionId}@${s.revision}` : s.id))).toEqual(['mine', 'quantum@3', 'retired@2', 'chips@2']);
    expect(after.sections[3]).toEqual({ kind: 'linked', sectionId: 'chips', revision: 2, title: 'chips r2', body: 'Body of chips at revision 2.', marking: 'C', style: 'normal' });
    expect(after.pins).toBe(edited.pins);

    const pinned = applyLibraryPatch(before, { kind: 'pin', id: 'same', fact: fact('same', { statement: 'Restated.' }) });
    expect(pinned.pins.same!.statement).toBe('Restated.');
    expect(pinned.pins.moved).toBe(before.pins.moved);
    expect(pinned.sections).toBe(before.sections);

    expect(() => applyLibraryPatch(before, { kind: 'pin', id: 'unpinned', fact: fact('unpinned') })).toThrow(new LibraryUpdateError('fact "unpinned" is not pinned in this brief'));
    // A fact id that names an Object prototype member is not "pinned" by inheritance.
    expect(() => applyLibraryPatch(before, { kind: 'pin', id: 'constructor', fact: fact('constructor') })).toThrow(/"constructor" is not pinned/);
    const withoutChips = { ...before, sections: before.sections.filter((s) => s.kind !== 'linked' || s.sectionId !== 'chips') };
    expect(() => applyLibraryPatch(withoutChips, sectionPatch)).toThrow(new LibraryUpdateError('section "chips" is not linked in this brief'));
  });

  it('pinFacts snapshots new facts, keeps existing pins, ignores unknown ids, returns the same brief when nothing changes', () => {
    const before = briefWith();
    const after = pinFacts(before, ['unpinned', 'moved', 'nowhere'], lib.facts);
    expect(Object.keys(after.pins).sort()).toEqual(['dropped', 'moved', 'same', 'unpinned']);
    expect(after.pins.unpinned).toEqual(fact('unpinned'));
    expect(after.pins.moved).toBe(before.pins.moved);
    expect(pinFacts(before, ['same', 'nowhere'], lib.facts)).toBe(before);
  });
});
