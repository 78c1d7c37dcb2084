// The Libraries view's list of the user's fact reviews ("still true on DATE"), each an override of a fact's review date, removable.
import { useCallback, useEffect, useState } from 'react';
import type { FactReviewInfo } from '../../../shared/ipc/channels.js';
import { api } from '../api.js';

export function FactReviewsList({ onChanged }: { onChanged(): void }) {
  const [reviews, setReviews] = useState<FactReviewInfo[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const refresh = useCallback(() => api().listFactReviews().then(setReviews, (e: Error) => setError(e.message)), []);
  useEffect(() => void refresh(), [refresh]);
  const remove = (factId: string) =>
    void api()
      .removeFactReview(factId)
      .then(
        () => {
          setError(null);
          onChanged();
          return refresh();
        },
        (e: Error) => setError(e.message),
      );
  return (
    <section className="fact-reviews" aria-labelledby="fact-reviews-heading">
      <h3 id="fact-reviews-heading">Your fact reviews</h3>
      <p className="hint small">Kept in your personal library (reviews.yaml). Each overrides the review date of a fact from its library.</p>
      {error && <p role="alert" className="error">{error}</p>}
      {reviews === null ? null : reviews.length === 0 ? (
        <p className="small">None yet. Choose “Still true…” on a stale fact’s warning to record one.</p>
      ) : (
        <ul aria-label="Your fact reviews">
          {reviews.map((r) => (
            <li key={r.factId} className="fact-review-entry">
              <span>
                <strong>{r.statement ?? `Fact “${r.factId}” (in no mounted library now)`}</strong> — reviewed by you on {r.reviewedOn}
                {r.ownDue ? `, overrides the library’s review date (${r.ownDue})` : ''}
                {r.note ? ` — “${r.note}”` : ''}
              </span>{' '}
              <button type="button" onClick={() => remove(r.factId)} aria-label={`Remove your review of fact ${r.factId}`}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
