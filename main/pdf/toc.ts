// Table of contents: entries for H1/H2 headings with dot leaders and page numbers, each linked to its heading.
import type { ComposedDoc, Inline } from '../../shared/model/composed-doc.js';
import { gap, node, type FlowItem } from './flow.js';
import type { Env, LayoutContext } from './layout-context.js';
import type { Line, Run, TextStyle } from './layout-types.js';
import type { Page } from './paginate.js';
import { firstLine, textItems, withPortion } from './text-items.js';
import { fitInlines } from './truncate.js';
import { style } from './theme.js';
import { appendAll } from './append.js';

export interface TocEntry {
  id: string;
  level: 1 | 2 | 3;
  inlines: Inline[];
}

/** Headings at the top level of each section, in order. */
export function collectHeadings(doc: ComposedDoc): TocEntry[] {
  const out: TocEntry[] = [];
  for (const s of doc.sections) for (const b of s.blocks) if (b.kind === 'heading') out.push({ id: b.id, level: b.level, inlines: withPortion(b.inlines, b.portion) });
  return out;
}

/** Page number (1-based) of every anchored item after pagination. */
export function anchorPages(pages: Page[]): Map<string, number> {
  const map = new Map<string, number>();
  pages.forEach((p, i) => {
    for (const { item } of p.placed) if (item.anchor && !map.has(item.anchor.id)) map.set(item.anchor.id, i + 1);
  });
  return map;
}

const NUMBER_WIDTH = 28;
const MAX_DETAILED_ENTRIES = 12;
/** An entry wraps to at most this many lines; a longer heading is cut with an ellipsis (it is set in full in the body). */
export const MAX_TOC_ENTRY_LINES = 3;

export function tocItems(ctx: LayoutContext, entries: TocEntry[], pageOf: Map<string, number> | null, env: Env): FlowItem[] {
  const t = ctx.theme;
  const toc = node('TOC', env.parent);
  const title = style('sans', 10.5, 14, { bold: true, color: t.accent });
  const out: FlowItem[] = [
    gap(t.paraSpace),
    // The title is a sibling of the TOC element: a TOC may hold only TOCI (and nested TOC) children.
    ...textItems(ctx, [{ kind: 'text', text: 'CONTENTS' }], title, env, { type: 'P', justify: false, keep: 'next', hyphenate: false }),
    gap(4, { keepWithNext: true }),
  ];
  // Subparts are listed too while the contents stay short; a long brief lists its parts only.
  const depth = entries.filter((e) => e.level <= 2).length <= MAX_DETAILED_ENTRIES ? 2 : 1;
  for (const e of entries) {
    if (e.level > depth) continue;
    const s: TextStyle = e.level === 1 ? { ...t.body, bold: false } : { ...t.body, size: t.body.size - 0.5, color: [0.25, 0.27, 0.3] };
    const indent = e.level === 1 ? 0 : 14;
    const inner: Env = { ...env, x: env.x + indent, width: env.width - indent };
    const width = inner.width - NUMBER_WIDTH - 12;
    const inlines = fitInlines(ctx.fonts, e.inlines, s, { width, maxLines: MAX_TOC_ENTRY_LINES });
    const items = textItems(ctx, inlines, s, { ...inner, width }, { type: 'TOCI', struct: node('TOCI', toc), justify: false, keep: 'together', hyphenate: false });
    const page = pageOf?.get(e.id);
    const last = items[items.length - 1];
    if (last) last.line = withLeaderAndNumber(ctx, last.line, s, inner.width, page === undefined ? '' : String(page));
    for (const it of items) it.line = linked(it.line, e.id);
    // The contents stay together (a longer-than-a-page list still breaks where it must).
    for (const it of items) it.keepWithNext = true;
    appendAll(out, items);
    out.push(gap(e.level === 1 ? 3 : 1.5, { keepWithNext: true, containers: env.containers }));
  }
  // ...but not with the body that follows.
  const last = out[out.length - 1]!;
  last.keepWithNext = false;
  const lastLine = out[out.length - 2];
  if (lastLine) lastLine.keepWithNext = false;
  out.push(gap(t.paraSpace * 2));
  return out;
}

/** Dot leaders from the end of the title to a right-aligned page number. */
function withLeaderAndNumber(ctx: LayoutContext, line: Line, s: TextStyle, width: number, page: string): Line {
  const num = firstLine(ctx.fonts, page || '0', s, NUMBER_WIDTH, 'right')!;
  const numberRuns: Run[] = page ? num.runs.map((r) => ({ ...r, x: r.x + width - NUMBER_WIDTH })) : [];
  const leaderStyle: TextStyle = { ...s, color: [0.55, 0.57, 0.6] };
  const dot = firstLine(ctx.fonts, '.', leaderStyle, width)!.runs[0]!;
  const pitch = dot.width * 2.6;
  const from = line.width + 8;
  const to = width - NUMBER_WIDTH - 4;
  const count = Math.max(0, Math.floor((to - from) / pitch));
  const leaders: Run[] = [];
  if (count > 0) {
    // One run of dots separated by spaces stretched to the pitch; aligned from the right so columns line up.
    const text = Array.from({ length: count }, () => '.').join(' ');
    const spaceWidth = (ctx.fonts.faces[dot.face].advance(' ') * dot.size) / 1000;
    leaders.push({ ...dot, x: to - count * pitch + (pitch - dot.width), text, width: count * pitch - (pitch - dot.width), spaceExtra: pitch - dot.width - spaceWidth });
  }
  return { ...line, runs: [...line.runs, ...leaders, ...numberRuns] };
}

function linked(line: Line, id: string): Line {
  return { ...line, runs: line.runs.map((r) => ({ ...r, link: { dest: id }, role: 'link' as const })) };
}
