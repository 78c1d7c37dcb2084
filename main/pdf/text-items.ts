// Inline text -> flow items: the text helpers that blocks, tables, the contents and templates all set text with.
import type { Inline } from '../../shared/model/composed-doc.js';
import { node, type LineItem, type StructNode, type StructType } from './flow.js';
import type { FontSet } from './fonts.js';
import type { Env, LayoutContext } from './layout-context.js';
import type { Line, TextStyle } from './layout-types.js';
import { layoutInlines } from './layout-paragraph.js';
import { fitInlines } from './truncate.js';

export type Align = 'left' | 'center' | 'right';

export interface TextOptions {
  type: StructType;
  justify: boolean;
  align?: Align;
  /** 'together': never split; 'next': also keep with what follows (headings). */
  keep?: 'together' | 'next';
  anchor?: LineItem['anchor'];
  /** Struct node to mark the lines into (created by the caller), instead of a new one of `type`. */
  struct?: StructNode;
  hyphenate?: boolean | 'long-words';
}

/** Lay out inline text at env's column and wrap the lines as flow items with widow/orphan control. */
export function textItems(ctx: LayoutContext, inlines: Inline[], textStyle: TextStyle, env: Env, opts: TextOptions): LineItem[] {
  const para = layoutInlines(ctx.fonts, inlines, textStyle, {
    width: env.width,
    justify: opts.justify,
    // Justified text hyphenates freely; ragged text only breaks words that do not fit a line at all.
    hyphenate: opts.hyphenate ?? (ctx.hyphenate ? (opts.justify ? true : 'long-words') : false),
    ...(opts.align ? { align: opts.align } : {}),
  });
  ctx.warnings.addText(para.notes);
  const struct = opts.struct ?? node(opts.type, env.parent);
  const n = para.lines.length;
  return para.lines.map((line, i) => {
    let keep: boolean;
    if (opts.keep) keep = opts.keep === 'next' || i < n - 1;
    // No orphan (first line alone at a page foot) and no widow (last line alone at a page head).
    else keep = n <= 3 ? i < n - 1 : i === 0 || i === n - 2;
    const item: LineItem = { kind: 'line', x: env.x, line, height: line.height, keepWithNext: keep, containers: env.containers, struct };
    if (i === 0 && opts.anchor) item.anchor = opts.anchor;
    return item;
  });
}

/**
 * The first line of a short text set ragged in `width` (page furniture, page numbers, leader dots). Its notes
 * are not reported: such text repeats what the body already says.
 */
export function firstLine(fonts: FontSet, text: string, textStyle: TextStyle, width: number, align: Align = 'left'): Line | undefined {
  return layoutInlines(fonts, [{ kind: 'text', text }], textStyle, { width, justify: false, align, hyphenate: false }).lines[0];
}

/**
 * One line of text set ragged in `width`, cut with an ellipsis when it does not fit (the running title): only a
 * line's worth of it is ever measured, and once per font set, however long the text and however many pages.
 */
export function fittedLine(fonts: FontSet, text: string, textStyle: TextStyle, width: number, align: Align = 'left'): Line | undefined {
  const inlines = fitInlines(fonts, [{ kind: 'text', text }], textStyle, { width, maxLines: 1, align });
  return layoutInlines(fonts, inlines, textStyle, { width, justify: false, align, hyphenate: false }).lines[0];
}

/** One line of text set as a list label or paragraph number (right-aligned) or a memo field label. */
export function labelLine(ctx: LayoutContext, text: string, textStyle: TextStyle, width: number, align: 'left' | 'right' = 'right'): Line {
  const para = layoutInlines(ctx.fonts, [{ kind: 'text', text }], textStyle, { width, justify: false, align, hyphenate: false });
  ctx.warnings.addText(para.notes);
  return para.lines[0]!;
}

/** A heading's inlines with its portion marking ("(U)") in front. */
export function withPortion(inlines: Inline[], portion: string | undefined): Inline[] {
  return portion ? [{ kind: 'text', text: `${portion} ` }, ...inlines] : inlines;
}
