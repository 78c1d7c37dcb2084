// A modal <dialog>: the browser keeps focus inside and Escape closes it; focus starts on its [data-autofocus] control
// if it has one and goes back to the opener afterwards. A modal opened inside another (a form's "Discard this
// fact?") takes Escape for itself.
import { useEffect, useId, useRef, type ReactNode } from 'react';

interface Props {
  title: string;
  /** Escape, the Close button: the parent decides (a form with changes asks first) and unmounts the dialog. */
  onClose(): void;
  children: ReactNode;
  className?: string;
  /** `alertdialog` for a question that interrupts (discard typed input?). */
  role?: 'dialog' | 'alertdialog';
  /** The Close button in the head; a question has its own answers instead. */
  closeButton?: boolean;
  /** The id of the text that says what the dialog asks (read out with its title). */
  describedBy?: string;
}

export function Modal({ title, onClose, children, className, role, closeButton = true, describedBy }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current!;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    // StrictMode runs this twice; a second showModal on an open dialog would throw.
    if (!dialog.open) dialog.showModal();
    // showModal focuses the first control (the Close button); a dialog that names its starting field goes there.
    dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    return () => opener?.focus();
  }, []);
  return (
    <dialog
      ref={ref}
      className={`modal${className ? ` ${className}` : ''}`}
      aria-labelledby={titleId}
      {...(role === 'alertdialog' ? { role } : {})}
      {...(describedBy ? { 'aria-describedby': describedBy } : {})}
      onKeyDown={(e) => {
        // Escape is taken on the key, not left to the browser's cancel: Chromium lets a page refuse a cancel only
        // once per user activation, and a form that asks "Discard?" must be able to refuse every time. An inner
        // modal (or a control) that handled the key first has prevented it.
        if (e.key !== 'Escape' || e.defaultPrevented) return;
        e.preventDefault();
        onClose();
      }}
      onCancel={(e) => {
        // The parent unmounts the dialog; the browser must not close it behind React's back. A nested dialog's
        // cancel is its own.
        e.preventDefault();
        if (e.target === e.currentTarget) onClose();
      }}
    >
      <div className="modal-head">
        <h2 id={titleId}>{title}</h2>
        {closeButton && (
          <button type="button" onClick={onClose}>
            Close
          </button>
        )}
      </div>
      {children}
    </dialog>
  );
}
