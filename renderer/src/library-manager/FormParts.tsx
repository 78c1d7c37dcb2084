// Pieces the library forms share: text fields bound to a draft, the error summary, the save/delete buttons, and a two-step delete.
import { useEffect, useId, useRef, useState } from 'react';
import type { FieldError } from '../../../shared/ipc/channels.js';
import { FormField, messagesFor } from './FormField.js';
import type { SaveTarget } from './saveTargets.js';

/** One text field of a draft-backed form: a single line, or a textarea of `rows` lines. */
export interface TextFieldSpec<K extends string> {
  key: K;
  label: string;
  /** The field name the library reports errors under. */
  field: string;
  hint?: string;
  rows?: number;
}

/** Binds text fields to a draft: the returned function renders one field (read-only when asked) with its messages. */
export function draftTextFields<K extends string, D extends { [P in K]: string }>(draft: D, setDraft: (next: D) => void, errors: readonly FieldError[]) {
  return ({ key, label, field, hint, rows }: TextFieldSpec<K>, readOnly = false) => (
    <FormField key={key} label={label} field={field} errors={errors} {...(hint ? { hint } : {})}>
      {(p) =>
        rows ? (
          <textarea {...p} rows={rows} value={draft[key]} onChange={(e) => setDraft({ ...draft, [key]: e.target.value })} />
        ) : (
          <input {...p} type="text" value={draft[key]} readOnly={readOnly} onChange={(e) => setDraft({ ...draft, [key]: e.target.value })} />
        )
      }
    </FormField>
  );
}

/** "Save to": offered for a new item when more than one library can take it; an edited item stays where it is. */
export function SaveTargetField({ targets, value, onChange }: { targets: readonly SaveTarget[]; value: string; onChange(id: string): void }) {
  const id = useId();
  if (targets.length < 2) return null;
  // A label beside (not around) the select: its accessible name stays "Save to", not the options' text too.
  return (
    <div className="field">
      <label htmlFor={id}>Save to</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {targets.map((t) => (
          <option key={t.id} value={t.id}>
            {t.kind === 'personal' ? 'Personal library' : `Team library: ${t.name}`}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Delete (when editing), Cancel and Save at the foot of a library form; `noun` names the item ("fact", "section"). */
export function FormActions({ noun, editing, busy, onDelete, onCancel }: { noun: string; editing: boolean; busy: boolean; onDelete(): void; onCancel(): void }) {
  return (
    <div className="form-actions">
      {editing && <DeleteButton label={`Delete ${noun}`} onConfirm={onDelete} disabled={busy} />}
      <span className="spacer" />
      <button type="button" onClick={onCancel}>Cancel</button>
      <button type="submit" className="primary" disabled={busy}>
        {editing ? 'Save changes' : `Save ${noun}`}
      </button>
    </div>
  );
}

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
