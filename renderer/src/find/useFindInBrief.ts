// Opens and closes the Find in brief panel: Ctrl+Shift+F (find) and Ctrl+Shift+H (replace) from anywhere in the
// window; closing puts focus back where it was.
import { useCallback, useEffect, useRef, useState } from 'react';

export function useFindInBrief() {
  const [open, setOpen] = useState(false);
  const [focusField, setFocusField] = useState<'find' | 'replace'>('find');
  const [openCount, setOpenCount] = useState(0);
  const returnTo = useRef<HTMLElement | null>(null);

  const show = useCallback((field: 'find' | 'replace') => {
    const active = document.activeElement;
    if (active instanceof HTMLElement && !active.closest('.find-brief')) returnTo.current = active;
    setFocusField(field);
    setOpenCount((n) => n + 1);
    setOpen(true);
  }, []);

  const close = useCallback(() => {
    setOpen(false);
    const back = returnTo.current;
    setTimeout(() => (back?.isConnected ? back.focus() : undefined), 0);
  }, []);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || !e.shiftKey || e.altKey) return;
      const k = e.key.toLowerCase();
      if (k !== 'f' && k !== 'h') return;
      e.preventDefault();
      show(k === 'h' ? 'replace' : 'find');
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [show]);

  return { open, focusField, openCount, show, close };
}
