// Named Word styles (paragraph, character, table) and the numbering definitions, built from a template's theme.
import { AlignmentType, BorderStyle, LevelFormat, LineRuleType, type ILevelsOptions, type INumberingOptions, type IParagraphStyleOptions, type IRunStylePropertiesOptions, type IStylesOptions } from 'docx';
import { FONTS, tw, type DocxText, type DocxTheme } from './theme.js';

/** Style ids used by the block writers; names are what a Word user sees in the Styles pane. */
export const S = {
  normal: 'Normal',
  title: 'Title',
  subtitle: 'Subtitle',
  kicker: 'Kicker',
  byline: 'Byline',
  heading: (level: 1 | 2 | 3) => `Heading${level}`,
  listBullet: 'ListBullet',
  listNumber: 'ListNumber',
  listContinue: 'ListContinue',
  memoParagraph: 'MemoParagraph',
  quote: 'Quote',
  pullQuote: 'PullQuote',
  summaryBox: 'SummaryBox',
  summaryTitle: 'SummaryBoxTitle',
  code: 'CodeBlock',
  tableText: 'TableText',
  tableHeading: 'TableHeading',
  caption: 'Caption',
  rule: 'Rule',
  memoField: 'MemoHeader',
  markingBlock: 'DesignationBlock',
  banner: 'MarkingBanner',
  header: 'Header',
  footer: 'Footer',
  tocHeading: 'TOCHeading',
  endnoteText: 'EndnoteText',
  endnoteRef: 'EndnoteReference',
  hyperlink: 'Hyperlink',
  table: 'BriefingTable',
} as const;

/** Numbering definitions: bullets and numbers nest to three levels; memos number their paragraphs. */
export const NUM = { bullet: 'briefing-bullet', number: 'briefing-number', memo: 'briefing-memo-paragraphs' } as const;
const BULLETS = ['•', '–', '◦'];
const MEMO_HANG = 22;
/** Width of a memo header's label column (the PDF's). */
export const MEMO_LABEL = 118;

/** Run properties of a theme text style (sizes in half-points, colours as hex). */
export function run(s: DocxText): IRunStylePropertiesOptions {
  const font = FONTS[s.family];
  return {
    font: { ascii: font, hAnsi: font, cs: font, eastAsia: font },
    size: Math.round(s.size * 2),
    ...(s.bold ? { bold: true } : {}),
    ...(s.italic ? { italics: true } : {}),
    ...(s.color ? { color: s.color } : {}),
    ...(s.upper ? { allCaps: true } : {}),
  };
}

const line = (s: DocxText) => ({ line: tw(s.leading), lineRule: LineRuleType.AT_LEAST });

function para(id: string, name: string, s: DocxText, paragraph: IParagraphStyleOptions['paragraph'] = {}, extra: Partial<IParagraphStyleOptions> = {}): IParagraphStyleOptions {
  return { id, name, basedOn: S.normal, next: S.normal, quickFormat: true, run: run(s), paragraph: { ...paragraph, spacing: { ...line(s), ...paragraph.spacing } }, ...extra };
}

const border = (color: string, size: number) => ({ style: BorderStyle.SINGLE, size, color, space: 4 });

