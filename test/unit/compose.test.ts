// compose(): references, endnote numbering, variables, markings, containers, data tables and safety.
import { describe, expect, it } from 'vitest';
import { compose, UNTITLED_SECTION } from '../../shared/compose/index.js';
import { assembleBrief, UnknownSectionError } from '../../shared/assemble.js';
import { emptyLibrary, type Fact, type Library, type Section } from '../../shared/model/library.js';
import { markingErrors, type Block, type Inline } from '../../shared/model/composed-doc.js';
import { withProfiles } from '../support/marking-profiles.js';

const TODAY = new Date('2026-11-25T00:00:00Z');

function fact(id: string, extra: Partial<Fact> = {}): Fact {
  return {
    id,
    statement: `Statement of ${id}.`,
    asOf: '2021-05-01',
    review: { by: '2030-01-01' },
    source: { title: `Source ${id}`, publisher: 'Pub', date: '2021-05-01', url: `https://example.org/${id}` },
    tags: { technologies: [], countries: [], topics: [] },
    ...extra,
  };
}

function section(id: string, body: string, extra: Partial<Section> = {}): Section {
  return { id, title: `Title ${id}`, topic: 'priorities', tags: { technologies: [], countries: [], topics: [] }, revision: 1, variables: [], body, ...extra };
}

function lib(): Library {
  const l = emptyLibrary();
  l.facts.set('a', fact('a', { value: 12.5, unit: 'percent' }));
  l.facts.set('b', fact('b'));
  l.facts.set('old', fact('old', { review: { by: '2025-01-01' } }));
  l.technologies.set('semiconductors', { id: 'semiconductors', name: 'Semiconductors', priority: 'core' });
  l.forums.set('g7', { id: 'g7', name: 'G7', kind: 'forum', members: ['jp'], technologies: [], description: 'x', facts: [] });
  l.countries.set('jp', { id: 'jp', name: 'Japan', candidate: true, forums: ['g7'], strengths: ['semiconductors'], facts: [] });
  l.sections.set('s1', section('s1', 'First {{fact:b}} then {{value:a}} and again {{cite:b}}.\n\n## Sub part\n\n- one\n- two {{var:partner}}'));
  l.sections.set('s2', section('s2', 'Uses {{cite:a}} and {{fact:nope}} and {{fact:old}}.', { variables: [{ name: 'partner', label: 'Partner', default: 'Japan' }] }));
  l.sections.set('t', section('t', '```briefing-table\nquery: technology-partners\ntechnology: {{var:tech}}\n```\n', { variables: [{ name: 'tech', label: 'Technology', default: 'semiconductors' }] }));
  return l;
}

const text = (inl: Inline[]) => inl.map((i) => (i.kind === 'text' || i.kind === 'placeholder' ? i.text : i.kind === 'note' ? `[${i.n}]` : '')).join('');
const paragraphs = (blocks: Block[]) => blocks.filter((b) => b.kind === 'paragraph').map((b) => (b.kind === 'paragraph' ? text(b.inlines) : ''));

