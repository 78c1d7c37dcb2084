// The section editor: CodeMirror 6 over a section's Markdown, with fact autocomplete, reference highlighting and hovers.
import { autocompletion, closeBrackets, completionKeymap } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap, redo, undo } from '@codemirror/commands';
import { markdown } from '@codemirror/lang-markdown';
import { defaultHighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { EditorState } from '@codemirror/state';
import { EditorView, keymap, placeholder } from '@codemirror/view';
import { useEffect, useImperativeHandle, useRef, type Ref } from 'react';
import type { FactSummary, SearchHit } from '../../../shared/ipc/channels.js';
import type { BriefSection } from '../../../shared/model/brief.js';
import { factCompletion } from './factCompletion.js';
import { refHighlighting, refHover } from './factRefs.js';
import { refValues } from './refValues.js';
import { cspNonce } from './cspNonce.js';
import { formattingKeymap } from './markdownFormatting.js';
import { openReplace, sectionFind } from './sectionFind.js';
import { openSearchPanel } from '@codemirror/search';
import { spellCheck } from './spellCheck.js';

export interface SectionEditorHandle {
  insertFact(id: string): void;
  focus(): void;
  /** Focuses the text with the cursor on the first `needle` (a fact reference) selected; false when it is not there. */
  focusText(needle: string): boolean;
  /** Focuses the text with `from`–`to` selected and in view (Find in brief's Go to). */
  selectRange(from: number, to: number): void;
  /** Opens find (and replace) in this section. */
  openFind(replace?: boolean): void;
  /** The text's own undo history (the menu's Undo lands here while the editor has focus). */
  undo(): void;
  redo(): void;
}

interface Props {
  section: BriefSection;
  facts: ReadonlyMap<string, FactSummary>;
  variables: Record<string, string>;
  search(query: string): Promise<SearchHit[]>;
  onBodyChange(body: string): void;
  handle: Ref<SectionEditorHandle>;
}

const theme = EditorView.theme({
  '&': { height: '100%', backgroundColor: 'var(--bg)', color: 'var(--text)' },
  // Prose in the reading font; references stand out in monospace (styles.css .cm-ref).
  '.cm-scroller': { fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif' },
  '.cm-content': { fontSize: '14px', lineHeight: '1.6', caretColor: 'var(--text)', padding: '8px 4px' },
  '.cm-gutters': { display: 'none' },
  '&.cm-focused': { outline: '3px solid var(--focus)', outlineOffset: '-3px' },
  '.cm-tooltip': { backgroundColor: 'var(--pane)', color: 'var(--text)', border: '1px solid var(--border)' },
  // Few enough options that the list never scrolls: a scrolling listbox would need its own keyboard stop.
  '.cm-tooltip.cm-tooltip-autocomplete > ul': { maxHeight: 'none' },
  '.cm-tooltip-autocomplete > ul > li[aria-selected]': { backgroundColor: 'var(--accent)', color: 'var(--accent-text)' },
});

export function SectionEditor({ section, facts, variables, search, onBodyChange, handle }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  // Extensions read the latest props through refs, so the editor is built once per opened section.
  const latest = useRef({ facts, variables, search, onBodyChange });
  latest.current = { facts, variables, search, onBodyChange };

  useEffect(() => {
    const refs = { fact: (id: string) => latest.current.facts.get(id), variable: (name: string) => latest.current.variables[name] };
    const v = new EditorView({
      parent: host.current!,
      state: EditorState.create({
        doc: section.body,
        extensions: [
          // The CSP has no 'unsafe-inline' for styles: CodeMirror's <style> element carries the page's nonce.
          EditorView.cspNonce.of(cspNonce()),
          history(),
          closeBrackets(),
          markdown(),
          syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
          EditorView.lineWrapping,
          autocompletion({
            override: [
              factCompletion({
                facts: () => [...latest.current.facts.values()],
                search: (q) => latest.current.search(q),
                variables: () => Object.keys(latest.current.variables),
              }),
            ],
            activateOnTyping: true,
          }),
          refHighlighting(refs),
          refValues(refs),
          refHover(refs),
          // Ctrl+F / Ctrl+H in the text: find and replace in this section (elsewhere Ctrl+F is the library search).
          sectionFind(),
          spellCheck(),
          // No Tab binding: Tab leaves the editor like any other field, so keyboard users are never trapped.
          keymap.of([...formattingKeymap, ...completionKeymap, ...defaultKeymap, ...historyKeymap]),
          placeholder('Write Markdown. Type {{ to insert a fact.'),
          // tabindex makes the scrolling editor a keyboard stop in every tool's eyes (contenteditable already is one).
          EditorView.contentAttributes.of({ 'aria-label': `Text of section ${section.title}`, tabindex: '0' }),
          EditorView.updateListener.of((u) => {
            if (u.docChanged) latest.current.onBodyChange(u.state.doc.toString());
          }),
          theme,
        ],
      }),
    });
    view.current = v;
    return () => {
      v.destroy();
      view.current = null;
    };
    // The editor is remounted (React key) when another section is opened; body changes sync below.
  }, []);

  // Outside changes to the body (undo/redo of the brief) replace the text; our own edits compare equal.
  useEffect(() => {
    const v = view.current;
    if (v && v.state.doc.toString() !== section.body) v.dispatch({ changes: { from: 0, to: v.state.doc.length, insert: section.body } });
  }, [section.body]);

  useImperativeHandle(handle, () => ({
    insertFact(id) {
      const v = view.current;
      if (!v) return;
      const { from, to } = v.state.selection.main;
      const text = `{{fact:${id}}}`;
      v.dispatch({ changes: { from, to, insert: text }, selection: { anchor: from + text.length } });
      v.focus();
    },
    focus: () => view.current?.focus(),
    focusText(needle) {
      const v = view.current;
      if (!v) return false;
      const at = v.state.doc.toString().indexOf(needle);
      v.focus();
      if (at === -1) return false;
      v.dispatch({ selection: { anchor: at, head: at + needle.length }, scrollIntoView: true });
      return true;
    },
    selectRange(from, to) {
      const v = view.current;
      if (!v) return;
      const max = v.state.doc.length;
      v.focus();
      v.dispatch({ selection: { anchor: Math.min(from, max), head: Math.min(to, max) }, scrollIntoView: true });
    },
    openFind(replace) {
      const v = view.current;
      if (v) void (replace ? openReplace(v) : openSearchPanel(v));
    },
    undo: () => void (view.current && undo(view.current)),
    redo: () => void (view.current && redo(view.current)),
  }));

  return <div className="editor-host" ref={host} />;
}