function paragraphStyles(t: DocxTheme): IParagraphStyleOptions[] {
  const justified = t.justify ? { alignment: AlignmentType.JUSTIFIED } : {};
  const headings = ([1, 2, 3] as const).map((level) => {
    const h = t.headings[level];
    return para(S.heading(level), `heading ${level}`, h, { keepNext: true, keepLines: true, outlineLevel: level - 1, spacing: { before: tw(h.before), after: tw(h.after) } });
  });
  const box = t.summary;
  // The frame is the one-cell table the box is set in; the style carries its fill, so text restyled out of it keeps it.
  const boxFrame = { shading: { fill: box.fill, type: 'clear' as const, color: 'auto' } };
  const pq = t.pullquote;
  const pqRule = border(pq.rule, 12);
  return [
    { id: S.normal, name: 'Normal', quickFormat: true, run: run(t.body), paragraph: { ...justified, spacing: { ...line(t.body), after: tw(t.paraSpace) } } },
    para(S.title, 'Title', t.title, { alignment: AlignmentType.LEFT, keepNext: true, spacing: { after: tw(4) } }),
    para(S.subtitle, 'Subtitle', t.subtitle, { alignment: AlignmentType.LEFT, keepNext: true, spacing: { after: tw(12) } }),
    para(S.kicker, 'Kicker', { family: 'sans', size: 8.5, leading: 11, bold: true, color: t.accent }, { keepNext: true, spacing: { after: tw(8) } }),
    para(S.byline, 'Byline', { family: 'sans', size: 10, leading: 13 }, { keepNext: true, spacing: { after: 0 } }),
    ...headings,
    para(S.listBullet, 'List Bullet', t.body, { spacing: { after: tw(t.list.itemSpace) } }),
    para(S.listNumber, 'List Number', t.body, { spacing: { after: tw(t.list.itemSpace) } }),
    para(S.listContinue, 'List Continue', t.body, { spacing: { after: tw(t.list.itemSpace) } }),
    para(S.memoParagraph, 'Memo Paragraph', t.body),
    para(S.quote, 'Quote', t.quote, { indent: { left: tw(t.quote.indent) }, border: { left: border(t.quote.bar, 18) } }),
    para(S.pullQuote, 'Pull Quote', pq, { alignment: AlignmentType.LEFT, keepLines: true, indent: { left: tw(pq.indent), right: tw(pq.indent) }, border: { top: pqRule, bottom: pqRule }, spacing: { before: tw(t.paraSpace * 2 + 6), after: tw(t.paraSpace * 2 + 6) } }),
    para(S.summaryBox, 'Summary Box', box.text, { ...boxFrame, spacing: { after: tw(t.paraSpace * 0.8) } }),
    para(S.summaryTitle, 'Summary Box Title', box.title, { ...boxFrame, keepNext: true, spacing: { after: tw(box.title.size * 0.5) } }, { basedOn: S.summaryBox, next: S.summaryBox }),
    para(S.code, 'Code Block', t.code, { alignment: AlignmentType.LEFT, shading: { fill: t.code.fill, type: 'clear', color: 'auto' }, spacing: { after: 0 } }),
    para(S.tableText, 'Table Text', t.table.text, { alignment: AlignmentType.LEFT, spacing: { after: 0 } }),
    para(S.tableHeading, 'Table Heading', t.table.header, { alignment: AlignmentType.LEFT, keepNext: true, spacing: { after: 0 } }, { basedOn: S.tableText }),
    para(S.caption, 'caption', t.table.caption, { keepNext: true, spacing: { before: tw(t.paraSpace), after: tw(4) } }),
    para(S.rule, 'Section Rule', t.body, { indent: { left: 0, right: 0 }, alignment: AlignmentType.CENTER, spacing: { after: tw(t.paraSpace * 2) } }),
    para(S.memoField, 'Memo Header', t.body, { alignment: AlignmentType.LEFT, indent: { left: tw(MEMO_LABEL), hanging: tw(MEMO_LABEL) }, spacing: { after: tw(6) } }),
    para(S.markingBlock, 'Designation Block', { ...t.furniture.text, color: t.body.color }, { alignment: AlignmentType.LEFT, spacing: { after: 0 } }),
    para(S.banner, 'Marking Banner', t.furniture.banner, { alignment: AlignmentType.CENTER, spacing: { after: 0 } }),
    para(S.header, 'header', t.furniture.text, { alignment: AlignmentType.LEFT, spacing: { after: 0 } }),
    para(S.footer, 'footer', t.furniture.text, { alignment: AlignmentType.RIGHT, spacing: { after: 0 } }),
    para(S.tocHeading, 'TOC Heading', { family: 'sans', size: 10.5, leading: 14, bold: true, color: t.accent, upper: true }, { keepNext: true, spacing: { before: tw(t.paraSpace), after: tw(4) } }),
    para('TOC1', 'toc 1', t.body, { alignment: AlignmentType.LEFT, spacing: { after: tw(3) } }),
    para('TOC2', 'toc 2', { ...t.body, size: t.body.size - 0.5, color: '40454D' }, { alignment: AlignmentType.LEFT, indent: { left: tw(14) }, spacing: { after: tw(1.5) } }),
    para(S.endnoteText, 'endnote text', t.notes.text, { alignment: AlignmentType.LEFT, indent: { left: tw(t.notes.text.size * 2.2), hanging: tw(t.notes.text.size * 2.2) }, spacing: { after: tw(t.notes.text.leading * 0.3) } }),
  ];
}