describe('compose', () => {
  it('resolves facts, values and citations with endnotes numbered by first use and shared', () => {
    const l = lib();
    const brief = assembleBrief({ title: 'T', template: 'issue-brief', date: '2026-11-25', sectionIds: ['s1', 's2'] }, l);
    const doc = compose(brief, l, { today: TODAY });
    expect(paragraphs(doc.sections[0]!.blocks)[0]).toBe('First Statement of b.[1] then 12.5 percent[2] and again [1].');
    expect(doc.notes.map((n) => [n.n, n.factIds, n.url])).toEqual([
      [1, ['b'], 'https://example.org/b'],
      [2, ['a'], 'https://example.org/a'],
      [3, ['old'], 'https://example.org/old'],
    ]);
    expect(doc.notes[0]!.text).toBe('Source b, Pub, May 1, 2021.');
  });

  it('warns about a missing fact and a stale one, and shows a visible placeholder', () => {
    const l = lib();
    const brief = assembleBrief({ title: 'T', template: 'issue-brief', date: '2026-11-25', sectionIds: ['s2'] }, l);
    const doc = compose(brief, l, { today: TODAY });
    expect(paragraphs(doc.sections[0]!.blocks)[0]).toContain('[missing fact: nope]');
    expect(doc.warnings.map((w) => w.code).sort()).toEqual(['missing-fact', 'stale-fact']);
    expect(doc.warnings.find((w) => w.code === 'missing-fact')!.sectionKey).toBe('s2');
  });

  it('renders from pinned facts even when the library changed or lost them', () => {
    const l = lib();
    const brief = assembleBrief({ title: 'T', template: 'issue-brief', date: '2026-11-25', sectionIds: ['s1'] }, l);
    l.facts.delete('b');
    l.facts.set('a', fact('a', { value: 99, unit: 'percent' }));
    const doc = compose(brief, l, { today: TODAY });
    expect(paragraphs(doc.sections[0]!.blocks)[0]).toBe('First Statement of b.[1] then 12.5 percent[2] and again [1].');
  });

  it('warns when a pinned fact differs from the library, naming the fact and the changed fields', () => {
    const l = lib();
    const brief = assembleBrief({ title: 'T', template: 'issue-brief', date: '2026-11-25', sectionIds: ['s1'] }, l);
    expect(compose(brief, l, { today: TODAY }).warnings.filter((w) => w.code === 'pin-changed')).toEqual([]);
    l.facts.set('a', fact('a', { value: 99, unit: 'percent', statement: 'New statement.' }));
    const warnings = compose(brief, l, { today: TODAY }).warnings.filter((w) => w.code === 'pin-changed');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ factId: 'a', sectionKey: '' });
    expect(warnings[0]!.message).toContain('"a"');
    expect(warnings[0]!.message).toContain('statement, value');
    expect(warnings[0]!.message).not.toContain('unit');
  });

  it('warns when a linked section has a newer library revision, naming the section and both revisions', () => {
    const l = lib();
    const brief = assembleBrief({ title: 'T', template: 'issue-brief', date: '2026-11-25', sectionIds: ['s1'] }, l);
    expect(compose(brief, l, { today: TODAY }).warnings.filter((w) => w.code === 'section-update')).toEqual([]);
    l.sections.set('s1', section('s1', 'Rewritten.', { revision: 3 }));
    const warnings = compose(brief, l, { today: TODAY }).warnings.filter((w) => w.code === 'section-update');
    expect(warnings).toEqual([{ code: 'section-update', sectionKey: 's1', message: 'section "Title s1" has a library update: revision 1 → 3' }]);
  });

  it('fills variables from the brief, else the section default, else warns', () => {
    const l = lib();
    const brief = assembleBrief({ title: 'T', template: 'issue-brief', date: '2026-11-25', sectionIds: ['s1'] }, l);
    const doc = compose(brief, l, { today: TODAY });
    const list = doc.sections[0]!.blocks.find((b) => b.kind === 'list');
    expect(list && list.kind === 'list' && paragraphs(list.items[1]!)[0]).toBe('two [partner]');
    expect(doc.warnings.some((w) => w.code === 'unknown-variable' && w.variable === 'partner')).toBe(true);
    const withVar = compose({ ...brief, variables: { partner: 'Korea' } }, l, { today: TODAY });
    const list2 = withVar.sections[0]!.blocks.find((b) => b.kind === 'list');
    expect(list2 && list2.kind === 'list' && paragraphs(list2.items[1]!)[0]).toBe('two Korea');
  });

  it('fills variables in section titles too', () => {
    const l = lib();
    l.sections.set('v', section('v', 'Body.', { title: 'Working with {{var:partner}}', variables: [{ name: 'partner', label: 'Partner', default: 'Japan' }] }));
    const doc = compose(assembleBrief({ title: 'T', template: 'issue-brief', date: '2026-11-25', sectionIds: ['v'], variables: { partner: 'Korea' } }, l), l, { today: TODAY });
    expect(doc.sections[0]!.title).toBe('Working with Korea');
    const h = doc.sections[0]!.blocks[0]!;
    expect(h.kind === 'heading' && text(h.inlines)).toBe('Working with Korea');
  });

  it('a section renamed to nothing is headed "Untitled section"; one styled as a summary is the boxed summary', () => {
    const l = lib();
    const brief = assembleBrief({ title: 'T', template: 'issue-brief', date: '2026-11-25', sectionIds: ['s1'] }, l);
    brief.sections.push({ kind: 'detached', id: 'own-1', title: '  ', body: 'Text of my own.', style: 'normal' });
    brief.sections[0] = { ...brief.sections[0]!, style: 'summary' };
    const doc = compose(brief, l, { today: TODAY });
    expect(doc.sections[1]!.title).toBe(UNTITLED_SECTION);
    const h = doc.sections[1]!.blocks[0]!;
    expect(h.kind === 'heading' && text(h.inlines)).toBe(UNTITLED_SECTION);
    expect(doc.sections[0]!.blocks[0]).toMatchObject({ kind: 'summary', title: 'Title s1' });
  });

  it('builds a data table from the store', () => {
    const l = lib();
    const doc = compose(assembleBrief({ title: 'T', template: 'issue-brief', date: '2026-11-25', sectionIds: ['t'] }, l), l, { today: TODAY });
    const table = doc.sections[0]!.blocks.find((b) => b.kind === 'table');
    expect(table && table.kind === 'table' && table.rows.map((r) => r.map(text))).toEqual([['Japan', 'Candidate member', 'G7']]);
  });

  it('never passes HTML or script links through', () => {
    const l = lib();
    l.sections.set('x', section('x', '<script>alert(1)</script>\n\n[click](javascript:alert(1)) and [ok](https://example.org)'));
    const doc = compose(assembleBrief({ title: 'T', template: 'issue-brief', date: '2026-11-25', sectionIds: ['x'] }, l), l, { today: TODAY });
    const json = JSON.stringify(doc.sections);
    expect(json).not.toMatch(/"href":"(?!https:)/);
    expect(json).toContain('"href":"https://example.org"');
    expect(paragraphs(doc.sections[0]!.blocks)[0]).toBe('<script>alert(1)</script>');
  });

  it('computes the overall marking and portion marks from the profile; an unmarked section is a marking error', () => {
    const l = withProfiles(lib());
    const brief = assembleBrief({ title: 'T', template: 'decision-memo', date: '2026-11-25', sectionIds: ['s1'], meta: { marking: 'us-classified' } }, l);
    brief.sections.push({ kind: 'detached', id: 'd', title: 'Secret part', body: 'Hidden.', marking: 'S//NF', style: 'normal' });
    const doc = compose(brief, l, { today: TODAY });
    expect(doc.marking.banner).toBe('SECRET//NOFORN');
    expect(doc.marking.overall).toBe('S//NF');
    const last = doc.sections[1]!.blocks.find((b) => b.kind === 'paragraph');
    expect(last && last.kind === 'paragraph' && last.portion).toBe('(S//NF)');
    const unmarked = markingErrors(doc).filter((w) => w.code === 'unmarked-portion');
    expect(unmarked.map((w) => w.message)).toEqual([expect.stringContaining('section "Title s1" has no marking')]);
  });

  it('a paragraph or list item carries its own mark; a mark-only paragraph marks the table after it; the banner combines them', () => {
    const l = withProfiles(lib());
    const brief = assembleBrief({ title: 'T', template: 'issue-brief', date: '2026-11-25', sectionIds: [], meta: { marking: 'us-classified' } }, l);
    const body = '(S//REL TO USA, GBR) Own mark.\n\nSection mark.\n\n- (C//REL TO USA, GBR, AUS) item\n- plain item\n\n(S//REL TO USA, GBR)\n\n| a | b |\n|---|---|\n| 1 | 2 |';
    brief.sections.push({ kind: 'detached', id: 'd', title: 'Mixed', body, marking: 'C//REL TO USA, GBR', style: 'normal' });
    const unfilled = compose(brief, l, { today: TODAY });
    expect(markingErrors(unfilled).map((w) => w.field)).toEqual(['classifiedBy', 'derivedFrom', 'declassifyOn']);
    brief.meta.markingFields = { classifiedBy: 'J. Roe, Director', derivedFrom: 'Multiple Sources', declassifyOn: '25X1, 20761231' };
    const doc = compose(brief, l, { today: TODAY });
    expect(markingErrors(doc)).toEqual([]);
    expect(doc.marking.firstPageBlock).toEqual(['Classified By: J. Roe, Director', 'Derived From: Multiple Sources', 'Declassify On: 25X1, 20761231']);
    const blocks = doc.sections[0]!.blocks;
    const paras = blocks.filter((b) => b.kind === 'paragraph');
    expect(paras.map((p) => p.kind === 'paragraph' && [p.portion, text(p.inlines)])).toEqual([
      ['(S//REL TO USA, GBR)', 'Own mark.'],
      ['(C//REL TO USA, GBR)', 'Section mark.'],
    ]);
    const list = blocks.find((b) => b.kind === 'list');
    const items = list && list.kind === 'list' ? list.items.map((i) => i[0]!) : [];
    expect(items.map((b) => b.kind === 'paragraph' && [b.portion, text(b.inlines)])).toEqual([
      ['(C//REL TO USA, AUS, GBR)', 'item'],
      ['(C//REL TO USA, GBR)', 'plain item'],
    ]);
    const table = blocks.find((b) => b.kind === 'table');
    expect(table && table.kind === 'table' && table.portion).toBe('(S//REL TO USA, GBR)');
    expect(doc.marking.banner).toBe('SECRET//REL TO USA, GBR');
  });

  it('a fact marked above the portion citing it is an error naming both', () => {
    const l = withProfiles(lib());
    l.facts.set('secret-fact', fact('secret-fact', { marking: 'S' }));
    const brief = assembleBrief({ title: 'T', template: 'issue-brief', date: '2026-11-25', sectionIds: [], meta: { marking: 'us-classified' } }, l);
    brief.sections.push({ kind: 'detached', id: 'd', title: 'Low', body: 'Cites {{fact:secret-fact}}.', marking: 'U', style: 'normal' });
    const doc = compose(brief, l, { today: TODAY });
    const errors = markingErrors(doc).filter((w) => w.code === 'fact-above-portion');
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toMatch(/section "Low", paragraph 1, marked \(U\), cites fact "secret-fact", marked \(S\)/);
    expect(doc.marking.banner).toBe('SECRET');
  });

  it('a releasable copy leaves out what is above its level before its facts are numbered', () => {
    const l = withProfiles(lib());
    const brief = assembleBrief({ title: 'T', template: 'issue-brief', date: '2026-11-25', sectionIds: [], meta: { marking: 'us-classified' } }, l);
    brief.sections.push({ kind: 'detached', id: 'd', title: 'Mixed', body: '(S) Secret {{fact:a}}.\n\nOpen {{fact:b}}.', marking: 'U', style: 'normal' });
    brief.sections.push({ kind: 'detached', id: 'e', title: 'All secret', body: 'Gone {{fact:old}}.', marking: 'S', style: 'normal' });
    const full = compose(brief, l, { today: TODAY });
    expect(full.notes.map((n) => n.factIds)).toEqual([['a'], ['b'], ['old']]);
    const copy = compose(brief, l, { today: TODAY, release: { level: 'U' } });
    expect(copy.sections.map((s) => s.key)).toEqual(['d']);
    expect(copy.notes.map((n) => [n.n, n.factIds])).toEqual([[1, ['b']]]);
    expect(JSON.stringify(copy.sections)).not.toContain('Secret');
    expect(copy.marking.banner).toBe('UNCLASSIFIED');
    expect(copy.marking.derived?.withheld).toBe(2);
  });

  it('refuses unknown section ids when assembling', () => {
    expect(() => assembleBrief({ title: 'T', template: 'one-pager', date: '2026-11-25', sectionIds: ['s1', 'zz'] }, lib())).toThrow(UnknownSectionError);
  });
});
