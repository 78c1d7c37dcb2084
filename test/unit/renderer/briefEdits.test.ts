// briefEdits: insert a linked section, reorder and remove by key, and typing in a section (a linked section becomes an edited copy with a fresh id).
import { describe, expect, it } from 'vitest';
import { sectionKey, type Brief } from '../../../shared/model/brief.js';
import { addBlankSection, insertSection, moveSection, removeSection, setSectionBody, setSectionStyle, setSectionTitle } from '../../../renderer/src/state/briefEdits.js';
import { briefOf, detached, linked } from './briefs.js';

const keys = (b: Brief) => b.sections.map(sectionKey);
const abcd = () => briefOf(linked('a'), linked('b'), detached('c'), linked('d'));

describe('insertSection', () => {
  it('inserts at the index, or at the end when none is given', () => {
    expect(keys(insertSection(abcd(), linked('new'), 0))).toEqual(['new', 'a', 'b', 'c', 'd']);
    expect(keys(insertSection(abcd(), linked('new'), 2))).toEqual(['a', 'b', 'new', 'c', 'd']);
    expect(keys(insertSection(abcd(), linked('new')))).toEqual(['a', 'b', 'c', 'd', 'new']);
    expect(keys(insertSection(briefOf(), linked('new')))).toEqual(['new']);
  });

  it('clamps an index beyond the brief (the brief shrank while the section was on its way)', () => {
    expect(keys(insertSection(abcd(), linked('new'), 10))).toEqual(['a', 'b', 'c', 'd', 'new']);
    expect(keys(insertSection(abcd(), linked('new'), -1))).toEqual(['new', 'a', 'b', 'c', 'd']);
  });

  it('keeps the section as given and the others as they were', () => {
    const b = abcd();
    const section = linked('new', { revision: 3, marking: 'CUI' });
    const after = insertSection(b, section, 1);
    expect(after.sections[1]).toBe(section);
    expect(after.sections.filter((s) => s !== section)).toEqual(b.sections);
    expect(after.pins).toBe(b.pins);
    expect(keys(b)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('does not add a section the brief already holds under that key', () => {
    const b = abcd();
    expect(insertSection(b, linked('b'), 0)).toBe(b);
    expect(insertSection(b, detached('c'))).toBe(b);
  });
});

describe('moveSection', () => {
  it('moves a section to an index, the others keeping their order', () => {
    expect(keys(moveSection(abcd(), 'd', 0))).toEqual(['d', 'a', 'b', 'c']);
    expect(keys(moveSection(abcd(), 'a', 2))).toEqual(['b', 'c', 'a', 'd']);
    expect(keys(moveSection(abcd(), 'c', 1))).toEqual(['a', 'c', 'b', 'd']);
  });

  it('clamps the index to the list', () => {
    expect(keys(moveSection(abcd(), 'b', -3))).toEqual(['b', 'a', 'c', 'd']);
    expect(keys(moveSection(abcd(), 'b', 99))).toEqual(['a', 'c', 'd', 'b']);
  });

  it('returns the same brief for an unknown key or a move to where it is', () => {
    const b = abcd();
    expect(moveSection(b, 'zz', 0)).toBe(b);
    expect(moveSection(b, 'b', 1)).toBe(b);
    expect(moveSection(b, 'a', -1)).toBe(b);
  });

  it('leaves its input alone', () => {
    const b = abcd();
    moveSection(b, 'd', 0);
    expect(keys(b)).toEqual(['a', 'b', 'c', 'd']);
  });
});

describe('removeSection', () => {
  it('removes the section with the key, linked or detached', () => {
    expect(keys(removeSection(abcd(), 'b'))).toEqual(['a', 'c', 'd']);
    expect(keys(removeSection(abcd(), 'c'))).toEqual(['a', 'b', 'd']);
    expect(keys(removeSection(abcd(), 'zz'))).toEqual(['a', 'b', 'c', 'd']);
  });
});

describe('setSectionBody', () => {
  it('turns a linked section into an edited copy that remembers where it came from', () => {
    const b = briefOf(linked('chips', { marking: 'CUI', style: 'summary', revision: 4 }), detached('mine'));
    const r = setSectionBody(b, 'chips', 'New words.');
    expect(r.key).toBe('chips-edited');
    expect(r.brief.sections[0]).toEqual({
      kind: 'detached',
      id: 'chips-edited',
      title: 'Title of chips',
      body: 'New words.',
      marking: 'CUI',
      style: 'summary',
      fromSectionId: 'chips',
    });
    expect(r.brief.sections[1]).toBe(b.sections[1]);
    expect(b.sections[0]!.kind).toBe('linked');
  });

  it('leaves out the marking of an unmarked section', () => {
    expect(setSectionBody(briefOf(linked('chips')), 'chips', 'x').brief.sections[0]).not.toHaveProperty('marking');
  });

  it('picks an id no other section uses', () => {
    const b = briefOf(linked('chips'), detached('chips-edited'), detached('chips-edited-2'));
    const r = setSectionBody(b, 'chips', 'Again.');
    expect(r.key).toBe('chips-edited-3');
    expect(keys(r.brief)).toEqual(['chips-edited-3', 'chips-edited', 'chips-edited-2']);
  });

  it('edits a detached section in place, keeping its id and origin', () => {
    const b = briefOf(detached('chips-edited', { fromSectionId: 'chips' }));
    const r = setSectionBody(b, 'chips-edited', 'Typed more.');
    expect(r).toEqual({ key: 'chips-edited', brief: briefOf(detached('chips-edited', { fromSectionId: 'chips', body: 'Typed more.' })) });
  });

  it('returns the same brief and key when the body is unchanged or the key unknown', () => {
    const b = abcd();
    expect(setSectionBody(b, 'a', 'Body of a.')).toEqual({ brief: b, key: 'a' });
    expect(setSectionBody(b, 'a', 'Body of a.').brief).toBe(b);
    expect(setSectionBody(b, 'zz', 'x').brief).toBe(b);
  });
});

describe('setSectionTitle', () => {
  it('renames a linked section as the brief’s own copy, keeping its text, marking and style', () => {
    const b = briefOf(linked('a', { marking: 'CUI', style: 'summary' }), linked('b'));
    const r = setSectionTitle(b, 'a', 'The short version');
    const s = r.brief.sections[0]!;
    expect(s).toMatchObject({ kind: 'detached', id: 'a-edited', title: 'The short version', body: b.sections[0]!.body, marking: 'CUI', style: 'summary', fromSectionId: 'a' });
    expect(r.key).toBe('a-edited');
    expect(r.brief.sections[1]).toBe(b.sections[1]);
  });

  it('renames a detached section in place; the same title is no edit at all', () => {
    const b = abcd();
    const r = setSectionTitle(b, 'c', 'Renamed');
    expect(r.key).toBe('c');
    expect(r.brief.sections[2]).toMatchObject({ kind: 'detached', id: 'c', title: 'Renamed' });
    expect(setSectionTitle(b, 'c', b.sections[2]!.title).brief).toBe(b);
    expect(setSectionTitle(b, 'nope', 'x').brief).toBe(b);
  });
});

describe('setSectionStyle', () => {
  it('sets summary or normal and leaves a linked section linked', () => {
    const b = abcd();
    const next = setSectionStyle(b, 'a', 'summary');
    expect(next.sections[0]).toMatchObject({ kind: 'linked', sectionId: 'a', style: 'summary' });
    expect(setSectionStyle(next, 'a', 'summary')).toBe(next);
  });
});

describe('addBlankSection', () => {
  it('adds an empty section of the brief’s own after the given one, with an id new in the brief', () => {
    const b = briefOf(linked('a'), detached('own-1'), linked('b'));
    const r = addBlankSection(b, 'a');
    expect(keys(r.brief)).toEqual(['a', 'own-2', 'own-1', 'b']);
    expect(r.brief.sections[1]).toEqual({ kind: 'detached', id: 'own-2', title: 'New section', body: '', style: 'normal' });
    expect(keys(addBlankSection(b, null).brief)).toEqual(['a', 'own-1', 'b', 'own-2']);
  });
});
