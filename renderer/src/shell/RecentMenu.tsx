// "Recent" in the toolbar: the briefs opened lately (names and folders only; main keeps the paths).
import { useEffect, useRef, useState } from 'react';
import type { RecentItem } from '../../../shared/ipc/channels.js';
import { api } from '../api.js';

export function RecentMenu({ onOpen }: { onOpen(recentId: string): void }) {
  const [open, setOpen] = useState(false);
  const [items, setItems] = useState<RecentItem[] | null>(null);
  const root = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    api().recentDocuments().then(setItems, () => setItems([]));
    const close = (e: MouseEvent | KeyboardEvent) => {
      if (e instanceof KeyboardEvent ? e.key === 'Escape' : !root.current?.contains(e.target as Node)) setOpen(false);
    };
    window.addEventListener('mousedown', close);
    window.addEventListener('keydown', close);
    return () => {
      window.removeEventListener('mousedown', close);
      window.removeEventListener('keydown', close);
    };
  }, [open]);

  return (
    <div className="recent-menu" ref={root}>
      <button type="button" aria-expanded={open} aria-controls="recent-list" onClick={() => setOpen((o) => !o)}>
        Recent ▾
      </button>
      {open && (
        <div id="recent-list" className="popover">
          {items === null ? (
            <p className="hint small">Loading…</p>
          ) : items.length === 0 ? (
            <p className="hint small">No recent briefs yet.</p>
          ) : (
            <ul aria-label="Recent briefs">
              {items.map((r) => (
                <li key={r.recentId}>
                  <button
                    type="button"
                    onClick={() => {
                      setOpen(false);
                      onOpen(r.recentId);
                    }}
                  >
                    <span className="recent-name">{r.displayName}</span> <span className="recent-folder">{r.folder}</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
