// A labelled form control with the library's validation message for its field shown right under it.
import { useId, type ReactElement, type ReactNode } from 'react';
import type { FieldError } from '../../../shared/ipc/channels.js';

export interface ControlProps {
  id: string;
  'aria-invalid': boolean;
  'aria-describedby'?: string;
}

interface Props {
  label: string;
  /** The field name the library reports errors under (e.g. `source.url`); errors of its sub-fields show here too. */
  field: string;
  errors: readonly FieldError[];
  hint?: string;
  children(control: ControlProps): ReactElement;
  /** Shown right after the control (a date field's "month only" switch); given the label's id when a function. */
  extra?: ReactNode | ((labelId: string) => ReactNode);
}

export function messagesFor(errors: readonly FieldError[], field: string): string[] {
  return errors.filter((e) => e.field === field || e.field.startsWith(`${field}.`) || e.field.startsWith(`${field}[`)).map((e) => e.message);
}

export function FormField({ label, field, errors, hint, children, extra }: Props) {
  const id = useId();
  const messages = messagesFor(errors, field);
  const describedBy = [hint ? `${id}-hint` : '', messages.length ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label htmlFor={id} id={`${id}-label`}>
        {label}
      </label>
      {children({ id, 'aria-invalid': messages.length > 0, ...(describedBy ? { 'aria-describedby': describedBy } : {}) })}
      {typeof extra === 'function' ? extra(`${id}-label`) : extra}
      {hint && <span id={`${id}-hint`} className="field-hint">{hint}</span>}
      {messages.length > 0 && (
        <span id={`${id}-error`} className="field-error">
          {messages.join(' ')}
        </span>
      )}
    </div>
  );
}
