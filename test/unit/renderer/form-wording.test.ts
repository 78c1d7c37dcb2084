// The library forms' plain words: what the library says about a field, as the form shows it (label, then the fix),
// fed with the library's own messages so a change of its wording shows up here; the id rule and the suggested id.
import { describe, expect, it } from 'vitest';
import { Fact, Id, SectionMeta } from '../../../shared/model/library.js';
import { formatPath } from '../../../shared/model/zod-issues.js';
import { describeLibraryIssue } from '../../../main/services/library/messages.js';
import { baseField, EXAMPLE_ID, idHint, labelFor, plainFieldError, plainFieldErrors, suggestId } from '../../../renderer/src/library-manager/formWording.js';
import { badDateError, draftChanged, emptyFactDraft, factDraft, factInput } from '../../../renderer/src/library-manager/drafts.js';
import type { FieldError } from '../../../shared/ipc/channels.js';

/** What the save channel answers for an input (as main/services/writable-library.ts builds it). */
function libraryErrors(schema: typeof Fact | typeof SectionMeta, input: unknown): FieldError[] {
  const r = schema.safeParse(input);
  if (r.success) return [];
  return r.error.issues.map((issue) => ({ field: formatPath(issue.path), message: describeLibraryIssue(issue, input) }));
}

const good = {
  id: 'allied-fab-count',
  statement: 'Allies are building twelve fabs.',
  asOf: '2025-12-31',
  review: { maxAgeDays: 365 },
  source: { title: 'Tracker', publisher: 'Office', date: '2025-12-31', url: 'https://example.org/fabs' },
  tags: { technologies: ['semiconductors'], countries: ['jp'], topics: [] },
};
const plain = (input: unknown) => Object.fromEntries(plainFieldErrors(libraryErrors(Fact, input), input, 'fact').map((e) => [e.field, e.message]));

