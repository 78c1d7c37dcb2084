// Which facts of a library are due for review on a given day, and why (same rule compose warns with).
import type { Fact, Library } from '../../../shared/model/library.js';
import { isoDay, parseIsoDate, reviewDue } from '../../../shared/staleness.js';

export interface StaleFact {
  id: string;
  /** 'review-by': its review.by date has passed; 'max-age': asOf + maxAgeDays has passed. */
  reason: 'review-by' | 'max-age';
  /** The day it was due (YYYY-MM-DD). */
  due: string;
  message: string;
}

/** Facts due before `asOf` (the day of the check), oldest due first, then by id. */
export function staleFacts(library: Library, asOf: Date): StaleFact[] {
  const out: StaleFact[] = [];
  for (const fact of library.facts.values()) {
    const due = reviewDue(fact, library.reviews?.get(fact.id));
    if (due.getTime() >= asOf.getTime()) continue;
    const reason = reasonFor(fact, due);
    const day = isoDay(due);
    const message =
      reason === 'review-by'
        ? `fact "${fact.id}" was due for review by ${day} — check the figure against its source and set a new review.by`
        : `fact "${fact.id}" is older than ${fact.review.maxAgeDays} days (as of ${fact.asOf}, due ${day}) — update the figure and its asOf date`;
    out.push({ id: fact.id, reason, due: day, message });
  }
  return out.sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : a.id < b.id ? -1 : 1));
}

/** reviewDue takes the earlier of the two rules; the reason is whichever rule gave that day. */
function reasonFor(fact: Fact, due: Date): StaleFact['reason'] {
  return fact.review.by !== undefined && parseIsoDate(fact.review.by).getTime() === due.getTime() ? 'review-by' : 'max-age';
}
