// The command palette (Ctrl+Shift+P, as in VS Code): every command with its shortcut, filtered as you type (fuzzy,
// best first); Enter runs the highlighted one, Escape closes; focus goes back to where it was before either.
// ARIA: a combobox that owns a listbox, the highlighted option named by aria-activedescendant.
import { useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { displayAccelerator } from '../../../shared/commands.js';
import type { MenuCommand } from '../../../shared/ipc/menu-commands.js';
import { IS_MAC } from '../shell/shortcuts.js';
import { fuzzyFilter } from './fuzzy.js';
import './palette.css';
import { entryAccelerator, entryCategory, entryId, entryLabel, PALETTE_ENTRIES, type PaletteEntry } from './paletteCommands.js';
import { keyTarget, pressAccelerator } from './pressKey.js';

interface Props {
  /** The menu's own path for a menu command (useCommandRouting's `run`). */
  run(command: MenuCommand): void;
  onClose(): void;
}

const textOf = (e: PaletteEntry) => `${entryCategory(e)}: ${entryLabel(e)}`;

/** The matched letters in bold, as VS Code shows them. */
function Highlighted({ text, indices }: { text: string; indices: number[] }) {
  const marked = new Set(indices);
  const parts: ReactNode[] = [];
  for (let i = 0; i < text.length; ) {
    const on = marked.has(i);
    let j = i;
    while (j < text.length && marked.has(j) === on) j++;
    parts.push(on ? <mark key={i}>{text.slice(i, j)}</mark> : text.slice(i, j));
    i = j;
  }
  return <>{parts}</>;
}

export function CommandPalette({ run, onClose }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const list = useRef<HTMLUListElement>(null);
  // Where focus was when the palette opened: it goes back there, and a key command is pressed there.
  const [opener] = useState(() => ({ current: document.activeElement }));
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);

  useLayoutEffect(() => {
    const d = dialog.current!;
    // StrictMode runs this twice; a second showModal on an open dialog would throw.
    if (!d.open) d.showModal();
    d.querySelector('input')?.focus();
  }, []);

  // Worked out once per opening: what can run depends on where focus was.
  const [available] = useState(() => PALETTE_ENTRIES.filter((e) => e.kind === 'menu' || keyTarget(e.command.target, opener.current) !== null));
  const matches = useMemo(() => fuzzyFilter(query, available, textOf), [query, available]);
  const current = Math.min(active, Math.max(matches.length - 1, 0));
  useEffect(() => {
    list.current?.querySelector(`[data-index="${current}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [current]);

  const restoreFocus = () => {
    const back = opener.current;
    if (back instanceof HTMLElement && back.isConnected) back.focus();
  };
  const close = () => {
    dialog.current?.close();
    restoreFocus();
    onClose();
  };
  const choose = (e: PaletteEntry | undefined) => {
    if (!e) return;
    const target = e.kind === 'key' ? keyTarget(e.command.target, opener.current) : null;
    close();
    if (e.kind === 'menu') return run(e.entry.command);
    if (!target) return;
    if (document.activeElement !== target) target.focus();
    pressAccelerator(target, e.command.accelerator, IS_MAC);
  };

  const optionId = (i: number) => `palette-option-${i}`;
  return (
    <dialog
      ref={dialog}
      className="modal command-palette"
      aria-label="Command palette"
      onCancel={(e) => {
        e.preventDefault();
        close();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          close();
        }
      }}
      onClick={(e) => e.target === e.currentTarget && close()}
    >
      <input
        type="text"
        role="combobox"
        aria-label="Type a command"
        aria-expanded="true"
        aria-controls="palette-list"
        aria-autocomplete="list"
        aria-activedescendant={matches.length ? optionId(current) : undefined}
        placeholder="Type a command"
        spellCheck={false}
        autoComplete="off"
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={(e) => {
          const last = matches.length - 1;
          if (e.key === 'ArrowDown') setActive(current >= last ? 0 : current + 1);
          else if (e.key === 'ArrowUp') setActive(current <= 0 ? last : current - 1);
          else if (e.key === 'PageDown') setActive(Math.min(current + 8, last));
          else if (e.key === 'PageUp') setActive(Math.max(current - 8, 0));
          else if (e.key === 'Enter') choose(matches[current]?.item);
          else return;
          e.preventDefault();
        }}
      />
      <ul id="palette-list" role="listbox" aria-label="Commands" ref={list}>
        {matches.map(({ item, indices }, i) => {
          const accelerator = entryAccelerator(item);
          const category = entryCategory(item);
          const label = entryLabel(item);
          // Highlight indices count over "Category: Label"; split them between the two spans.
          const offset = category.length + 2;
          return (
            <li
              key={entryId(item)}
              id={optionId(i)}
              data-index={i}
              role="option"
              aria-selected={i === current}
              className={i === current ? 'active' : undefined}
              onMouseMove={() => i !== current && setActive(i)}
              onClick={() => choose(item)}
            >
              <span className="palette-label">
                <span className="palette-category">
                  <Highlighted text={`${category}: `} indices={indices} />
                </span>
                <Highlighted text={label} indices={indices.filter((x) => x >= offset).map((x) => x - offset)} />
              </span>
              {accelerator && <kbd className="palette-shortcut">{displayAccelerator(accelerator, IS_MAC)}</kbd>}
            </li>
          );
        })}
      </ul>
      {matches.length === 0 && (
        <p className="hint palette-empty" role="status">
          No command matches “{query.trim()}”. Try fewer letters.
        </p>
      )}
    </dialog>
  );
}
