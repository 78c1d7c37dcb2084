// The composer's panes for the keyboard: skip links at the top of the page and F6 / Shift+F6 to cycle the panes,
// as in Word and VS Code. Each pane is found by its landmark, so the list follows the layout.
import { useEffect } from 'react';

/** In the order F6 visits them; `focus` is where focus lands inside the pane. */
export const PANES = [
  { id: 'library-heading', label: 'Library', focus: 'input[type="search"]' },
  { id: 'brief-heading', label: 'Brief', focus: '.outline-select[aria-current="true"], .outline-select, [role="tab"][aria-selected="true"]' },
  { id: 'editor', label: 'Section editor', focus: '.cm-content, .editor-region' },
  { id: 'preview-heading', label: 'Preview', focus: '.preview-frame' },
  { id: 'warnings-heading', label: 'Warnings', focus: '.warnings-toggle' },
] as const;

function paneElement(id: string): HTMLElement | null {
  if (id === 'editor') return document.getElementById('editor');
  return document.getElementById(id)?.closest<HTMLElement>('section') ?? null;
}

/** Focuses the pane's own control; a pane without one gets focus itself (tabindex -1). */
export function focusPane(id: string): boolean {
  const pane = paneElement(id);
  if (!pane) return false;
  const pane0 = PANES.find((p) => p.id === id)!;
  // A disabled control cannot take focus: the first enabled match, else the pane itself.
  const target = [...pane.querySelectorAll<HTMLElement>(pane0.focus)].find((el) => !el.matches(':disabled')) ?? pane;
  if (target === pane && !pane.hasAttribute('tabindex')) pane.setAttribute('tabindex', '-1');
  target.focus();
  return document.activeElement === target;
}

/** F6 moves to the next pane, Shift+F6 to the one before; panes not on screen are passed over. */
export function usePaneCycling(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'F6' || e.ctrlKey || e.altKey || e.metaKey) return;
      // A modal dialog keeps focus inside; F6 there does nothing.
      if (document.querySelector('dialog[open]')) return;
      e.preventDefault();
      const active = document.activeElement;
      // The innermost pane holding focus: the editor sits inside the brief pane, and F6 from it goes on to the preview.
      let current = -1;
      PANES.forEach((p, i) => {
        const el = paneElement(p.id);
        if (el?.contains(active) && (current < 0 || paneElement(PANES[current]!.id)?.contains(el))) current = i;
      });
      const step = e.shiftKey ? -1 : 1;
      for (let i = 1; i <= PANES.length; i++) {
        const next = PANES[(((current < 0 ? (e.shiftKey ? 0 : -1) : current) + step * i) % PANES.length + PANES.length) % PANES.length]!;
        if (focusPane(next.id)) return;
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

/** Visible on focus only: the first Tab of the page offers a jump past the toolbar and the library. */
export function SkipLinks({ editorShown }: { editorShown: boolean }) {
  // A link is only offered to a pane on screen (the editor is hidden while the Settings tab is open).
  const panes = PANES.filter((p) => p.id !== 'warnings-heading' && (editorShown || p.id !== 'editor'));
  return (
    <nav className="skip-links" aria-label="Skip to">
      {panes.map((p) => (
        <a
          key={p.id}
          href={`#${p.id}`}
          onClick={(e) => {
            e.preventDefault();
            focusPane(p.id);
          }}
        >
          Skip to {p.label.toLowerCase()}
        </a>
      ))}
    </nav>
  );
}
