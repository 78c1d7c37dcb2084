// Issue brief (think-tank style): title block, boxed summary, H1 parts with H2 subparts, pull quotes, endnotes.
import type { ComposedDoc } from '../../../shared/model/composed-doc.js';
import { gap, type FlowItem } from '../flow.js';
import type { Env, LayoutContext } from '../layout-context.js';
import { GREY, INK, NAVY, RULE, pageSpec, style, type Theme } from '../theme.js';
import { lines, notesSection, standardFurniture, text, titleMarking, type Template } from './common.js';
import { appendAll } from '../append.js';

function theme(doc: ComposedDoc): Theme {
  const body = style('serif', 10.5, 15);
  return {
    page: pageSpec(doc.paper, { top: 78, bottom: 72, left: 76, right: 76 }),
    accent: NAVY,
    body,
    justify: true,
    paraSpace: 7,
    headings: {
      1: { text: style('serif', 16, 20, { bold: true, color: NAVY }), spaceBefore: 20, spaceAfter: 7 },
      2: { text: style('serif', 12.5, 16, { bold: true, color: INK }), spaceBefore: 13, spaceAfter: 4 },
      3: { text: style('serif', 10.5, 15, { bold: true, italic: true, color: INK }), spaceBefore: 9, spaceAfter: 2 },
    },
    list: { indent: 18, itemSpace: 3 },
    quote: { text: style('serif', 10, 14.5, { color: [0.2, 0.22, 0.26] }), indent: 16, bar: RULE },
    pullquote: { text: style('serif', 15, 20, { italic: true, color: NAVY }), indent: 28, rule: NAVY },
    summary: { title: style('sans', 10.5, 14, { bold: true, color: NAVY }), text: style('serif', 10.5, 15), fill: [0.93, 0.95, 0.97], border: NAVY, pad: 12 },
    code: { text: style('mono', 8.5, 12), fill: [0.95, 0.95, 0.95], pad: 6 },
    table: {
      text: style('sans', 9, 11.5),
      header: style('sans', 9, 11.5, { bold: true }),
      caption: style('sans', 9, 12, { bold: true, color: NAVY }),
      minSize: 6.5,
      rule: RULE,
      headerFill: [0.9, 0.92, 0.95],
      padX: 5,
      padY: 3.5,
    },
    notes: { heading: 'Notes', headingLevel: 1, text: style('serif', 8.5, 11.5) },
    furniture: { text: style('sans', 8, 10, { color: GREY }), banner: style('sans', 10, 12, { bold: true }), rule: RULE },
    numberParagraphs: false,
    tocMinHeadings: 4,
  };
}

function front(ctx: LayoutContext, doc: ComposedDoc, env: Env): FlowItem[] {
  const t = ctx.theme;
  const m = doc.meta;
  const out: FlowItem[] = [
    ...titleMarking(ctx, doc, env),
    ...lines(ctx, text('ISSUE BRIEF'), style('sans', 8.5, 11, { bold: true, color: NAVY }), env),
    gap(8, { keepWithNext: true }),
    ...lines(ctx, text(m.title), style('serif', 24, 28, { bold: true, color: NAVY }), env),
  ];
  if (m.subtitle) appendAll(out, [gap(4, { keepWithNext: true }), ...lines(ctx, text(m.subtitle), style('serif', 13.5, 18, { italic: true, color: GREY }), env)]);
  out.push(gap(12, { keepWithNext: true }));
  if (m.authors.length) appendAll(out, lines(ctx, text(m.authors.join(', ')), style('sans', 10, 13, { bold: true }), env));
  if (m.date) appendAll(out, lines(ctx, text(m.date), style('sans', 10, 13, { color: GREY }), env));
  out.push(gap(10, { keepWithNext: true }), { kind: 'rule', x: env.x, width: env.width, thickness: 1.5, color: t.accent, height: 1.5, keepWithNext: true, containers: [], struct: null }, gap(14));
  return out;
}

export const issueBrief: Template = {
  theme,
  front,
  back: notesSection,
  furniture: standardFurniture,
};
