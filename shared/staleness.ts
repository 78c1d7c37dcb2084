// When a fact is due for review and whether it is stale on a given day (pure; used by compose and the library).
import type { Fact } from './model/library.js';
import { REVIEW_VALID_DAYS, type FactReview } from './model/fact-review.js';

const DAY_MS = 86_400_000;

/** Parse YYYY-MM or YYYY-MM-DD as a UTC date (a month means its first day). */
export function parseIsoDate(s: string): Date {
  const [y, m, d] = s.split('-').map(Number);
  return new Date(Date.UTC(y!, (m ?? 1) - 1, d ?? 1));
}

export function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/**
 * The day a fact must be reviewed by: the earlier of review.by and asOf + maxAgeDays. A user's review (kept in the
 * personal library) moves it to the review day + maxAgeDays (a year when the fact has none), never earlier.
 */
export function reviewDue(fact: Fact, review?: Pick<FactReview, 'reviewedOn'>): Date {
  const due: number[] = [];
  if (fact.review.by) due.push(parseIsoDate(fact.review.by).getTime());
  if (fact.review.maxAgeDays) due.push(parseIsoDate(fact.asOf).getTime() + fact.review.maxAgeDays * DAY_MS);
  const own = Math.min(...due);
  if (!review) return new Date(own);
  return new Date(Math.max(own, parseIsoDate(review.reviewedOn).getTime() + (fact.review.maxAgeDays ?? REVIEW_VALID_DAYS) * DAY_MS));
}

export function isStale(fact: Fact, today: Date, review?: Pick<FactReview, 'reviewedOn'>): boolean {
  return reviewDue(fact, review).getTime() < today.getTime();
}
