// Decision memo (US practice): DATE / MEMORANDUM FOR / FROM / SUBJECT, numbered paragraphs, attachments, prepared by.
import type { ComposedDoc, Inline } from '../../../shared/model/composed-doc.js';
import { gap, type FlowItem } from '../flow.js';
import type { Env, LayoutContext } from '../layout-context.js';
import { GREY, INK, NAVY, RULE, pageSpec, style, type Theme } from '../theme.js';
import { field, lines, notesSection, standardFurniture, text, titleMarking, type Template } from './common.js';
import { appendAll } from '../append.js';

/** Beyond this many addressees the header says "SEE DISTRIBUTION" and a list follows the memo. */
const MAX_ADDRESSEES = 15;
const LABEL_WIDTH = 118;

function theme(doc: ComposedDoc): Theme {
  const body = style('serif', 11.5, 15.5);
  return {
    page: pageSpec(doc.paper, { top: 72, bottom: 72, left: 72, right: 72 }),
    accent: NAVY,
    body,
    justify: false,
    paraSpace: 9,
    headings: {
      1: { text: style('sans', 11, 14, { bold: true, color: INK }), spaceBefore: 14, spaceAfter: 6, upper: true },
      2: { text: style('serif', 11.5, 15.5, { bold: true, color: INK }), spaceBefore: 10, spaceAfter: 4 },
      3: { text: style('serif', 11.5, 15.5, { italic: true, color: INK }), spaceBefore: 8, spaceAfter: 2 },
    },
    list: { indent: 20, itemSpace: 4 },
    quote: { text: style('serif', 11, 15), indent: 20, bar: RULE },
    pullquote: { text: style('serif', 13, 17.5, { italic: true, color: INK }), indent: 24, rule: GREY },
    summary: { title: style('sans', 10.5, 14, { bold: true, color: INK }), text: body, fill: [0.95, 0.95, 0.95], border: GREY, pad: 10 },
    code: { text: style('mono', 9, 12.5), fill: [0.95, 0.95, 0.95], pad: 6 },
    table: {
      text: style('sans', 9.5, 12),
      header: style('sans', 9.5, 12, { bold: true }),
      caption: style('sans', 9.5, 12.5, { bold: true }),
      minSize: 6.5,
      rule: RULE,
      headerFill: [0.92, 0.92, 0.92],
      padX: 5,
      padY: 3.5,
    },
    notes: { heading: 'Notes', headingLevel: 2, text: style('serif', 9, 12) },
    furniture: { text: style('sans', 8, 10, { color: GREY }), banner: style('sans', 10, 12, { bold: true }), rule: RULE },
    numberParagraphs: true,
    tocMinHeadings: 0,
  };
}

const labelStyle = style('sans', 9.5, 15.5, { bold: true });

function addressees(doc: ComposedDoc): string[] {
  const to = doc.meta.memo?.for ?? [];
  return to.length > MAX_ADDRESSEES ? ['SEE DISTRIBUTION'] : to;
}

/** One addressee per line. */
function lineBroken(items: string[]): Inline[] {
  return items.flatMap((s, i): Inline[] => (i ? [{ kind: 'break' }, { kind: 'text', text: s }] : [{ kind: 'text', text: s }]));
}

function front(ctx: LayoutContext, doc: ComposedDoc, env: Env): FlowItem[] {
  const t = ctx.theme;
  const m = doc.meta;
  const memo = m.memo;
  const value = t.body;
  const out: FlowItem[] = [
    ...titleMarking(ctx, doc, env),
    ...lines(ctx, text(m.title), style('serif', 14, 18, { bold: true }), env, { align: 'center' }),
    gap(16, { keepWithNext: true }),
    ...field(ctx, 'DATE:', text(m.date), labelStyle, value, env, LABEL_WIDTH),
    gap(6, { keepWithNext: true }),
  ];
  const to = addressees(doc);
  appendAll(out, field(ctx, 'MEMORANDUM FOR', lineBroken(to), labelStyle, value, env, LABEL_WIDTH));
  out.push(gap(6, { keepWithNext: true }));
  appendAll(out, field(ctx, 'FROM:', text(memo?.from || m.authors.join(', ')), labelStyle, value, env, LABEL_WIDTH));
  out.push(gap(6, { keepWithNext: true }));
  appendAll(out, field(ctx, 'SUBJECT:', text(memo?.subject || m.subject || m.title), labelStyle, { ...value, bold: true }, env, LABEL_WIDTH));
  out.push(gap(10, { keepWithNext: true }), { kind: 'rule', x: env.x, width: env.width, thickness: 0.75, color: INK, height: 0.75, keepWithNext: false, containers: [], struct: null }, gap(12));
  return out;
}

function back(ctx: LayoutContext, doc: ComposedDoc, env: Env): FlowItem[] {
  const t = ctx.theme;
  const memo = doc.meta.memo;
  const out: FlowItem[] = [];
  if (memo?.attachments) appendAll(out, [gap(14), ...field(ctx, 'Attachments:', text(memo.attachments), labelStyle, t.body, env, LABEL_WIDTH)]);
  if (memo?.preparedBy) appendAll(out, [gap(memo.attachments ? 6 : 14), ...field(ctx, 'Prepared by:', text(memo.preparedBy), labelStyle, t.body, env, LABEL_WIDTH)]);
  const to = memo?.for ?? [];
  if (to.length > MAX_ADDRESSEES) {
    appendAll(out, [gap(14), ...field(ctx, 'DISTRIBUTION:', lineBroken(to), labelStyle, t.body, env, LABEL_WIDTH)]);
  }
  appendAll(out, notesSection(ctx, doc, env));
  return out;
}

export const decisionMemo: Template = {
  theme,
  front,
  back,
  furniture: standardFurniture,
};