/**
 * The table style, written as Word writes one: docx has no builder for table styles. It goes in as the document's
 * "external" styles part, which docx merges with its default styles and the named styles below.
 */
export function tableStylesXml(t: DocxTheme): string {
  const b = (side: string) => `<w:${side} w:val="single" w:sz="4" w:space="0" w:color="${t.table.rule}"/>`;
  const xml =
    `<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:style w:type="table" w:styleId="${S.table}"><w:name w:val="Briefing Table"/><w:uiPriority w:val="59"/><w:qFormat/>` +
    `<w:pPr><w:spacing w:after="0" w:line="${tw(t.table.text.leading)}" w:lineRule="atLeast"/></w:pPr>` +
    `<w:tblPr><w:tblBorders>${['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map(b).join('')}</w:tblBorders>` +
    `<w:tblCellMar><w:top w:w="${tw(t.table.padY)}" w:type="dxa"/><w:left w:w="${tw(t.table.padX)}" w:type="dxa"/><w:bottom w:w="${tw(t.table.padY)}" w:type="dxa"/><w:right w:w="${tw(t.table.padX)}" w:type="dxa"/></w:tblCellMar></w:tblPr>` +
    `<w:tblStylePr w:type="firstRow"><w:rPr><w:b/></w:rPr><w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="${t.table.headerFill}"/></w:tcPr></w:tblStylePr></w:style></w:styles>`;
  return xml;
}

export function styles(t: DocxTheme, language: string): IStylesOptions {
  return {
    default: {
      document: { run: { ...run(t.body), language: { value: language } }, paragraph: { spacing: { after: tw(t.paraSpace) } } },
    },
    paragraphStyles: paragraphStyles(t),
    characterStyles: [
      { id: S.endnoteRef, name: 'endnote reference', basedOn: 'DefaultParagraphFont', run: { superScript: true } },
      { id: S.hyperlink, name: 'Hyperlink', basedOn: 'DefaultParagraphFont', run: { color: t.accent, underline: { type: 'single' } } },
      { id: 'PortionMark', name: 'Portion Mark', basedOn: 'DefaultParagraphFont', run: {} },
    ],
  };
}

function bulletLevels(t: DocxTheme, shift: number): ILevelsOptions[] {
  return BULLETS.map((text, level) => ({
    level,
    format: LevelFormat.BULLET,
    text,
    alignment: AlignmentType.LEFT,
    style: { paragraph: { indent: { left: tw(shift + t.list.indent * (level + 1)), hanging: tw(t.list.indent) } }, run: { bold: false, italics: false } },
  }));
}

function numberLevels(t: DocxTheme, shift: number, start: number): ILevelsOptions[] {
  const formats = [LevelFormat.DECIMAL, LevelFormat.LOWER_LETTER, LevelFormat.LOWER_ROMAN];
  return formats.map((format, level) => ({
    level,
    format,
    text: `%${level + 1}.`,
    start: level === 0 ? start : 1,
    alignment: AlignmentType.LEFT,
    style: { paragraph: { indent: { left: tw(shift + t.list.indent * (level + 1)), hanging: tw(t.list.indent) } }, run: { bold: false, italics: false } },
  }));
}

/** Reference of the numbering definition for an ordered list starting at `start` (one definition per start value). */
export const numberRef = (start: number): string => (start === 1 ? NUM.number : `${NUM.number}-${start}`);

/** How far memo lists sit in, so they align with the text of the numbered paragraphs. */
export const listShift = (t: DocxTheme): number => (t.numberParagraphs ? MEMO_HANG : 0);

export function numbering(t: DocxTheme, starts: Iterable<number>): INumberingOptions {
  const shift = listShift(t);
  const config: INumberingOptions['config'][number][] = [
    { reference: NUM.bullet, levels: bulletLevels(t, shift) },
    { reference: NUM.memo, levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.LEFT, style: { paragraph: { indent: { left: tw(MEMO_HANG), hanging: tw(MEMO_HANG) } } } }] },
  ];
  for (const start of new Set([1, ...starts])) config.push({ reference: numberRef(start), levels: numberLevels(t, shift, start) });
  return { config };
}
