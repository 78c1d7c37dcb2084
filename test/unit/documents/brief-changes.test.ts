// brief-changes: pinned fact diffs, newer linked-section revisions, and applying accepted updates immutably.
import { describe, expect, it } from 'vitest';
import { briefChanges, updateLinkedSection, updatePin } from '../../../shared/brief-changes.js';
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

  it('pinFacts snapshots new facts, keeps existing pins, ignores unknown ids, returns the same brief when nothing changes', () => {
    const before = briefWith();
    const after = pinFacts(before, ['unpinned', 'moved', 'nowhere'], lib.facts);
    expect(Object.keys(after.pins).sort()).toEqual(['dropped', 'moved', 'same', 'unpinned']);
    expect(after.pins.unpinned).toEqual(fact('unpinned'));
    expect(after.pins.moved).toBe(before.pins.moved);
    expect(pinFacts(before, ['same', 'nowhere'], lib.facts)).toBe(before);
  });
});
