// CodeMirror extensions for {{fact:ID}} / {{value:ID}} / {{cite:ID}} / {{var:NAME}}: highlighting and hover cards.
import { Decoration, EditorView, MatchDecorator, ViewPlugin, hoverTooltip, type DecorationSet, type ViewUpdate } from '@codemirror/view';
import type { FactSummary } from '../../../shared/ipc/channels.js';

export interface RefContext {
  fact(id: string): FactSummary | undefined;
  variable(name: string): string | undefined;
}

const REF = /\{\{\s*(fact|value|cite|var)\s*:\s*([A-Za-z0-9_-]+)\s*\}\}/g;

function refClass(ctx: RefContext, kind: string, id: string): string {
  if (kind === 'var') return `cm-ref cm-ref-var${ctx.variable(id) === undefined ? ' cm-ref-missing' : ''}`;
  const f = ctx.fact(id);
  return `cm-ref cm-ref-fact${!f ? ' cm-ref-missing' : f.stale ? ' cm-ref-stale' : ''}`;
}

export function refHighlighting(ctx: RefContext) {
  const decorator = new MatchDecorator({
    regexp: REF,
    decoration: (m) => Decoration.mark({ class: refClass(ctx, m[1]!, m[2]!) }),
  });
  return ViewPlugin.fromClass(
    class {
      decorations: DecorationSet;
      constructor(view: EditorView) {
        this.decorations = decorator.createDeco(view);
      }
      update(u: ViewUpdate) {
        this.decorations = decorator.updateDeco(u, this.decorations);
      }
    },
    { decorations: (v) => v.decorations },
  );
}

function el(tag: string, className: string, text: string): HTMLElement {
  const e = document.createElement(tag);
  e.className = className;
  e.textContent = text;
  return e;
}

/** Hovering a reference shows what it stands for: the fact's statement and source, or the variable's value. */
export function refHover(ctx: RefContext) {
  return hoverTooltip((view, pos) => {
    const line = view.state.doc.lineAt(pos);
    for (const m of line.text.matchAll(REF)) {
      const from = line.from + (m.index ?? 0);
      const to = from + m[0].length;
      if (pos < from || pos > to) continue;
      const [, kind, id] = m as unknown as [string, string, string];
      return {
        pos: from,
        end: to,
        above: true,
        create: () => {
          const dom = el('div', 'ref-card', '');
          if (kind === 'var') {
            const value = ctx.variable(id);
            dom.append(el('div', 'ref-card-title', `Variable ${id}`), el('div', '', value === undefined ? 'Not set in this brief (Settings → Variables).' : `= “${value}”`));
            return { dom };
          }
          const f = ctx.fact(id);
          if (!f) {
            dom.append(el('div', 'ref-card-title', `Unknown fact “${id}”`), el('div', '', 'No fact with this id in the library or the brief’s pins.'));
            return { dom };
          }
          const s = f.fact.source;
          dom.append(
            el('div', 'ref-card-title', f.fact.statement),
            el('div', 'ref-card-source', `${s.title} — ${s.publisher}, ${s.date}`),
            el('div', 'ref-card-url', s.url),
            el('div', f.stale ? 'ref-card-stale' : 'ref-card-asof', f.stale ? `Stale: review was due ${f.reviewDue} (as of ${f.fact.asOf})` : `As of ${f.fact.asOf}`),
          );
          // A review of the user's own is said as what it is: an override of the library's review date.
          if (f.review) dom.append(el('div', 'ref-card-review', reviewWords(f.review)));
          return { dom };
        },
      };
    }
    return null;
  });
}

/** "Reviewed by you on DATE, overrides the bundled review date (DATE)": the fact list and the hover card say it alike. */
export function reviewWords(review: { reviewedOn: string; note?: string; ownDue: string }): string {
  return `Reviewed by you on ${review.reviewedOn}, overrides the bundled review date (${review.ownDue})${review.note ? ` — “${review.note}”` : ''}`;
}
