// Find and replace in one section: CodeMirror's search panel (Ctrl+F / Ctrl+H in the editor), labelled in words and themed for light and dark.
import { openSearchPanel, search, searchKeymap, searchPanelOpen } from '@codemirror/search';
import { EditorState, type Extension } from '@codemirror/state';
import { EditorView, keymap } from '@codemirror/view';

/** The panel's words: CodeMirror's defaults are terse ("by word", "regexp", "×"). */
const phrases = EditorState.phrases.of({
  Find: 'Find',
  Replace: 'Replace with',
  next: 'Next',
  previous: 'Previous',
  all: 'Select all',
  'match case': 'Match case',
  'by word': 'Whole word',
  regexp: 'Regular expression',
  replace: 'Replace',
  'replace all': 'Replace all',
  close: 'Close find and replace',
  'current match': 'current match',
  'on line': 'on line',
});

/** Ctrl+H opens the same panel with the cursor in the Replace field, as word processors do. */
function openReplace(view: EditorView): boolean {
  openSearchPanel(view);
  const field = view.dom.querySelector<HTMLInputElement>('.cm-search input[name=replace]');
  if (field) {
    field.focus();
    field.select();
  }
  return true;
}

/** Names the panel as a search landmark for screen readers. */
const labelPanel = EditorView.updateListener.of((u) => {
  if (!searchPanelOpen(u.state)) return;
  const panel = u.view.dom.querySelector('.cm-search');
  if (panel && !panel.hasAttribute('role')) {
    panel.setAttribute('role', 'search');
    panel.setAttribute('aria-label', 'Find and replace in this section');
  }
});

const panelTheme = EditorView.theme({
  '.cm-panels': { backgroundColor: 'var(--pane)', color: 'var(--text)' },
  '.cm-panels.cm-panels-top': { borderBottom: '1px solid var(--border)' },
  // As specific as CodeMirror's own panel rules, so these win.
  '.cm-panel.cm-search': { fontSize: '13px', padding: '6px 28px 6px 6px' },
  '.cm-search .cm-textfield': { backgroundColor: 'var(--bg)', color: 'var(--text)', border: '1px solid var(--border)', fontSize: '13px', padding: '3px 6px' },
  '.cm-search .cm-button': { backgroundImage: 'none', backgroundColor: 'var(--bg)', color: 'var(--text)', border: '1px solid var(--border)', borderRadius: '3px', fontSize: '13px' },
  '.cm-search label': { fontSize: '13px' },
  '.cm-search button[name=close]': { color: 'var(--text)', fontSize: '18px', padding: '0 6px' },
  '.cm-searchMatch': { backgroundColor: 'rgba(255, 200, 0, 0.35)', outline: '1px solid rgba(200, 150, 0, 0.6)' },
  '.cm-searchMatch.cm-searchMatch-selected': { backgroundColor: 'rgba(255, 140, 0, 0.5)' },
});

export function sectionFind(): Extension {
  return [
    search({ top: true }),
    phrases,
    labelPanel,
    panelTheme,
    keymap.of([{ key: 'Mod-h', run: openReplace, preventDefault: true }, ...searchKeymap]),
  ];
}

export { openReplace };
