// Ctrl+B and Ctrl+I in the section editor: wrap the selection in ** or _ (or unwrap it), as word processors toggle.
import { EditorSelection, type StateCommand } from '@codemirror/state';

/** Toggles `mark` around each selection; an empty selection gets an empty pair with the cursor inside it. */
export function toggleMark(mark: string): StateCommand {
  return ({ state, dispatch }) => {
    const n = mark.length;
    const tr = state.changeByRange((range) => {
      const before = state.sliceDoc(range.from - n, range.from);
      const after = state.sliceDoc(range.to, range.to + n);
      if (before === mark && after === mark) {
        return {
          changes: [
            { from: range.from - n, to: range.from },
            { from: range.to, to: range.to + n },
          ],
          range: EditorSelection.range(range.from - n, range.to - n),
        };
      }
      const inner = state.sliceDoc(range.from, range.to);
      if (inner.length >= 2 * n && inner.startsWith(mark) && inner.endsWith(mark)) {
        return { changes: { from: range.from, to: range.to, insert: inner.slice(n, -n) }, range: EditorSelection.range(range.from, range.to - 2 * n) };
      }
      return {
        changes: [
          { from: range.from, insert: mark },
          { from: range.to, insert: mark },
        ],
        range: EditorSelection.range(range.from + n, range.to + n),
      };
    });
    dispatch(state.update(tr, { scrollIntoView: true, userEvent: 'input.format' }));
    return true;
  };
}

export const formattingKeymap = [
  { key: 'Mod-b', run: toggleMark('**'), preventDefault: true },
  { key: 'Mod-i', run: toggleMark('_'), preventDefault: true },
];
