// describeLibraryIssue: zod issues become one-line messages that name the field, the value and the fix.
import { describe, expect, it } from 'vitest';
import { Fact, SectionMeta } from '../../../shared/model/library.js';
import { describeLibraryIssue } from '../../../main/services/library/messages.js';
import { formatPath } from '../../../shared/model/zod-issues.js';

function messages(schema: typeof Fact | typeof SectionMeta, data: unknown): string[] {
  const r = schema.safeParse(data);
  if (r.success) return [];
  return r.error.issues.map((i) => describeLibraryIssue(i, data));
}

const GOOD = {
  id: 'x',
  statement: 'A fact.',
  asOf: '2024-01',
  review: { by: '2025-01-01' },
  source: { title: 'T', publisher: 'P', date: '2024-01-01', url: 'https://example.org' },
};

describe('describeLibraryIssue', () => {
  it('missing fields say what to add', () => {
    expect(messages(Fact, { ...GOOD, source: { title: 'T', publisher: 'P', date: '2024-01-01' } })).toEqual([
      'source.url is missing — add the URL of the document the figure comes from',
    ]);
    expect(messages(Fact, { ...GOOD, source: undefined })).toEqual([
      'source is missing — add a source with the title, publisher, date and url of the document the figure comes from',
    ]);
  });

  it('wrong values are quoted with the rule they break', () => {
    expect(messages(Fact, { ...GOOD, asOf: '2024-02-30' })).toEqual([
      'asOf "2024-02-30": not a real calendar date — give the date the figure refers to; write it as YYYY-MM-DD (or YYYY-MM for a month)',
    ]);
    expect(messages(Fact, { ...GOOD, id: 'Bad_Id' })[0]).toBe(
      'id "Bad_Id": ids are lowercase letters, digits and hyphens (e.g. "ai-oecd-principles") — use lowercase letters, digits and hyphens, unique within its kind',
    );
    expect(messages(Fact, { ...GOOD, value: '12%' })).toEqual([
      'value should be a number but is "12%" — a plain number without units or thousands separators; put the unit in "unit"',
    ]);
    expect(messages(Fact, { ...GOOD, review: {} })).toEqual([
      'review: review needs "by" or "maxAgeDays" — add "review: { by: YYYY-MM-DD }" or "review: { maxAgeDays: 365 }"',
    ]);
    expect(messages(Fact, { ...GOOD, statement: '' })).toEqual(['statement is empty — write the fact as one sentence']);
  });

  it('an item that is not a mapping', () => {
    expect(messages(Fact, 'just text')).toEqual(['expected a mapping of fields but found "just text"']);
  });

  it('formats paths with indexes', () => {
    expect(formatPath(['tags', 'technologies', 2])).toBe('tags.technologies[2]');
    expect(formatPath([3, 'id'])).toBe('[3].id');
  });
});
