// Fact and variable references shown as what the PDF prints (the statement, the value, the variable), with the
// raw {{…}} back in view wherever the cursor or selection touches it, so it can be read and edited.
import { RangeSetBuilder, type EditorState } from '@codemirror/state';
import { Decoration, EditorView, ViewPlugin, type DecorationSet, type ViewUpdate } from '@codemirror/view';
import { formatValue } from '../../../shared/compose/inlines.js';
import type { RefContext } from './factRefs.js';

const REF = /\{\{\s*(fact|value|cite|var)\s*:\s*([A-Za-z0-9_-]+)\s*\}\}/g;

/** What a reference prints, as the composer renders it (the endnote number is the PDF's business: a dagger here). */
export function refDisplay(ctx: RefContext, kind: string, id: string): { text: string; missing: boolean } {
  if (kind === 'var') {
    const v = ctx.variable(id);
    return v === undefined ? { text: `[${id}]`, missing: true } : { text: v, missing: false };
  }
  const f = ctx.fact(id)?.fact;
  if (!f) return { text: `[missing fact: ${id}]`, missing: true };
  if (kind === 'cite') return { text: '†', missing: false };
  if (kind === 'value') return f.value === undefined ? { text: `[no value: ${id}]`, missing: true } : { text: `${formatValue(f.value, f.unit)}†`, missing: false };
  return { text: `${f.statement.trim()}†`, missing: false };
}

/**
 * The raw text stays in the document and in the DOM (copy, find, screen readers and undo see the markup); a mark
 * hides it and shows the printed value in its place (styles.css .cm-ref-shown), except where the selection is.
 */
function build(state: EditorState, view: EditorView, ctx: RefContext): DecorationSet {
  const b = new RangeSetBuilder<Decoration>();
  const sel = state.selection.ranges;
  for (const { from, to } of view.visibleRanges) {
    const text = state.doc.sliceString(from, to);
    for (const m of text.matchAll(REF)) {
      const start = from + m.index!;
      const end = start + m[0].length;
      // Touching counts: the cursor just before or after a reference shows it, so arrow keys can enter it.
      if (sel.some((r) => r.from <= end && r.to >= start)) continue;
      const shown = refDisplay(ctx, m[1]!, m[2]!);
      b.add(start, end, Decoration.mark({ class: `cm-ref-shown${shown.missing ? ' cm-ref-shown-missing' : ''}`, attributes: { 'data-value': shown.text } }));
    }
  }
  return b.finish();
}

export function refValues(ctx: RefContext) {
  return ViewPlugin.fromClass(
    class {
      decorations: DecorationSet;
      constructor(view: EditorView) {
        this.decorations = build(view.state, view, ctx);
      }
      update(u: ViewUpdate) {
        if (u.docChanged || u.selectionSet || u.viewportChanged || u.focusChanged) this.decorations = build(u.state, u.view, ctx);
      }
    },
    { decorations: (v) => v.decorations },
  );
}
