// briefEdits: insert a linked section, reorder and remove by key, and typing in a section (a linked section becomes an edited copy with a fresh id).
import { describe, expect, it } from 'vitest';
import { sectionKey, type Brief } from '../../../shared/model/brief.js';
import { insertSection, moveSection, removeSection, setSectionBody } from '../../../renderer/src/state/briefEdits.js';
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
