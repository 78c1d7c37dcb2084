// The typographic settings a template chooses: page geometry, text styles, spacing and colours.
import type { PaperSize } from '../../shared/model/brief.js';
import type { Rgb, TextStyle } from './layout-types.js';

export interface PageSpec {
  width: number;
  height: number;
  margin: { top: number; bottom: number; left: number; right: number };
}

export const PAPER: Record<PaperSize, { width: number; height: number }> = {
  letter: { width: 612, height: 792 },
  a4: { width: 595.28, height: 841.89 },
};

export interface HeadingStyle {
  text: TextStyle;
  spaceBefore: number;
  spaceAfter: number;
  upper?: boolean;
}

export interface Theme {
  page: PageSpec;
  accent: Rgb;
  body: TextStyle;
  justify: boolean;
  paraSpace: number;
  headings: Record<1 | 2 | 3, HeadingStyle>;
  /** Indent of each list level and the gap between a label and its text. */
  list: { indent: number; itemSpace: number };
  quote: { text: TextStyle; indent: number; bar: Rgb };
  pullquote: { text: TextStyle; indent: number; rule: Rgb };
  summary: { title: TextStyle; text: TextStyle; fill: Rgb; border: Rgb; pad: number };
  code: { text: TextStyle; fill: Rgb; pad: number };
  table: { text: TextStyle; header: TextStyle; caption: TextStyle; minSize: number; rule: Rgb; headerFill: Rgb; padX: number; padY: number };
  notes: { heading: string; headingLevel: 1 | 2; text: TextStyle };
  furniture: { text: TextStyle; banner: TextStyle; rule: Rgb };
  /** Decision memos number their top-level paragraphs 1., 2., ... */
  numberParagraphs: boolean;
  /** Issue briefs get a table of contents when they have at least this many headings (0: never). */
  tocMinHeadings: number;
}

export const INK: Rgb = [0.1, 0.1, 0.1];
export const GREY: Rgb = [0.36, 0.38, 0.42];
export const NAVY: Rgb = [0.09, 0.2, 0.36];
export const RULE: Rgb = [0.72, 0.75, 0.8];

export function style(family: TextStyle['family'], size: number, leading: number, extra: Partial<TextStyle> = {}): TextStyle {
  return { family, size, leading, color: INK, ...extra };
}

export function pageSpec(paper: PaperSize, margin: PageSpec['margin']): PageSpec {
  return { ...PAPER[paper], margin };
}