describe('plain field messages', () => {
  it('a date in the wrong form: the label and the fix, no field path or pattern', () => {
    expect(plain({ ...good, asOf: '31/12/2025' })).toEqual({ asOf: 'As of: use a date like 2025-12-31.' });
    expect(plain({ ...good, source: { ...good.source, date: '' } })).toEqual({ 'source.date': 'Source date: add a date, like 2025-12-31.' });
    expect(plain({ ...good, review: { by: '2025-02-30' } })).toEqual({ 'review.by': 'Review by: “2025-02-30” is not a real day — use a date like 2025-12-31.' });
  });

  it('a tag that is no id: names the value and points at the list', () => {
    expect(plain({ ...good, tags: { ...good.tags, technologies: ['semiconductors', 'AI'] } })).toEqual({
      'tags.technologies[1]': 'Technologies: “AI” is not a known technology — pick one from the list.',
    });
    expect(plain({ ...good, tags: { ...good.tags, countries: ['Japan'] } })).toEqual({
      'tags.countries[0]': 'Countries: “Japan” is not a known country — pick one from the list.',
    });
  });

  it('every message of a form left almost empty is plain: label first, a full stop, no code', () => {
    const input = { id: 'Fab Count', statement: '', asOf: '', review: {}, source: { title: '', publisher: '', date: '', url: 'fabs list' }, tags: {} };
    const errors = plain(input);
    expect(errors).toEqual({
      id: 'Id: use lowercase letters, digits and hyphens only, like “allied-fab-count”.',
      statement: 'Statement: write the fact as one sentence.',
      asOf: 'As of: add a date, like 2025-12-31.',
      review: 'Review: give a review-by date, or the number of days after which to review it.',
      'source.title': 'Source title: add the title of the document the fact comes from.',
      'source.publisher': 'Publisher: add who published the document the fact comes from.',
      'source.date': 'Source date: add a date, like 2025-12-31.',
      'source.url': 'Source URL: use a web address that starts with https:// or http://, like https://example.org/report.',
    });
    for (const message of Object.values(errors)) expect(message).not.toMatch(/YYYY|mapping|\[\d\]|"|\.yaml/);
  });

  it('a refused URL scheme and a missing one', () => {
    expect(plain({ ...good, source: { ...good.source, url: 'javascript:alert(1)' } })['source.url']).toMatch(/^Source URL: use a web address that starts with https:\/\//);
    expect(plain({ ...good, source: { ...good.source, url: '' } })['source.url']).toBe('Source URL: add the web address of the document, like https://example.org/report.');
  });

  it('a wrong id offers the id suggested from the statement', () => {
    const input = { ...good, id: 'Fab Count' };
    const [e] = plainFieldErrors(libraryErrors(Fact, input), input, 'fact', 'allies-building-twelve-fabs');
    expect(e!.message).toBe('Id: use lowercase letters, digits and hyphens only, like “allies-building-twelve-fabs”.');
  });

  it('the clash the library answers for an id in use elsewhere', () => {
    const clash = { field: 'id', message: 'fact "ai-gpai" already exists in the bundled library, which would win over this one — choose another id' };
    expect(plainFieldError(clash, { ...good, id: 'ai-gpai' }, 'fact').message).toBe('Id: “ai-gpai” is already used by a fact in the bundled library — choose another id.');
  });

  it('too long text names the limit', () => {
    const input = { ...good, tags: { ...good.tags, topics: ['x'.repeat(1001)] } };
    expect(plain(input)).toEqual({ 'tags.topics[0]': 'Topics: this is too long — shorten it to at most 1,000 characters.' });
  });

  it('section fields: title, topic and tags', () => {
    const input = { id: 'X', title: '', topic: 'nope', revision: 1, tags: { technologies: [], countries: ['JP'], topics: [] } };
    const errors = plainFieldErrors(libraryErrors(SectionMeta, input), input, 'section');
    expect(Object.fromEntries(errors.map((e) => [e.field, e.message]))).toEqual({
      id: 'Id: use lowercase letters, digits and hyphens only, like “allied-chip-supply”.',
      title: 'Title: give the section a short title.',
      topic: 'Topic: pick a topic from the list.',
      'tags.countries[0]': 'Countries: “JP” is not a known country — pick one from the list.',
    });
  });

  it('a field without wording of its own keeps the library words, cut of their path and value', () => {
    expect(plainFieldError({ field: 'marking', message: 'marking "X": is not a marking this profile knows — use U or CUI' }, { marking: 'X' }, 'fact').message).toBe(
      'Marking: is not a marking this profile knows — use U or CUI.',
    );
    expect(plainFieldError({ field: '', message: 'the library is read-only' }, {}, 'fact')).toEqual({ field: '', message: 'the library is read-only' });
  });

  it('labels and base fields', () => {
    expect(baseField('tags.countries[3]')).toBe('tags.countries');
    expect(labelFor('review.maxAgeDays')).toBe('Review after (days)');
    expect(labelFor('toString')).toBe('toString');
  });
});

describe('ids the library accepts', () => {
  it('the examples and hints pass the library’s own id rule', () => {
    for (const id of [...Object.values(EXAMPLE_ID), suggestId('Japan’s chip subsidies reached ¥2 trillion in 2023')]) expect(Id.safeParse(id).success).toBe(true);
    expect(idHint('fact', '')).toContain('“allied-fab-count”');
  });

  it('suggests an id from a statement or a title', () => {
    expect(suggestId('Our office counted twelve allied chip fabs under construction.')).toBe('office-counted-twelve-allied-chip');
    expect(suggestId('Japan’s chip subsidies reached ¥2 trillion')).toBe('japans-chip-subsidies-reached-2');
    expect(suggestId('Économie numérique: a plan')).toBe('economie-numerique-plan');
    expect(suggestId('The AI')).toBe('ai');
    expect(suggestId('the of a')).toBe('the-of-a');
    expect(suggestId('   ')).toBe('');
    expect(suggestId('日本')).toBe('');
    expect(suggestId('word '.repeat(40), 40).length).toBeLessThanOrEqual(60);
  });
});

describe('fact drafts', () => {
  it('tags are the picked values, trimmed and without repeats', () => {
    const built = factInput({ ...emptyFactDraft(), countries: ['jp', 'jp', ' us '], technologies: ['ai'] });
    expect('input' in built && built.input.tags).toEqual({ technologies: ['ai'], countries: ['jp', 'us'], topics: [] });
  });

  it('a half-typed date is refused in the form, in plain words', () => {
    const built = factInput(emptyFactDraft(), ['asOf']);
    expect(built).toEqual({ errors: [badDateError('asOf')] });
    expect(badDateError('source.date').message).toBe('Source date: use a date like 2025-12-31.');
  });

  it('a number that is none, in plain words', () => {
    expect(factInput({ ...emptyFactDraft(), value: 'twelve' })).toEqual({ errors: [{ field: 'value', message: 'Value: use a plain number, like 12.5, or leave it empty.' }] });
  });

  it('changed: any field, a tag list included; an edit round trip is unchanged', () => {
    const start = emptyFactDraft();
    expect(draftChanged(start, { ...start })).toBe(false);
    expect(draftChanged(start, { ...start, statement: 'x' })).toBe(true);
    expect(draftChanged(start, { ...start, countries: ['jp'] })).toBe(true);
    const fact = Fact.parse(good);
    expect(draftChanged(factDraft(fact), factDraft(fact))).toBe(false);
  });
});
