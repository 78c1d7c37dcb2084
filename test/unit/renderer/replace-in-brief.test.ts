// Find and replace across a brief: matches by section, one new brief for Replace all, linked sections become edited copies.
import { describe, expect, it } from 'vitest';
import { findInBrief, replaceInBrief } from '../../../renderer/src/state/replaceInBrief.js';
import { briefOf, detached, linked } from './briefs.js';

const brief = briefOf(
  linked('chips', { title: 'Chips', body: 'AI chips cite {{fact:ai-x}}. More ai.' }),
  detached('mine', { title: 'Mine', body: 'No match here.' }),
  detached('other', { title: 'Other', body: 'ai too' }),
);

describe('findInBrief', () => {
  it('lists each match with its section title and a snippet, in outline order, never inside a reference', () => {
    const r = findInBrief(brief, 'ai', {});
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.matches.map((m) => [m.key, m.title, m.snippet.match])).toEqual([
      ['chips', 'Chips', 'AI'],
      ['chips', 'Chips', 'ai'],
      ['other', 'Other', 'ai'],
    ]);
  });

  it('passes on a regexp that cannot be used', () => {
    expect(findInBrief(brief, '[', { regexp: true }).ok).toBe(false);
  });
});

describe('replaceInBrief', () => {
  it('replaces in every section in one new brief; a linked section becomes its edited copy; references stay', () => {
    const r = replaceInBrief(brief, 'ai', 'AI', { caseSensitive: true });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect([r.count, r.sections]).toEqual([2, 2]);
    expect(r.rekeyed).toEqual(new Map([['chips', 'chips-edited']]));
    const [chips, mine, other] = r.brief.sections;
    expect(chips).toMatchObject({ kind: 'detached', id: 'chips-edited', fromSectionId: 'chips', body: 'AI chips cite {{fact:ai-x}}. More AI.' });
    expect(mine).toBe(brief.sections[1]);
    expect(other!.body).toBe('AI too');
    expect(brief.sections[0]!.body).toBe('AI chips cite {{fact:ai-x}}. More ai.');
  });

  it('gives back the same brief when nothing matches', () => {
    const r = replaceInBrief(brief, 'zzz', 'y', {});
    expect(r.ok && r.brief).toBe(brief);
  });
});
