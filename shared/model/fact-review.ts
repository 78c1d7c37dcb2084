// A user's dated review of a fact ("still true on DATE"): kept in the personal library's reviews.yaml, it overrides the fact's own review date, visibly.
import { z } from 'zod';
import { Id, IsoDate } from './library.js';
import { TEXT_LIMITS, limitedText } from './text-limits.js';

/** The file in the personal library that holds the reviews (a YAML list, one `- fact: …` item each). */
export const REVIEWS_FILE = 'reviews.yaml';

/** One review: which fact, the day the user checked it, and an optional note on how. */
export const FactReview = z
  .object({
    fact: Id,
    reviewedOn: IsoDate.refine((s) => s.length === 10, 'expected a day as YYYY-MM-DD (a month alone is not a review date)'),
    note: limitedText(TEXT_LIMITS.statement).optional(),
  })
  .strict();
export type FactReview = z.infer<typeof FactReview>;

/** How long a review keeps a fact current when the fact has no maximum age of its own. */
export const REVIEW_VALID_DAYS = 365;
