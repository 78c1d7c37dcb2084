// The brief's outline: select, reorder (drag, buttons, Alt+Up/Down), remove (button, Delete); linked vs edited sections
// are marked. One Tab stop for the list: Up/Down between rows, Left/Right to a row's buttons (useRovingFocus).
import { useEffect, useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import { sectionKey, type Brief, type BriefSection } from '../../../shared/model/brief.js';
import { useRovingFocus } from '../shell/useRovingFocus.js';
import { OUTLINE_DRAG_TYPE, SECTION_DRAG_TYPE } from './dragTypes.js';

interface Props {
  brief: Brief;
  selectedKey: string | null;
  onSelect(key: string): void;
  onMove(key: string, to: number): void;
  onRemove(key: string): void;
  onAddAt(sectionId: string, index: number): void;
}

function LinkBadge({ section }: { section: BriefSection }) {
  if (section.kind === 'linked') {
    return (
      <span className="badge linked" title={`Follows the library section (revision ${section.revision}); editing its text or title makes your copy`}>
        Follows the library
      </span>
    );
  }
  return (
    <span className="badge detached" title={section.fromSectionId ? `Your copy of a library section; it no longer follows the library` : 'Written for this brief; in no library'}>
      {section.fromSectionId ? 'Your copy' : 'Only in this brief'}
    </span>
  );
}

export function OutlinePane({ brief, selectedKey, onSelect, onMove, onRemove, onAddAt }: Props) {
  const roving = useRovingFocus<HTMLOListElement>({ rows: ':scope > li', primary: '.outline-select', initial: '.selected' });
  const listRef = roving.ref;
  const [dropIndex, setDropIndex] = useState<number | null>(null);
  const [announcement, setAnnouncement] = useState('');
  // After a keyboard move the item's DOM node moves too, which drops focus: put it back on the moved item.
  const refocus = useRef<string | null>(null);
  useEffect(() => {
    if (!refocus.current) return;
    const el = listRef.current?.querySelector<HTMLButtonElement>(`[data-key="${CSS.escape(refocus.current)}"] .outline-select`);
    refocus.current = null;
    el?.focus();
  });

  const count = brief.sections.length;
  const move = (key: string, title: string, from: number, to: number) => {
    if (to < 0 || to >= count || to === from) return;
    refocus.current = key;
    onMove(key, to);
    setAnnouncement(`Moved ${title} to position ${to + 1} of ${count}`);
  };

  /** Focus goes to the row that takes the removed one's place (the one after it, or before it at the end). */
  const remove = (key: string, title: string, i: number) => {
    const next = brief.sections[i + 1] ?? brief.sections[i - 1];
    refocus.current = next ? sectionKey(next) : null;
    onRemove(key);
    setAnnouncement(`Removed ${title}`);
  };

  const onItemKeyDown = (e: KeyboardEvent, key: string, title: string, i: number) => {
    if (e.ctrlKey || e.metaKey || e.shiftKey) return;
    if (!e.altKey && e.key === 'Delete') {
      e.preventDefault();
      return remove(key, title, i);
    }
    if (!e.altKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
    e.preventDefault();
    move(key, title, i, e.key === 'ArrowUp' ? i - 1 : i + 1);
  };

  const indexFromEvent = (e: DragEvent, i: number) => {
    const r = (e.currentTarget as HTMLElement).getBoundingClientRect();
    return e.clientY < r.top + r.height / 2 ? i : i + 1;
  };
  const accepts = (e: DragEvent) => e.dataTransfer.types.includes(OUTLINE_DRAG_TYPE) || e.dataTransfer.types.includes(SECTION_DRAG_TYPE);
  const drop = (e: DragEvent, index: number) => {
    e.preventDefault();
    setDropIndex(null);
    const moving = e.dataTransfer.getData(OUTLINE_DRAG_TYPE);
    const adding = e.dataTransfer.getData(SECTION_DRAG_TYPE);
    if (moving) {
      const from = brief.sections.findIndex((s) => sectionKey(s) === moving);
      // Dropping below itself shifts the target by one once the item leaves its old place.
      onMove(moving, index > from ? index - 1 : index);
    } else if (adding) onAddAt(adding, index);
  };

  return (
    <div
      className="outline-pane"
      onDragOver={(e) => {
        if (!accepts(e)) return;
        e.preventDefault();
        if (e.target === e.currentTarget) setDropIndex(count);
      }}
      onDragLeave={(e) => e.target === e.currentTarget && setDropIndex(null)}
      onDrop={(e) => drop(e, dropIndex ?? count)}
    >
      {count === 0 ? (
        <p className="hint empty-outline">Add sections from the library — click Add, or drag them here.</p>
      ) : (
        <ol ref={listRef} onKeyDown={roving.onKeyDown} onFocus={roving.onFocus} className="outline" aria-label="Sections in the brief" aria-describedby="outline-help">
          {brief.sections.map((s, i) => {
            const key = sectionKey(s);
            const selected = key === selectedKey;
            return (
              <li
                key={key}
                data-key={key}
                className={`outline-item${selected ? ' selected' : ''}${dropIndex === i ? ' drop-before' : ''}${dropIndex === i + 1 && i === count - 1 ? ' drop-after' : ''}`}
                draggable
                onDragStart={(e) => {
                  e.dataTransfer.setData(OUTLINE_DRAG_TYPE, key);
                  e.dataTransfer.effectAllowed = 'move';
                }}
                onDragOver={(e) => {
                  if (!accepts(e)) return;
                  e.preventDefault();
                  e.stopPropagation();
                  setDropIndex(indexFromEvent(e, i));
                }}
                onDrop={(e) => {
                  e.stopPropagation();
                  drop(e, indexFromEvent(e, i));
                }}
                onKeyDown={(e) => onItemKeyDown(e, key, s.title, i)}
              >
                <span className="drag-handle" aria-hidden="true">⋮⋮</span>
                <span className="outline-number" aria-hidden="true">{i + 1}</span>
                <button type="button" className="outline-select" aria-current={selected ? 'true' : undefined} onClick={() => onSelect(key)}>
                  <span className="outline-title">{s.title}</span>
                  <LinkBadge section={s} />
                </button>
                <span className="outline-actions">
                  <button type="button" onClick={() => move(key, s.title, i, i - 1)} disabled={i === 0} aria-label={`Move ${s.title} up`} aria-keyshortcuts="Alt+ArrowUp">↑</button>
                  <button type="button" onClick={() => move(key, s.title, i, i + 1)} disabled={i === count - 1} aria-label={`Move ${s.title} down`} aria-keyshortcuts="Alt+ArrowDown">↓</button>
                  <button type="button" onClick={() => remove(key, s.title, i)} aria-label={`Remove ${s.title}`} aria-keyshortcuts="Delete">✕</button>
                </span>
              </li>
            );
          })}
        </ol>
      )}
      <p id="outline-help" className="hint small">↑/↓ go through the sections, ←/→ to a section’s buttons. Alt+↑/↓ moves the focused section, Delete removes it. Drag to reorder.</p>
      <p className="visually-hidden" role="status" aria-live="polite">{announcement}</p>
    </div>
  );
}
