// The Word look of each template (paper, margins, fonts, sizes, spacing, colours), matched to its PDF theme.
import type { PaperSize, TemplateId } from '../../shared/model/brief.js';
import type { ComposedDoc } from '../../shared/model/composed-doc.js';

/** Font families as named in the document; Source Serif/Sans are embedded, so Word and LibreOffice show the PDF's faces. */
export const FONTS = { serif: 'Source Serif Pro', sans: 'Source Sans Pro', mono: 'Courier New' } as const;
export type Family = keyof typeof FONTS;

/** A text style in points, as the PDF themes give them. */
export interface DocxText {
  family: Family;
  size: number;
  leading: number;
  bold?: boolean;
  italic?: boolean;
  /** Hex colour without '#'. */
  color?: string;
  upper?: boolean;
}

export interface DocxHeading extends DocxText {
  before: number;
  after: number;
}

export interface DocxTheme {
  paper: { width: number; height: number };
  margin: { top: number; bottom: number; left: number; right: number };
  accent: string;
  body: DocxText;
  /** The title block's title and subtitle (the Title and Subtitle styles). */
  title: DocxText;
  subtitle: DocxText;
  justify: boolean;
  paraSpace: number;
  headings: Record<1 | 2 | 3, DocxHeading>;
  list: { indent: number; itemSpace: number };
  quote: DocxText & { indent: number; bar: string };
  pullquote: DocxText & { indent: number; rule: string };
  summary: { title: DocxText; text: DocxText; fill: string; border: string; pad: number };
  code: DocxText & { fill: string };
  table: { text: DocxText; header: DocxText; caption: DocxText; rule: string; headerFill: string; padX: number; padY: number };
  notes: { heading: string; level: 1 | 2; text: DocxText };
  furniture: { text: DocxText; banner: DocxText; rule: string };
  /** Decision memos number their top-level paragraphs 1., 2., ... */
  numberParagraphs: boolean;
  /** A table of contents once the brief has this many top-level headings (0: never). */
  tocMinHeadings: number;
}

export const INK = '1A1A1A';
export const GREY = '5C616B';
export const NAVY = '17335C';
export const RULE = 'B8BFCC';

/** Paper in points (the PDF engine's sizes). */
const PAPER: Record<PaperSize, { width: number; height: number }> = {
  letter: { width: 612, height: 792 },
  a4: { width: 595.28, height: 841.89 },
};

const t = (family: Family, size: number, leading: number, extra: Partial<DocxText> = {}): DocxText => ({ family, size, leading, color: INK, ...extra });
const h = (text: DocxText, before: number, after: number): DocxHeading => ({ ...text, before, after });

function issueBrief(): Omit<DocxTheme, 'paper'> {
  const body = t('serif', 10.5, 15);
  return {
    margin: { top: 78, bottom: 72, left: 76, right: 76 },
    accent: NAVY,
    body,
    title: t('serif', 24, 28, { bold: true, color: NAVY }),
    subtitle: t('serif', 13.5, 18, { italic: true, color: GREY }),
    justify: true,
    paraSpace: 7,
    headings: {
      1: h(t('serif', 16, 20, { bold: true, color: NAVY }), 20, 7),
      2: h(t('serif', 12.5, 16, { bold: true }), 13, 4),
      3: h(t('serif', 10.5, 15, { bold: true, italic: true }), 9, 2),
    },
    list: { indent: 18, itemSpace: 3 },
    quote: { ...t('serif', 10, 14.5, { color: '333840' }), indent: 16, bar: RULE },
    pullquote: { ...t('serif', 15, 20, { italic: true, color: NAVY }), indent: 28, rule: NAVY },
    summary: { title: t('sans', 10.5, 14, { bold: true, color: NAVY, upper: true }), text: t('serif', 10.5, 15), fill: 'EDF2F7', border: NAVY, pad: 12 },
    code: { ...t('mono', 8.5, 12), fill: 'F2F2F2' },
    table: { text: t('sans', 9, 11.5), header: t('sans', 9, 11.5, { bold: true }), caption: t('sans', 9, 12, { bold: true, color: NAVY }), rule: RULE, headerFill: 'E6EBF2', padX: 5, padY: 3.5 },
    notes: { heading: 'Notes', level: 1, text: t('serif', 8.5, 11.5) },
    furniture: { text: t('sans', 8, 10, { color: GREY }), banner: t('sans', 10, 12, { bold: true }), rule: RULE },
    numberParagraphs: false,
    tocMinHeadings: 4,
  };
}

