// The stale-fact helpers on the real bundled library: candidates share a subject and are current, best first;
// references are swapped keeping their kind; the reference text is found as written; a copy id is free.
import { describe, expect, it } from 'vitest';
import { loadLibraries } from '../../main/services/library/mount.js';
import type { FactSummary } from '../../shared/ipc/channels.js';
import { isStale, isoDay, reviewDue } from '../../shared/staleness.js';
import { copyId, refText, replaceFactRefs, replacementCandidates } from '../../renderer/src/warnings/replacements.js';
import { BUNDLED } from '../support/temp.js';
import { TEST_TODAY } from '../support/services.js';

async function bundledSummaries(): Promise<FactSummary[]> {
  const { library } = await loadLibraries([{ dir: BUNDLED, kind: 'bundled', readOnly: true }]);
  return [...library.facts.values()].map((fact) => ({ fact, stale: isStale(fact, TEST_TODAY), reviewDue: isoDay(reviewDue(fact)) }));
}

describe('replacement candidates', () => {
  it('offers current facts on the same technology or country for every stale bundled fact, most shared tags first', async () => {
    const facts = await bundledSummaries();
    const stale = facts.filter((f) => f.stale);
    expect(stale.length).toBeGreaterThan(10);
    for (const s of stale) {
      const list = replacementCandidates(s.fact, facts);
      for (const c of list) {
        expect(c.stale).toBe(false);
        expect(c.fact.id).not.toBe(s.fact.id);
        const shares = c.fact.tags.technologies.some((t) => s.fact.tags.technologies.includes(t)) || c.fact.tags.countries.some((t) => s.fact.tags.countries.includes(t));
        expect(shares).toBe(true);
      }
      const techShared = list.map((c) => c.fact.tags.technologies.filter((t) => s.fact.tags.technologies.includes(t)).length);
      // A fact sharing the subject (a technology) never comes after one sharing nothing of it but a country.
      const firstWithout = techShared.indexOf(0);
      if (firstWithout !== -1) expect(techShared.slice(firstWithout).every((n) => n === 0)).toBe(true);
    }
    expect(stale.some((s) => replacementCandidates(s.fact, facts).length > 0)).toBe(true);
  });
});

describe('reference edits', () => {
  it('swaps fact, value and cite references to one fact, leaving others and variables alone', () => {
    const body = 'A {{fact:old}} and {{ value : old }} ({{cite:old}}), {{fact:older}}, {{var:old}}.';
    expect(replaceFactRefs(body, 'old', 'new')).toBe('A {{fact:new}} and {{value:new}} ({{cite:new}}), {{fact:older}}, {{var:old}}.');
  });
  it('finds the reference as written', () => {
    expect(refText('x {{var:a}} {{ fact : a }}', 'a')).toBe('{{ fact : a }}');
    expect(refText('x {{var:a}}', 'a', true)).toBe('{{var:a}}');
    expect(refText('x', 'a')).toBeUndefined();
  });
  it('suggests a free id for a copy', () => {
    const taken = new Set(['ai-x-mine']);
    expect(copyId('ai-x', (id) => taken.has(id))).toBe('ai-x-mine-2');
    expect(copyId('ai-y', () => false)).toBe('ai-y-mine');
    expect(copyId('ai-y-mine', () => false)).toBe('ai-y-mine');
  });
});
