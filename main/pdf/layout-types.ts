// Shared shapes of the layout: text styles, positioned runs and lines, paragraphs (all lengths in PDF points).
import type { FaceId, Family } from './faces.js';
import type { TextNotes } from './warnings.js';

/** sRGB components 0..1. */
export type Rgb = readonly [number, number, number];

export interface TextStyle {
  family: Family;
  size: number;
  /** Baseline-to-baseline distance. */
  leading: number;
  bold?: boolean;
  italic?: boolean;
  color: Rgb;
}

export type LinkTarget = { uri: string } | { dest: string };

/** What a run is to the structure tree: plain text of its block, a link, or a note reference. */
export type RunRole = 'text' | 'link' | 'noteref';

/** A same-styled stretch of text ready to draw; spaces inside it are real space glyphs. */
export interface Run {
  /** Offset from the line's left edge. */
  x: number;
  text: string;
  face: FaceId;
  size: number;
  color: Rgb;
  /** Baseline shift upwards (superscript note markers). */
  rise: number;
  /** Extra width added after each space character (justification). */
  spaceExtra: number;
  /** Drawn width including justification. */
  width: number;
  link?: LinkTarget;
  role: RunRole;
}

export interface Line {
  runs: Run[];
  /** Width the runs occupy. */
  width: number;
  /** Line box height (the leading) and the baseline offset from the line top. */
  height: number;
  baseline: number;
}

/** How a paragraph is set: everything its lines depend on besides the text, its style and the fonts. */
export interface ParagraphOptions {
  width: number;
  /** Justify with Knuth-Plass; otherwise ragged (first-fit), aligned as given. */
  justify: boolean;
  align?: 'left' | 'center' | 'right';
  /** 'long-words': only words wider than the line (ragged text, table cells) are hyphenated. */
  hyphenate: boolean | 'long-words';
}

export interface Paragraph {
  lines: Line[];
  /** What laying it out noticed (missing glyphs, right-to-left text): replayed with a memoized paragraph. */
  notes: TextNotes;
}

/** Narrowest and widest a piece of inline text can be set (table column widths). */
export interface InlineExtent {
  min: number;
  max: number;
}
