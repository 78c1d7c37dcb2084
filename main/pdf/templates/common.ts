// Pieces every template uses: the notes section, labelled fields, page furniture and the first-page marking block.
import type { ComposedDoc, Inline } from '../../../shared/model/composed-doc.js';
import { gap, node, type FlowItem, type LineItem, type StructNode } from '../flow.js';
import type { ArtifactLine, ArtifactRule } from '../frame.js';
import type { Env, LayoutContext } from '../layout-context.js';
import type { Line, TextStyle } from '../layout-types.js';
import { firstLine, fittedLine, labelLine, textItems, type Align } from '../text-items.js';
import { noteDest } from '../text-runs.js';
import type { Theme } from '../theme.js';
import { appendAll } from '../append.js';

export interface Furniture {
  lines: ArtifactLine[];
  rules: ArtifactRule[];
}

export interface Template {
  theme(doc: ComposedDoc): Theme;
  /** Title block or memo header, set before the body. */
  front(ctx: LayoutContext, doc: ComposedDoc, env: Env): FlowItem[];
  /** Notes, attachments, sign-off: set after the body. */
  back(ctx: LayoutContext, doc: ComposedDoc, env: Env): FlowItem[];
  furniture(ctx: LayoutContext, doc: ComposedDoc, pageIndex: number, pageCount: number): Furniture;
}

export function text(t: string): Inline[] {
  return [{ kind: 'text', text: t }];
}

/** A block of text lines (one P) at env's column. */
export function lines(ctx: LayoutContext, inlines: Inline[], s: TextStyle, env: Env, opts: { align?: Align; keep?: 'together' | 'next'; type?: 'P' | 'H1' } = {}): LineItem[] {
  return textItems(ctx, inlines, s, env, { type: opts.type ?? 'P', justify: false, hyphenate: false, keep: opts.keep ?? 'together', ...(opts.align ? { align: opts.align } : {}) });
}

/** "LABEL   value" with the value wrapping in its own column (memo header, attachments, prepared by). */
export function field(ctx: LayoutContext, label: string, value: Inline[], labelStyle: TextStyle, valueStyle: TextStyle, env: Env, labelWidth: number): FlowItem[] {
  const inner: Env = { ...env, x: env.x + labelWidth, width: env.width - labelWidth };
  const items = lines(ctx, value.length ? value : text(' '), valueStyle, inner, { keep: 'together' });
  const first = items[0];
  if (first) {
    const lbl = labelLine(ctx, label, labelStyle, labelWidth - 8, 'left');
    // Align the label's baseline with the value's first line.
    const shifted: Line = { ...lbl, baseline: first.line.baseline };
    first.label = { x: env.x, line: shifted, struct: first.struct! };
  }
  return items;
}

/** Numbered endnotes with their source URLs, each a Note element and the target of its markers; headed at the theme's level. */
export function notesSection(ctx: LayoutContext, doc: ComposedDoc, env: Env): FlowItem[] {
  if (!doc.notes.length) return [];
  const t = ctx.theme;
  const headingLevel = t.notes.headingLevel;
  const headingStyle = t.headings[headingLevel].text;
  const out: FlowItem[] = [
    gap(t.headings[headingLevel].spaceBefore, { containers: env.containers }),
    ...textItems(ctx, text(t.notes.heading), headingStyle, env, {
      type: headingLevel === 1 ? 'H1' : 'H2',
      justify: false,
      keep: 'next',
      hyphenate: false,
      anchor: { id: 'notes', bookmark: { level: headingLevel, title: t.notes.heading } },
    }),
    gap(t.headings[headingLevel].spaceAfter, { keepWithNext: true, containers: env.containers }),
  ];
  const s = t.notes.text;
  const hang = s.size * 2.2;
  const inner: Env = { ...env, x: env.x + hang, width: env.width - hang };
  for (const note of doc.notes) {
    // A note is a portion too: it opens with its fact's mark where the profile marks portions.
    const inlines: Inline[] = text(note.portion ? `${note.portion} ${note.text}` : note.text);
    if (note.url) inlines.push({ kind: 'text', text: ' ' }, { kind: 'text', text: note.url, href: note.url });
    const struct: StructNode = node('Note', env.parent);
    const items = textItems(ctx, inlines, s, inner, { type: 'Note', struct, justify: false, hyphenate: false, anchor: { id: noteDest(note.n) } });
    if (items[0]) items[0].label = { x: env.x, line: labelLine(ctx, `${note.n}.`, s, hang - 5), struct };
    appendAll(out, items);
    out.push(gap(s.leading * 0.3, { containers: env.containers }));
  }
  return out;
}

/** The overall marking at the head of the title block (where a marked brief has one), in the banner's type. */
export function titleMarking(ctx: LayoutContext, doc: ComposedDoc, env: Env): FlowItem[] {
  const banner = doc.marking.banner.trim();
  if (!banner) return [];
  return [...lines(ctx, text(banner), ctx.theme.furniture.banner, env, { align: 'center' }), gap(10, { keepWithNext: true })];
}

/** Lines of the first-page marking block (classification authority, CUI designation). */
export function markingBlock(ctx: LayoutContext, doc: ComposedDoc, env: Env): LineItem[] {
  const s: TextStyle = { ...ctx.theme.furniture.text, color: ctx.theme.body.color };
  // A releasable copy says on page 1 that it is one, and of what, above the authority block.
  const notice = doc.marking.derived ? [doc.marking.derived.notice] : [];
  return [...notice, ...doc.marking.firstPageBlock].flatMap((l) => lines(ctx, text(l), s, env));
}

/** Banner top and bottom, running title from page 2, "Page X of Y" in the footer. */
export function standardFurniture(ctx: LayoutContext, doc: ComposedDoc, pageIndex: number, pageCount: number): Furniture {
  const t = ctx.theme;
  const { width, height, margin } = t.page;
  const bodyWidth = width - margin.left - margin.right;
  const f = t.furniture;
  const out: Furniture = { lines: [], rules: [] };
  const banner = doc.marking.banner.trim();
  if (banner) {
    const l = firstLine(ctx.fonts, banner, f.banner, width - 72, 'center');
    if (l) {
      out.lines.push({ x: 36, top: 14, line: l });
      out.lines.push({ x: 36, top: height - 14 - l.height, line: l });
    }
  }
  if (pageIndex > 0) {
    // Cut with an ellipsis when too long for the header (measured once, not laid out whole on every page).
    const title = fittedLine(ctx.fonts, doc.meta.title, f.text, bodyWidth * 0.75, 'left');
    if (title) {
      out.lines.push({ x: margin.left, top: margin.top - 34, line: title });
      out.rules.push({ x: margin.left, y: margin.top - 18, width: bodyWidth, thickness: 0.5, color: f.rule });
    }
    const date = firstLine(ctx.fonts, doc.meta.date, f.text, bodyWidth * 0.25, 'right');
    if (date) out.lines.push({ x: margin.left + bodyWidth * 0.75, top: margin.top - 34, line: date });
  }
  const page = firstLine(ctx.fonts, `Page ${pageIndex + 1} of ${pageCount}`, f.text, bodyWidth, 'right');
  if (page) out.lines.push({ x: margin.left, top: height - margin.bottom + 20, line: page });
  return out;
}
