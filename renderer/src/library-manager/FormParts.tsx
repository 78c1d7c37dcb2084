// Pieces the library forms share: text and date fields bound to a draft, the error summary, the save/delete
// buttons, a two-step delete, and the question before typed input is thrown away.
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import type { FieldError } from '../../../shared/ipc/channels.js';
import { FormField } from './FormField.js';
import { Modal } from './Modal.js';
import type { SaveTarget } from './saveTargets.js';

/** One text field of a draft-backed form: a single line, or a textarea of `rows` lines. */
export interface TextFieldSpec<K extends string> {
  key: K;
  label: string;
  /** The field name the library reports errors under. */
  field: string;
  hint?: string;
  rows?: number;
  placeholder?: string;
  /** Shown after the control (e.g. a button that fills it in). */
  extra?: ReactNode;
}

/** Binds text fields to a draft: the returned function renders one field (read-only when asked) with its messages. */
export function draftTextFields<K extends string, D extends { [P in K]: string }>(draft: D, setDraft: (next: D) => void, errors: readonly FieldError[]) {
  return ({ key, label, field, hint, rows, placeholder, extra }: TextFieldSpec<K>, readOnly = false) => (
    <FormField key={key} label={label} field={field} errors={errors} {...(hint ? { hint } : {})} extra={extra}>
      {(p) =>
        rows ? (
          <textarea {...p} rows={rows} value={draft[key]} onChange={(e) => setDraft({ ...draft, [key]: e.target.value })} />
        ) : (
          <input {...p} type="text" value={draft[key]} readOnly={readOnly} placeholder={placeholder} onChange={(e) => setDraft({ ...draft, [key]: e.target.value })} />
        )
      }
    </FormField>
  );
}

const MONTH = /^\d{4}-\d{2}$/;

/**
 * A date picker (`<input type="date">`) with a "month only" switch, since the library takes YYYY-MM too; the
 * control carries `data-date-field` so the form can ask it for a half-typed date (the browser's `badInput`).
 */
export function DateField({ label, field, value, onChange, errors }: { label: string; field: string; value: string; onChange(v: string): void; errors: readonly FieldError[] }) {
  const [month, setMonth] = useState(() => MONTH.test(value));
  const switchId = useId();
  const setMonthOnly = (on: boolean) => {
    setMonth(on);
    // A day becomes its month; a month becomes its first day, shown so the user can pick the right one.
    if (on && /^\d{4}-\d{2}-\d{2}$/.test(value)) onChange(value.slice(0, 7));
    if (!on && MONTH.test(value)) onChange(`${value}-01`);
  };
  return (
    <FormField
      label={label}
      field={field}
      errors={errors}
      extra={(labelId) => (
        // Named "month only" and described by the field's label: its name never matches the date's own label.
        <label className="month-only" htmlFor={switchId}>
          <input id={switchId} type="checkbox" checked={month} aria-describedby={labelId} onChange={(e) => setMonthOnly(e.target.checked)} />
          month only
        </label>
      )}
    >
      {(p) => <input {...p} type={month ? 'month' : 'date'} data-date-field={field} value={value} onChange={(e) => onChange(e.target.value)} />}
    </FormField>
  );
}

/** The date fields of a form whose control holds a date the browser could not read (typed only in part). */
export function badDateFields(form: HTMLFormElement): string[] {
  return [...form.querySelectorAll<HTMLInputElement>('input[data-date-field]')].filter((i) => i.validity.badInput).map((i) => i.dataset.dateField!);
}

/** Asked before a form with changes is closed: Discard, or Keep editing (the default, and what Escape does). */
export function DiscardConfirm({ noun, onDiscard, onKeep }: { noun: string; onDiscard(): void; onKeep(): void }) {
  const textId = useId();
  return (
    <Modal title={`Discard this ${noun}?`} onClose={onKeep} className="discard-confirm" role="alertdialog" closeButton={false} describedBy={textId}>
      <p id={textId}>What you typed in this {noun} is not saved. Discard it, or keep editing?</p>
      <div className="dialog-actions">
        <button type="button" className="danger" onClick={onDiscard}>
          Discard
        </button>
        <button type="button" className="primary" onClick={onKeep} data-autofocus>
          Keep editing
        </button>
      </div>
    </Modal>
  );
}

/** Closing a form: at once when nothing changed, else after the question. */
export function useDiscardGuard(changed: boolean, onClose: () => void) {
  const [asking, setAsking] = useState(false);
  const requestClose = () => (changed ? setAsking(true) : onClose());
  return { asking, requestClose, discard: () => onClose(), keep: () => setAsking(false) };
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

/** Announces a failed save and lists its messages (plain words that name their field, see formWording.ts). */
export function ErrorSummary({ what, errors, failure }: { what: string; errors: readonly FieldError[]; failure: string | null }) {
  const ref = useRef<HTMLDivElement>(null);
  // After a failed save the summary takes focus (and scrolls into view), so keyboard users start from what went wrong.
  useEffect(() => ref.current?.focus(), [errors, failure]);
  if (!failure && errors.length === 0) return null;
  return (
    <div role="alert" className="form-errors" tabIndex={-1} ref={ref}>
      {failure ? (
        <p>{what} was not saved: {failure}</p>
      ) : (
        <p>
          {what} was not saved: {errors.length === 1 ? 'one thing needs' : `${errors.length} things need`} fixing, as marked below.
        </p>
      )}
      {/* Every message in its plain words (each names its field), so none is lost and a screen reader hears them all. */}
      {errors.length > 0 && (
        <ul>
          {errors.map((e, i) => (
            <li key={i}>{e.message}</li>
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
