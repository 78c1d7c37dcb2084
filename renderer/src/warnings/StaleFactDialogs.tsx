// The stale-fact actions' dialogs: "Still true…" (a dated review kept in the personal library) and "Replace with…"
// (current facts on the same subject, best first).
import { useState, type FormEvent } from 'react';
import type { FactSummary } from '../../../shared/ipc/channels.js';
import type { Fact } from '../../../shared/model/library.js';
import { api } from '../api.js';
import { localIsoDay } from '../document/blankBrief.js';
import { Modal } from '../library-manager/Modal.js';
import { replacementCandidates } from './replacements.js';

/** The three actions a stale-fact warning offers, in the words of their buttons. */
export function StaleFactButtons({ factId, onAction }: { factId: string; onAction(kind: StaleAction): void }) {
  return (
    <div className="stale-actions" role="group" aria-label={`What to do with stale fact “${factId}”`}>
      <button type="button" onClick={() => onAction('still-true')}>Still true…</button>
      <button type="button" onClick={() => onAction('replace')}>Replace with…</button>
      <button type="button" onClick={() => onAction('copy')}>Edit a personal copy</button>
    </div>
  );
}
export type StaleAction = 'still-true' | 'replace' | 'copy';

function FactLine({ fact }: { fact: Fact }) {
  return (
    <>
      <span className="fact-statement">{fact.statement}</span>{' '}
      <span className="hint small">
        — {fact.source.publisher}, as of {fact.asOf}
      </span>
    </>
  );
}

interface StillTrueProps {
  summary: FactSummary;
  onDone(): void;
  onClose(): void;
}

/** Records that the user checked the fact on a day (today unless changed), with an optional note. */
export function StillTrueDialog({ summary, onDone, onClose }: StillTrueProps) {
  const [day, setDay] = useState(() => localIsoDay(new Date()));
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { fact } = summary;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    void api()
      .reviewFact({ fact: fact.id, reviewedOn: day, ...(note.trim() ? { note: note.trim() } : {}) })
      .then(
        (r) => (r.ok ? onDone() : setError(r.errors.map((x) => (x.field === 'reviewedOn' && !/^Reviewed on/.test(x.message) ? `Reviewed on: ${x.message}` : x.message)).join(' '))),
        (err: Error) => setError(err.message),
      )
      .finally(() => setBusy(false));
  };
  return (
    <Modal title="Still true?" onClose={onClose} className="still-true-dialog" describedBy="still-true-what">
      <form onSubmit={submit} aria-label="Record a review">
        <p id="still-true-what">
          <FactLine fact={fact} />
        </p>
        <p className="hint small">
          Its review was due on {summary.reviewDue}. Your review is kept in your personal library as an override of that date, shown on the
          fact and listed in the Libraries view, where you can remove it.
        </p>
        <div className="field">
          <label htmlFor="still-true-day">Reviewed on</label>
          <input id="still-true-day" type="date" value={day} max={localIsoDay(new Date())} onChange={(e) => setDay(e.target.value)} required data-autofocus aria-invalid={error ? true : undefined} aria-describedby={error ? 'still-true-error' : undefined} />
        </div>
        <div className="field">
          <label htmlFor="still-true-note">Note (optional)</label>
          <textarea id="still-true-note" rows={2} value={note} onChange={(e) => setNote(e.target.value)} placeholder="e.g. checked against the 2026 edition of the source" />
        </div>
        {error && (
          <p className="field-error" id="still-true-error" role="alert">
            {error}
          </p>
        )}
        <div className="modal-actions">
          <button type="button" onClick={onClose}>Cancel</button>
          <button type="submit" className="primary" disabled={busy || !day}>
            Record review
          </button>
        </div>
      </form>
    </Modal>
  );
}

interface ReplaceProps {
  stale: Fact;
  facts: readonly FactSummary[];
  onPick(id: string): void;
  onClose(): void;
}

/** Current facts sharing a technology or country with the stale one; picking one swaps the reference. */
export function ReplaceFactDialog({ stale, facts, onPick, onClose }: ReplaceProps) {
  const list = replacementCandidates(stale, facts);
  return (
    <Modal title="Replace with…" onClose={onClose} className="replace-fact-dialog" describedBy="replace-what">
      <p id="replace-what">
        Replacing <FactLine fact={stale} />
      </p>
      {list.length === 0 ? (
        <p>No current fact shares a technology or country with this one. Check it and choose Still true…, or edit a personal copy.</p>
      ) : (
        <ul className="replace-candidates" aria-label="Current facts on the same subject, best match first">
          {list.map((c, i) => (
            <li key={c.fact.id}>
              <button type="button" className="link candidate" onClick={() => onPick(c.fact.id)} {...(i === 0 ? { 'data-autofocus': true } : {})}>
                <FactLine fact={c.fact} />
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="modal-actions">
        <button type="button" onClick={onClose}>Cancel</button>
      </div>
    </Modal>
  );
}
