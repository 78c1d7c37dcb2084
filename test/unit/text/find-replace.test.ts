// Find and replace across section Markdown: options, regexp groups, whole words, and references left intact.
import { describe, expect, it } from 'vitest';
import { findMatches, replaceAll, snippetOf, MATCH_LIMIT } from '../../../shared/text/find-replace.js';

const texts = (text: string, q: string, o = {}) => {
  const r = findMatches(text, q, o);
  if (!r.ok) throw new Error(r.error);
  return r.matches.map((m) => text.slice(m.from, m.to));
};

describe('findMatches', () => {
  it('ignores case unless asked, and finds every occurrence in order', () => {
    expect(texts('AI and ai and Ai', 'ai')).toEqual(['AI', 'ai', 'Ai']);
    expect(texts('AI and ai and Ai', 'ai', { caseSensitive: true })).toEqual(['ai']);
  });

  it('whole word leaves parts of longer words alone', () => {
    const t = 'export exporter re-export exports';
    expect(texts(t, 'export')).toHaveLength(4);
    const r = findMatches(t, 'export', { wholeWord: true });
    expect(r.ok && r.matches.map((m) => m.from)).toEqual([0, 19]);
  });

  it('takes the query literally unless regexp is on', () => {
    expect(texts('a.b axb', 'a.b')).toEqual(['a.b']);
    expect(texts('a.b axb', 'a.b', { regexp: true })).toEqual(['a.b', 'axb']);
  });

  it('never matches inside a fact or variable reference', () => {
    const t = 'AI rules {{fact:ai-x}} and {{var:ai_name}} and {{ cite : ai-y }} then ai.';
    expect(texts(t, 'ai')).toEqual(['AI', 'ai']);
    expect(texts(t, 'fact')).toEqual([]);
    expect(texts(t, '\\{\\{fact', { regexp: true })).toEqual([]);
  });

  it('explains an unusable regular expression with the fix', () => {
    const r = findMatches('x', '(', { regexp: true });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toMatch(/untick "Regular expression"/);
  });

  it('skips empty matches and stops at the limit', () => {
    expect(texts('abc', 'x*', { regexp: true })).toEqual([]);
    const r = findMatches('a'.repeat(MATCH_LIMIT + 10), 'a');
    expect(r.ok && [r.matches.length, r.truncated]).toEqual([MATCH_LIMIT, true]);
  });
});

describe('replaceAll', () => {
  it('replacing "ai" keeps {{fact:ai-x}} working', () => {
    const r = replaceAll('ai policy cites {{fact:ai-x}}; ai.', 'ai', 'AI');
    expect(r).toEqual({ ok: true, text: 'AI policy cites {{fact:ai-x}}; AI.', count: 2 });
  });

  it('expands $1 and $& with a regexp, and leaves $ as typed without one', () => {
    expect(replaceAll('Smith, John', '(\\w+), (\\w+)', '$2 $1 ($&) $$', { regexp: true })).toEqual({ ok: true, text: 'John Smith (Smith, John) $', count: 1 });
    expect(replaceAll('cost', 'cost', '$1 $&')).toEqual({ ok: true, text: '$1 $&', count: 1 });
  });

  it('returns the same string when nothing matches', () => {
    const t = 'nothing here';
    const r = replaceAll(t, 'zzz', 'y');
    expect(r.ok && r.text).toBe(t);
    expect(r.ok && r.count).toBe(0);
  });
});

describe('snippetOf', () => {
  it('shows the match with its words around it, on one line', () => {
    const t = 'The first line.\nExport controls on semiconductors tightened in 2024 across allies.';
    const from = t.indexOf('semiconductors');
    const s = snippetOf(t, from, from + 'semiconductors'.length, 20);
    expect(s.match).toBe('semiconductors');
    expect(s.before).toMatch(/controls on $/);
    expect(s.after).toMatch(/^ tightened/);
    expect(s.before + s.match + s.after).not.toMatch(/\n/);
  });
});
