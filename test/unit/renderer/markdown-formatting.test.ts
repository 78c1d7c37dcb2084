// Ctrl+B / Ctrl+I as commands on a real CodeMirror state: wrap, unwrap (outside or inside the selection), empty pair.
import { EditorSelection, EditorState, type Transaction } from '@codemirror/state';
import { describe, expect, it } from 'vitest';
import { toggleMark } from '../../../renderer/src/editor/markdownFormatting.js';

function run(doc: string, from: number, to: number, mark: string): { doc: string; sel: [number, number] } {
  let state = EditorState.create({ doc, selection: EditorSelection.single(from, to) });
  toggleMark(mark)({ state, dispatch: (tr: Transaction) => (state = tr.state) });
  const r = state.selection.main;
  return { doc: state.doc.toString(), sel: [r.from, r.to] };
}

describe('toggleMark', () => {
  it('wraps the selection and keeps it on the word', () => {
    expect(run('make it bold', 8, 12, '**')).toEqual({ doc: 'make it **bold**', sel: [10, 14] });
  });
  it('unwraps when the marks sit just outside the selection', () => {
    expect(run('make it **bold**', 10, 14, '**')).toEqual({ doc: 'make it bold', sel: [8, 12] });
  });
  it('unwraps when the selection includes the marks', () => {
    expect(run('an _aside_ here', 3, 10, '_')).toEqual({ doc: 'an aside here', sel: [3, 8] });
  });
  it('puts an empty pair with the cursor inside it', () => {
    expect(run('ab', 1, 1, '_')).toEqual({ doc: 'a__b', sel: [2, 2] });
  });
});
