// Spell check in the section editor: a wavy underline under misspelt prose words, and a menu (right-click or
// Ctrl+.) with suggestions, "Add to dictionary" and "Ignore". What counts as prose: shared/text/spell-words.ts.
import { StateEffect, StateField, type Extension } from '@codemirror/state';
import { Decoration, EditorView, ViewPlugin, keymap, showTooltip, type DecorationSet, type Tooltip, type ViewUpdate } from '@codemirror/view';
import { proseWords } from '../../../shared/text/spell-words.js';
import { spelling } from './spelling.js';

interface Flagged {
  from: number;
  to: number;
  word: string;
}

const refresh = StateEffect.define<null>();
const openMenu = StateEffect.define<Flagged>();
const closeMenu = StateEffect.define<null>();

const misspelt = Decoration.mark({ class: 'cm-misspelt' });

/** Sections hold up to 200,000 characters; past that only the part on screen is checked. */
const WHOLE_DOC_LIMIT = 200_000;

function flaggedWords(view: EditorView): Flagged[] {
  if (!spelling.enabled || !spelling.ready) return [];
  const doc = view.state.doc;
  const out: Flagged[] = [];
  const ranges = doc.length <= WHOLE_DOC_LIMIT ? [{ from: 0, to: doc.length }] : view.visibleRanges;
  for (const r of ranges) {
    const text = doc.sliceString(r.from, r.to);
    for (const w of proseWords(text)) if (!spelling.isCorrect(w.word)) out.push({ from: r.from + w.from, to: r.from + w.to, word: w.word });
  }
  return out;
}

const underline = ViewPlugin.fromClass(
  class {
    decorations: DecorationSet = Decoration.none;
    flagged: Flagged[] = [];
    private unsubscribe: () => void;
    private live = true;
    constructor(readonly view: EditorView) {
      spelling.ensureLoaded();
      // The checker arrives (or a word is added) outside any editor transaction: ask for an update.
      this.unsubscribe = spelling.subscribe(() => queueMicrotask(() => this.live && view.dispatch({ effects: refresh.of(null) })));
      this.compute();
    }
    update(u: ViewUpdate) {
      if (u.docChanged || u.transactions.some((t) => t.effects.some((e) => e.is(refresh))) || (u.viewportChanged && u.state.doc.length > WHOLE_DOC_LIMIT)) this.compute();
    }
    compute() {
      this.flagged = flaggedWords(this.view);
      this.decorations = Decoration.set(this.flagged.map((f) => misspelt.range(f.from, f.to)));
    }
    destroy() {
      this.live = false;
      this.unsubscribe();
    }
  },
  { decorations: (p) => p.decorations },
);

function flaggedAt(view: EditorView, pos: number): Flagged | undefined {
  return view.plugin(underline)?.flagged.find((f) => f.from <= pos && pos <= f.to);
}

function menuItem(label: string, run: (() => void) | null): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  b.setAttribute('role', 'menuitem');
  b.tabIndex = -1;
  b.textContent = label;
  if (run) b.addEventListener('click', run);
  else b.setAttribute('aria-disabled', 'true');
  return b;
}

function menuTooltip(f: Flagged): Tooltip {
  return {
    pos: f.from,
    end: f.to,
    above: false,
    create(view) {
      const dom = document.createElement('div');
      dom.className = 'spell-menu';
      dom.setAttribute('role', 'menu');
      dom.setAttribute('aria-label', `Spelling of “${f.word}”`);
      const done = (spec: Parameters<EditorView['dispatch']>[0] = {}) => {
        view.dispatch({ ...spec, effects: closeMenu.of(null) });
        view.focus();
      };
      const suggestions = spelling.suggest(f.word);
      const items = [
        ...suggestions.map((s) =>
          menuItem(s, () => done({ changes: { from: f.from, to: f.to, insert: s }, selection: { anchor: f.from + s.length }, userEvent: 'input.spell' })),
        ),
        ...(suggestions.length ? [] : [menuItem('No suggestions', null)]),
        menuItem(`Add “${f.word}” to dictionary`, () => {
          void spelling.add(f.word);
          done();
        }),
        menuItem('Ignore', () => {
          spelling.ignore(f.word);
          done();
        }),
      ];
      dom.append(...items);
      dom.addEventListener('keydown', (e) => {
        const at = items.indexOf(document.activeElement as HTMLButtonElement);
        if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
          e.preventDefault();
          const next = (at + (e.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length;
          items[next]!.focus();
        } else if (e.key === 'Home' || e.key === 'End') {
          e.preventDefault();
          items[e.key === 'Home' ? 0 : items.length - 1]!.focus();
        } else if (e.key === 'Escape' || e.key === 'Tab') {
          e.preventDefault();
          e.stopPropagation();
          done();
        }
      });
      // Leaving the menu (a click elsewhere) closes it.
      dom.addEventListener('focusout', (e) => {
        if (!dom.contains(e.relatedTarget as Node | null)) setTimeout(() => view.dispatch({ effects: closeMenu.of(null) }), 0);
      });
      return { dom, mount: () => items[0]!.focus() };
    },
  };
}

const menuField = StateField.define<Flagged | null>({
  create: () => null,
  update(value, tr) {
    for (const e of tr.effects) {
      if (e.is(openMenu)) return e.value;
      if (e.is(closeMenu)) return null;
    }
    return tr.docChanged ? null : value;
  },
  provide: (f) => showTooltip.compute([f], (s) => {
    const v = s.field(f);
    return v ? menuTooltip(v) : null;
  }),
});

/** Ctrl+. on a flagged word opens its menu. */
function openAtCursor(view: EditorView): boolean {
  const f = flaggedAt(view, view.state.selection.main.head);
  if (!f) return false;
  view.dispatch({ effects: openMenu.of(f) });
  return true;
}

const contextMenu = EditorView.domEventHandlers({
  contextmenu(e, view) {
    const pos = view.posAtCoords({ x: e.clientX, y: e.clientY });
    const f = pos === null ? undefined : flaggedAt(view, pos);
    if (!f) return false;
    e.preventDefault();
    view.dispatch({ effects: openMenu.of(f) });
    return true;
  },
});

const theme = EditorView.theme({
  '.cm-misspelt': { textDecoration: 'underline wavy var(--danger)', textDecorationSkipInk: 'none', textUnderlineOffset: '3px' },
  '.spell-menu': { display: 'flex', flexDirection: 'column', minWidth: '12em', padding: '4px 0' },
  '.spell-menu [role=menuitem]': { background: 'none', border: 'none', color: 'var(--text)', textAlign: 'left', padding: '4px 12px', font: 'inherit', cursor: 'pointer' },
  '.spell-menu [role=menuitem]:focus': { backgroundColor: 'var(--accent)', color: 'var(--accent-text)', outline: '2px solid var(--focus)' },
  '.spell-menu [role=menuitem][aria-disabled=true]': { fontStyle: 'italic' },
});

export function spellCheck(): Extension {
  return [underline, menuField, contextMenu, keymap.of([{ key: 'Mod-.', run: openAtCursor, preventDefault: true }]), theme];
}