function decisionMemo(): Omit<DocxTheme, 'paper'> {
  const body = t('serif', 11.5, 15.5);
  return {
    margin: { top: 72, bottom: 72, left: 72, right: 72 },
    accent: NAVY,
    body,
    title: t('serif', 14, 18, { bold: true }),
    subtitle: t('serif', 12, 16, { italic: true, color: GREY }),
    justify: false,
    paraSpace: 9,
    headings: {
      1: h(t('sans', 11, 14, { bold: true, upper: true }), 14, 6),
      2: h(t('serif', 11.5, 15.5, { bold: true }), 10, 4),
      3: h(t('serif', 11.5, 15.5, { italic: true }), 8, 2),
    },
    list: { indent: 20, itemSpace: 4 },
    quote: { ...t('serif', 11, 15), indent: 20, bar: RULE },
    pullquote: { ...t('serif', 13, 17.5, { italic: true }), indent: 24, rule: GREY },
    summary: { title: t('sans', 10.5, 14, { bold: true, upper: true }), text: body, fill: 'F2F2F2', border: GREY, pad: 10 },
    code: { ...t('mono', 9, 12.5), fill: 'F2F2F2' },
    table: { text: t('sans', 9.5, 12), header: t('sans', 9.5, 12, { bold: true }), caption: t('sans', 9.5, 12.5, { bold: true }), rule: RULE, headerFill: 'EBEBEB', padX: 5, padY: 3.5 },
    notes: { heading: 'Notes', level: 2, text: t('serif', 9, 12) },
    furniture: { text: t('sans', 8, 10, { color: GREY }), banner: t('sans', 10, 12, { bold: true }), rule: RULE },
    numberParagraphs: true,
    tocMinHeadings: 0,
  };
}

function onePager(): Omit<DocxTheme, 'paper'> {
  const body = t('sans', 9.5, 12.5);
  return {
    margin: { top: 56, bottom: 54, left: 54, right: 54 },
    accent: NAVY,
    body,
    title: t('sans', 19, 22, { bold: true, color: NAVY }),
    subtitle: t('sans', 11, 14, { color: GREY }),
    justify: true,
    paraSpace: 5,
    headings: {
      1: h(t('sans', 11.5, 14, { bold: true, color: NAVY, upper: true }), 10, 3),
      2: h(t('sans', 10, 13, { bold: true }), 7, 2),
      3: h(t('sans', 9.5, 12.5, { bold: true, color: GREY }), 5, 1),
    },
    list: { indent: 14, itemSpace: 2.5 },
    quote: { ...t('sans', 9.5, 12.5, { italic: true }), indent: 12, bar: RULE },
    pullquote: { ...t('sans', 12, 15.5, { bold: true, color: NAVY }), indent: 12, rule: NAVY },
    summary: { title: t('sans', 9.5, 12.5, { bold: true, color: NAVY, upper: true }), text: body, fill: 'EDF2F7', border: NAVY, pad: 8 },
    code: { ...t('mono', 8, 11), fill: 'F2F2F2' },
    table: { text: t('sans', 8.5, 10.5), header: t('sans', 8.5, 10.5, { bold: true }), caption: t('sans', 8.5, 11, { bold: true, color: NAVY }), rule: RULE, headerFill: 'E6EBF2', padX: 4, padY: 2.5 },
    notes: { heading: 'Sources', level: 2, text: t('sans', 7.5, 9.5, { color: GREY }) },
    furniture: { text: t('sans', 7.5, 9.5, { color: GREY }), banner: t('sans', 9.5, 11.5, { bold: true }), rule: RULE },
    numberParagraphs: false,
    tocMinHeadings: 0,
  };
}

const THEMES: Record<TemplateId, () => Omit<DocxTheme, 'paper'>> = {
  'issue-brief': issueBrief,
  'decision-memo': decisionMemo,
  'one-pager': onePager,
};

export function docxTheme(doc: ComposedDoc): DocxTheme {
  const make = THEMES[doc.template];
  if (!make) throw new Error(`renderDocx: unknown template "${String(doc.template)}" (known: ${Object.keys(THEMES).join(', ')})`);
  return { ...make(), paper: PAPER[doc.paper] ?? PAPER.letter };
}

/** Points to twentieths of a point (Word's spacing and indent unit). */
export const tw = (pt: number): number => Math.round(pt * 20);
