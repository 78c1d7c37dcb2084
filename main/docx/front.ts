// The parts around the body, as each PDF template sets them: title block or memo header, memo back matter, notes heading.
import { AlignmentType, BorderStyle, Paragraph, Tab, TextRun, type FileChild, type IParagraphOptions, type ParagraphChild } from 'docx';
import type { ComposedDoc } from '../../shared/model/composed-doc.js';
import { p } from './blocks.js';
import { MEMO_LABEL, S, run } from './styles.js';
import { tw, type DocxTheme } from './theme.js';

/** Beyond this many addressees the header says "SEE DISTRIBUTION" and a list follows the memo (as in the PDF). */
const MAX_ADDRESSEES = 15;

const label = (t: DocxTheme, text: string) => new TextRun({ text, ...run({ family: 'sans', size: 9.5, leading: t.body.leading, bold: true }) });

/** "LABEL<tab>value", the value wrapping under itself (hanging indent at the label column); lines kept as line breaks. */
function field(t: DocxTheme, name: string, values: string[], opts: { bold?: boolean; last?: boolean; extra?: Partial<IParagraphOptions> } = {}): Paragraph {
  const children: ParagraphChild[] = [label(t, name), new TextRun({ children: [new Tab()] })];
  values.forEach((v, i) => children.push(new TextRun({ text: v, ...(opts.bold ? { bold: true } : {}), ...(i ? { break: 1 } : {}) })));
  return p({ style: S.memoField, keepNext: !opts.last, keepLines: true, indent: { left: tw(MEMO_LABEL), hanging: tw(MEMO_LABEL) }, tabStops: [{ type: 'left', position: tw(MEMO_LABEL) }], ...opts.extra, children });
}

function addressees(doc: ComposedDoc): string[] {
  const to = doc.meta.memo?.for ?? [];
  return to.length > MAX_ADDRESSEES ? ['SEE DISTRIBUTION'] : to;
}

function memoFront(t: DocxTheme, doc: ComposedDoc): FileChild[] {
  const m = doc.meta;
  const memo = m.memo;
  return [
    new Paragraph({ style: S.title, alignment: AlignmentType.CENTER, spacing: { after: tw(16) }, children: [new TextRun(m.title)] }),
    field(t, 'DATE:', [m.date]),
    field(t, 'MEMORANDUM FOR', addressees(doc)),
    field(t, 'FROM:', [memo?.from || m.authors.join(', ')]),
    // The rule under the header, as the PDF draws it, is the subject line's bottom border.
    field(t, 'SUBJECT:', [memo?.subject || m.subject || m.title], {
      bold: true,
      last: true,
      extra: { border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '1A1A1A', space: 10 } }, spacing: { after: tw(22) } },
    }),
  ];
}

function issueBriefFront(t: DocxTheme, doc: ComposedDoc): FileChild[] {
  const m = doc.meta;
  const out: FileChild[] = [new Paragraph({ style: S.kicker, children: [new TextRun('ISSUE BRIEF')] }), new Paragraph({ style: S.title, children: [new TextRun(m.title)] })];
  if (m.subtitle) out.push(new Paragraph({ style: S.subtitle, children: [new TextRun(m.subtitle)] }));
  const byline: TextRun[] = [];
  if (m.authors.length) byline.push(new TextRun({ text: m.authors.join(', '), bold: true }));
  if (m.date) byline.push(new TextRun({ text: m.date, color: '5C616B' }));
  // The accent rule under the title block is the last byline paragraph's bottom border.
  const rule = { bottom: { style: BorderStyle.SINGLE, size: 12, color: t.accent, space: 10 } };
  byline.forEach((r, i) => out.push(new Paragraph({ style: S.byline, ...(i === byline.length - 1 ? { border: rule, spacing: { after: tw(24) } } : {}), children: [r] })));
  if (!byline.length) out.push(new Paragraph({ style: S.byline, border: rule, spacing: { after: tw(24) }, children: [] }));
  return out;
}

function onePagerFront(t: DocxTheme, doc: ComposedDoc): FileChild[] {
  const m = doc.meta;
  const out: FileChild[] = [
    new Paragraph({ style: S.title, border: { top: { style: BorderStyle.SINGLE, size: 32, color: t.accent, space: 10 } }, spacing: { after: 0 }, children: [new TextRun(m.title)] }),
  ];
  if (m.subtitle) out.push(new Paragraph({ style: S.subtitle, spacing: { after: 0 }, children: [new TextRun(m.subtitle)] }));
  const byline = [m.authors.join(', '), m.date].filter(Boolean).join('  ·  ');
  if (byline) out.push(new Paragraph({ style: S.byline, spacing: { before: tw(3), after: tw(8) }, children: [new TextRun({ text: byline, color: '5C616B', size: 17 })] }));
  return out;
}

export function front(t: DocxTheme, doc: ComposedDoc): FileChild[] {
  if (doc.template === 'decision-memo') return memoFront(t, doc);
  if (doc.template === 'one-pager') return onePagerFront(t, doc);
  return issueBriefFront(t, doc);
}

/** Memo back matter (attachments, prepared by, distribution) and the heading over the endnotes. */
export function back(t: DocxTheme, doc: ComposedDoc): FileChild[] {
  const out: FileChild[] = [];
  const memo = doc.meta.memo;
  if (doc.template === 'decision-memo' && memo) {
    const spaced = { spacing: { before: tw(14), after: tw(6) } };
    if (memo.attachments) out.push(field(t, 'Attachments:', [memo.attachments], { last: true, extra: spaced }));
    if (memo.preparedBy) out.push(field(t, 'Prepared by:', [memo.preparedBy], { last: true, ...(memo.attachments ? {} : { extra: spaced }) }));
    if (memo.for.length > MAX_ADDRESSEES) out.push(field(t, 'DISTRIBUTION:', memo.for, { last: true, extra: spaced }));
  }
  // Word sets the endnotes after the last paragraph of the document: this heading stands over them.
  if (doc.notes.length) out.push(p({ style: S.heading(t.notes.level), keepNext: true, children: [new TextRun(t.notes.heading)] }));
  return out;
}
