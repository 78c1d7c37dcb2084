// When a fact is due for review and whether it is stale on a given day (pure; used by compose and the library).
import type { Fact } from './model/library.js';

const DAY_MS = 86_400_000;

/** Parse YYYY-MM or YYYY-MM-DD as a UTC date (a month means its first day). */
export function parseIsoDate(s: string): Date {
  const [y, m, d] = s.split('-').map(Number);
  return new Date(Date.UTC(y!, (m ?? 1) - 1, d ?? 1));
}

export function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** The day a fact must be reviewed by: the earlier of review.by and asOf + maxAgeDays. */
export function reviewDue(fact: Fact): Date {
  const due: number[] = [];
  if (fact.review.by) due.push(parseIsoDate(fact.review.by).getTime());
  if (fact.review.maxAgeDays) due.push(parseIsoDate(fact.asOf).getTime() + fact.review.maxAgeDays * DAY_MS);
  return new Date(Math.min(...due));
}

export function isStale(fact: Fact, today: Date): boolean {
  return reviewDue(fact).getTime() < today.getTime();
}
