// The one zod-issue formatter: the same problem reads the same in a brief, a library file, a form and IPC arguments.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { describeIssue, describeIssues, formatPath, type IssueWording } from '../../../shared/model/zod-issues.js';

const Item = z.object({
  name: z.string().min(1),
  kind: z.enum(['fact', 'section']),
  count: z.number().int().min(1),
  tags: z.array(z.string()),
  when: z.string().refine((s) => /^\d{4}$/.test(s), 'not a year'),
});

function said(data: unknown, wording?: IssueWording): string[] {
  const r = Item.safeParse(data);
  return r.success ? [] : r.error.issues.map((i) => describeIssue(i, data, wording));
}

const GOOD = { name: 'n', kind: 'fact', count: 2, tags: [], when: '2025' };

describe('describeIssue', () => {
  it('names the path, what is wrong and the value', () => {
    expect(said({ ...GOOD, name: '' })).toEqual(['name is empty']);
    expect(said({ ...GOOD, kind: 'poster' })).toEqual(['kind "poster" is not one of: fact, section']);
    expect(said({ ...GOOD, count: 0 })).toEqual(['count 0 is too small']);
    expect(said({ ...GOOD, tags: 'x' })).toEqual(['tags should be a list but is "x"']);
    expect(said({ ...GOOD, when: '25' })).toEqual(['when "25": not a year']);
  });

  it('says what to add for a missing field, or the allowed values', () => {
    const { kind: _kind, count: _count, ...rest } = GOOD;
    expect(said(rest)).toEqual(['kind is missing — use one of: fact, section', 'count is missing — add a number there']);
  });

  it("uses the caller's hint for a field and the format's word for an object", () => {
    const hint = (path: readonly PropertyKey[]) => (path[0] === 'name' ? 'give it a short name' : undefined);
    expect(said({ ...GOOD, name: '' }, { hint })).toEqual(['name is empty — give it a short name']);
    expect(said({ ...GOOD, tags: {} }, { objectWord: 'object' })).toEqual(['tags should be a list but is an object']);
    expect(said({ ...GOOD, tags: {} })).toEqual(['tags should be a list but is a mapping']);
    expect(said('text')).toEqual(['expected a mapping of fields but found "text"']);
  });

  it('lists a few issues and counts the rest', () => {
    const r = Item.safeParse({});
    expect(r.success).toBe(false);
    const text = describeIssues(r.error!.issues, {}, { max: 2 });
    expect(text).toBe('name is missing — add text there; kind is missing — use one of: fact, section (and 3 more problems)');
  });

  it('writes paths with indexes and quotes keys that are not plain names', () => {
    expect(formatPath(['tags', 'technologies', 2])).toBe('tags.technologies[2]');
    expect(formatPath([3, 'id'])).toBe('[3].id');
    expect(formatPath(['variables', 'a b'])).toBe('variables["a b"]');
  });
});
