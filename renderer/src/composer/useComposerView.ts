// What the composer shows: the brief tab (outline or settings), the section open in the editor, where the preview goes.
import { useCallback, useRef, useState } from 'react';
import { sectionKey, type Brief } from '../../../shared/model/brief.js';
import { followSelection } from '../state/selection.js';
import type { BriefStore } from '../state/useBriefStore.js';

export type BriefTab = 'outline' | 'settings';

/** The preview's destination: a section's title; `goto` changes each time one is chosen, even the same again. */
export interface PreviewTarget {
  title: string;
  goto: number;
}

export function useComposerView(store: BriefStore) {
  const [tab, setTab] = useState<BriefTab>('outline');
  const [selectedKey, setSelectedKey] = useState<string | null>(null);
  // A new number mounts a fresh editor: each opened section gets its own text history.
  const [editorSession, setEditorSession] = useState(0);
  const [target, setTarget] = useState<PreviewTarget | null>(null);
  // Read by edits that arrive between renders (typing), so they never act on a stale selection.
  const selectedRef = useRef(selectedKey);
  selectedRef.current = selectedKey;

  /** Opens a section in the editor and brings the preview to it. */
  const select = useCallback(
    (key: string) => {
      const s = store.current().sections.find((x) => sectionKey(x) === key);
      if (!s) return;
      setTab('outline');
      if (key !== selectedRef.current) setEditorSession((n) => n + 1);
      setSelectedKey(key);
      setTarget((t) => ({ title: s.title, goto: (t?.goto ?? 0) + 1 }));
    },
    [store],
  );

  /** The selected section changed its key in place (a linked section became its edited copy): same editor. */
  const rekey = useCallback((key: string) => {
    selectedRef.current = key;
    setSelectedKey(key);
  }, []);

  /** After undo/redo from `before`: keep the selection on the same section, or on its linked/edited counterpart. */
  const follow = useCallback((before: Brief) => setSelectedKey((k) => followSelection(k, before, store.current())), [store]);

  /** Nothing selected: the section went, or another document replaced the brief. */
  const clear = useCallback(() => setSelectedKey(null), []);

  const selected = store.brief.sections.find((s) => sectionKey(s) === selectedKey) ?? null;
  return { tab, setTab, selectedKey, selectedRef, selected, editorSession, target, select, rekey, follow, clear };
}

export type ComposerView = ReturnType<typeof useComposerView>;
