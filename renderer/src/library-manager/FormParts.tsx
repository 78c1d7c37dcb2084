// Pieces the library forms share: the error summary, the save/delete buttons, and a two-step delete.
import { useEffect, useRef, useState } from 'react';
import type { FieldError } from '../../../shared/ipc/channels.js';
import { messagesFor } from './FormField.js';

/** Announces a failed save; lists the messages no field on the form shows, so none is lost. */
export function ErrorSummary({ what, errors, failure, shownFields }: { what: string; errors: readonly FieldError[]; failure: string | null; shownFields: readonly string[] }) {
  const ref = useRef<HTMLDivElement>(null);
  // After a failed save the summary takes focus (and scrolls into view), so keyboard users start from what went wrong.
  useEffect(() => ref.current?.focus(), [errors, failure]);
  if (!failure && errors.length === 0) return null;
  const elsewhere = errors.filter((e) => !shownFields.some((f) => messagesFor([e], f).length > 0));
  return (
    <div role="alert" className="form-errors" tabIndex={-1} ref={ref}>
      {failure ? (
        <p>{what} was not saved: {failure}</p>
      ) : (
        <p>
          {what} was not saved: {errors.length === 1 ? 'one field needs' : `${errors.length} fields need`} fixing, as marked below.
        </p>
      )}
      {elsewhere.length > 0 && (
        <ul>
          {elsewhere.map((e, i) => (
            <li key={i}>
              {e.field ? `${e.field}: ` : ''}
              {e.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function DeleteButton({ label, onConfirm, disabled }: { label: string; onConfirm(): void; disabled: boolean }) {
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <button type="button" className="danger" disabled={disabled} onClick={() => setAsking(true)}>
        {label}…
      </button>
    );
  }
  return (
    <span className="confirm" role="group" aria-label="Confirm deletion">
      <span>Delete for good?</span>
      <button type="button" className="danger" onClick={onConfirm} autoFocus>
        Yes, {label.toLowerCase()}
      </button>
      <button type="button" onClick={() => setAsking(false)}>Keep it</button>
    </span>
  );
}
