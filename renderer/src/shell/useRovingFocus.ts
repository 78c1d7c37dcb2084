// Roving tabindex for a list of rows (WAI-ARIA practices): the list is one Tab stop, Up/Down (Home/End) move between
// rows, Left/Right between the buttons of a row. The list remembers where the user was; the rest of the row's
// buttons stay in the page, clickable by mouse and by role, only out of the Tab order.
import { useCallback, useLayoutEffect, useRef, type FocusEvent, type KeyboardEvent, type RefObject } from 'react';

export interface RovingOptions {
  /** Selector of the rows, relative to the list (`:scope > li`). */
  rows: string;
  /** Within a row, the control Up/Down land on; the row's first control without it (or when it is disabled). */
  primary?: string;
  /** The row that holds the Tab stop before the user has been in the list (e.g. the selected one). */
  initial?: string;
}

const CONTROLS = 'button:not([disabled]), a[href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [data-roving-control]';
/** Keys that belong to a text field or a select while focus is in one. */
const FIELD = 'input, select, textarea, [contenteditable="true"]';

export interface RovingProps<T extends HTMLElement> {
  ref: RefObject<T | null>;
  onKeyDown(e: KeyboardEvent): void;
  onFocus(e: FocusEvent): void;
}

export function useRovingFocus<T extends HTMLElement>({ rows, primary, initial }: RovingOptions): RovingProps<T> {
  const ref = useRef<T>(null);
  // Where the Tab stop is: the row (by its data-key, else its index) and the control within it.
  const at = useRef<{ key: string | null; index: number; column: number } | null>(null);

  const rowList = useCallback(() => [...(ref.current?.querySelectorAll<HTMLElement>(rows) ?? [])].filter((r) => controlsOf(r).length > 0), [rows]);
  const primaryOf = useCallback(
    (row: HTMLElement) => {
      const p = primary ? row.querySelector<HTMLElement>(primary) : null;
      return p && p.matches(CONTROLS) ? p : controlsOf(row)[0]!;
    },
    [primary],
  );

  /** Puts tabindex 0 on one control of the list and -1 on every other; returns the one. */
  const settle = useCallback((): HTMLElement | null => {
    const list = ref.current;
    if (!list) return null;
    const all = rowList();
    let row: HTMLElement | undefined;
    if (at.current) {
      const { key, index } = at.current;
      row = (key !== null ? all.find((r) => rowKey(r) === key) : undefined) ?? all[Math.min(index, all.length - 1)];
    }
    row ??= (initial ? all.find((r) => r.matches(initial)) : undefined) ?? all[0];
    const controls = row ? controlsOf(row) : [];
    const stop = row ? (controls[at.current?.column ?? -1] ?? primaryOf(row)) : null;
    for (const el of list.querySelectorAll<HTMLElement>(CONTROLS)) {
      const want = el === stop ? '0' : '-1';
      if (el.getAttribute('tabindex') !== want) el.setAttribute('tabindex', want);
    }
    return stop;
  }, [rowList, primaryOf, initial]);

  // After every render of the list's owner: rows come and go, buttons are disabled and enabled.
  useLayoutEffect(() => {
    settle();
  });

  const remember = (row: HTMLElement, control: HTMLElement) => {
    const all = rowList();
    at.current = { key: rowKey(row), index: all.indexOf(row), column: Math.max(controlsOf(row).indexOf(control), 0) };
  };

  const onFocus = (e: FocusEvent) => {
    const target = e.target as HTMLElement;
    const row = rowList().find((r) => r.contains(target));
    if (!row || !target.matches(CONTROLS)) return;
    remember(row, target);
    settle();
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
    const target = e.target as HTMLElement;
    if (target.matches(FIELD)) return;
    const all = rowList();
    const i = all.findIndex((r) => r.contains(target));
    if (i < 0) return;
    const row = all[i]!;
    let next: HTMLElement | undefined;
    if (e.key === 'ArrowDown') next = all[i + 1] && primaryOf(all[i + 1]!);
    else if (e.key === 'ArrowUp') next = all[i - 1] && primaryOf(all[i - 1]!);
    else if (e.key === 'Home') next = primaryOf(all[0]!);
    else if (e.key === 'End') next = primaryOf(all[all.length - 1]!);
    else if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
      const controls = controlsOf(row);
      const c = controls.indexOf(target);
      next = controls[c + (e.key === 'ArrowRight' ? 1 : -1)];
    } else return;
    e.preventDefault();
    if (!next) return;
    next.focus();
    next.scrollIntoView({ block: 'nearest' });
  };

  return { ref, onKeyDown, onFocus };
}

function controlsOf(row: HTMLElement): HTMLElement[] {
  return [...row.querySelectorAll<HTMLElement>(CONTROLS)];
}

function rowKey(row: HTMLElement): string | null {
  return row.dataset.key ?? row.dataset.sectionId ?? row.dataset.factId ?? null;
}
