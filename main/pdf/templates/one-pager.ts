// One-pager / talking points: compact sans layout, tight spacing, bullets carry the content.
import type { ComposedDoc } from '../../../shared/model/composed-doc.js';
import { gap, type FlowItem } from '../flow.js';
import type { Env, LayoutContext } from '../layout-context.js';
import { GREY, INK, NAVY, RULE, pageSpec, style, type Theme } from '../theme.js';
import { lines, notesSection, standardFurniture, text, titleMarking, type Template } from './common.js';
import { appendAll } from '../append.js';

function theme(doc: ComposedDoc): Theme {
  const body = style('sans', 9.5, 12.5);
  return {
    page: pageSpec(doc.paper, { top: 56, bottom: 54, left: 54, right: 54 }),
    accent: NAVY,
    body,
    justify: true,
    paraSpace: 5,
    headings: {
      1: { text: style('sans', 11.5, 14, { bold: true, color: NAVY }), spaceBefore: 10, spaceAfter: 3, upper: true },
      2: { text: style('sans', 10, 13, { bold: true, color: INK }), spaceBefore: 7, spaceAfter: 2 },
      3: { text: style('sans', 9.5, 12.5, { bold: true, color: GREY }), spaceBefore: 5, spaceAfter: 1 },
    },
    list: { indent: 14, itemSpace: 2.5 },
    quote: { text: style('sans', 9.5, 12.5, { italic: true }), indent: 12, bar: RULE },
    pullquote: { text: style('sans', 12, 15.5, { bold: true, color: NAVY }), indent: 12, rule: NAVY },
    summary: { title: style('sans', 9.5, 12.5, { bold: true, color: NAVY }), text: body, fill: [0.93, 0.95, 0.97], border: NAVY, pad: 8 },
    code: { text: style('mono', 8, 11), fill: [0.95, 0.95, 0.95], pad: 5 },
    table: {
      text: style('sans', 8.5, 10.5),
      header: style('sans', 8.5, 10.5, { bold: true }),
      caption: style('sans', 8.5, 11, { bold: true, color: NAVY }),
      minSize: 6,
      rule: RULE,
      headerFill: [0.9, 0.92, 0.95],
      padX: 4,
      padY: 2.5,
    },
    notes: { heading: 'Sources', headingLevel: 2, text: style('sans', 7.5, 9.5, { color: GREY }) },
    furniture: { text: style('sans', 7.5, 9.5, { color: GREY }), banner: style('sans', 9.5, 11.5, { bold: true }), rule: RULE },
    numberParagraphs: false,
    tocMinHeadings: 0,
  };
}

function front(ctx: LayoutContext, doc: ComposedDoc, env: Env): FlowItem[] {
  const m = doc.meta;
  const out: FlowItem[] = [
    ...titleMarking(ctx, doc, env),
    { kind: 'rule', x: env.x, width: env.width, thickness: 4, color: NAVY, height: 4, keepWithNext: true, containers: [], struct: null },
    gap(10, { keepWithNext: true, discardable: false }),
    ...lines(ctx, text(m.title), style('sans', 19, 22, { bold: true, color: NAVY }), env),
  ];
  if (m.subtitle) appendAll(out, lines(ctx, text(m.subtitle), style('sans', 11, 14, { color: GREY }), env));
  const byline = [m.authors.join(', '), m.date].filter(Boolean).join('  ·  ');
  if (byline) appendAll(out, [gap(3, { keepWithNext: true }), ...lines(ctx, text(byline), style('sans', 8.5, 11, { color: GREY }), env)]);
  out.push(gap(8));
  return out;
}

export const onePager: Template = {
  theme,
  front,
  back: notesSection,
  furniture: standardFurniture,
};
