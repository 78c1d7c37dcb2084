// A modal <dialog>: the browser keeps focus inside and Escape closes it; focus starts on its [data-autofocus] control
// if it has one and goes back to the opener afterwards.
import { useEffect, useId, useRef, type ReactNode } from 'react';

interface Props {
  title: string;
  onClose(): void;
  children: ReactNode;
  className?: string;
}

export function Modal({ title, onClose, children, className }: Props) {
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
      onCancel={(e) => {
        // The parent unmounts the dialog; the browser must not close it behind React's back.
        e.preventDefault();
        onClose();
      }}
    >
      <div className="modal-head">
        <h2 id={titleId}>{title}</h2>
        <button type="button" onClick={onClose}>Close</button>
      </div>
      {children}
    </dialog>
  );
}
