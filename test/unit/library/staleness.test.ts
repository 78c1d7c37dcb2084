// staleFacts on fixed days: review.by passed, maxAgeDays exceeded, the earlier rule wins, months count from day 1.
import { describe, expect, it } from 'vitest';
import { emptyLibrary, type Fact } from '../../../shared/model/library.js';
import { staleFacts } from '../../../main/services/library/staleness.js';

function fact(id: string, asOf: string, review: Fact['review']): Fact {
  return {
    id,
    statement: `Fact ${id}.`,
    asOf,
    review,
    source: { title: 'T', publisher: 'P', date: '2020-01-01', url: 'https://example.org' },
    tags: { technologies: [], countries: [], topics: [] },
  };
}

const library = emptyLibrary();
for (const f of [
  fact('by-date', '2024-01-01', { by: '2025-03-31' }),
  fact('by-age', '2024-01-01', { maxAgeDays: 365 }),
  fact('both-age-first', '2024-01-01', { by: '2026-01-01', maxAgeDays: 30 }),
  fact('month-asof', '2024-06', { maxAgeDays: 10 }),
  fact('fresh', '2025-01-01', { by: '2030-01-01' }),
]) {
  library.facts.set(f.id, f);
}
const day = (s: string) => new Date(`${s}T00:00:00Z`);

describe('staleFacts', () => {
  it('lists overdue facts, oldest due first, with reason and due day', () => {
    expect(staleFacts(library, day('2025-06-01')).map(({ id, reason, due }) => ({ id, reason, due }))).toEqual([
      { id: 'both-age-first', reason: 'max-age', due: '2024-01-31' },
      { id: 'month-asof', reason: 'max-age', due: '2024-06-11' },
      { id: 'by-age', reason: 'max-age', due: '2024-12-31' },
      { id: 'by-date', reason: 'review-by', due: '2025-03-31' },
    ]);
  });

  it('a fact is not stale on its due day, only after it', () => {
    expect(staleFacts(library, day('2025-03-31')).map((s) => s.id)).not.toContain('by-date');
    expect(staleFacts(library, day('2025-04-01')).map((s) => s.id)).toContain('by-date');
  });

  it('nothing is stale early on', () => {
    expect(staleFacts(library, day('2024-01-15'))).toEqual([]);
  });

  it('messages say what to do', () => {
    const [byAge] = staleFacts(library, day('2025-01-02')).filter((s) => s.id === 'by-age');
    expect(byAge!.message).toBe('fact "by-age" is older than 365 days (as of 2024-01-01, due 2024-12-31) — update the figure and its asOf date');
    const [byDate] = staleFacts(library, day('2025-06-01')).filter((s) => s.id === 'by-date');
    expect(byDate!.message).toContain('was due for review by 2025-03-31');
  });
});
