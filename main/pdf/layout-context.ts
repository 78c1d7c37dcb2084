// What every layout step is given: the fonts, theme and warnings of the document, and where a block is set.
import type { Container, StructNode } from './flow.js';
import type { FontSet } from './fonts.js';
import type { TextStyle } from './layout-types.js';
import type { Theme } from './theme.js';
import type { Warnings } from './warnings.js';

export interface LayoutContext {
  /** The faces, and (with them) the memo of paragraph layouts made with them. */
  fonts: FontSet;
  theme: Theme;
  warnings: Warnings;
  hyphenate: boolean;
  /** Next number of a memo's numbered paragraphs. */
  paragraphNumber: number;
}

/** Where a block is set: its column, the containers around it, its parent element and paragraph style. */
export interface Env {
  x: number;
  width: number;
  containers: readonly Container[];
  /** Parent element (null: the Document root). */
  parent: StructNode | null;
  text: TextStyle;
  justify: boolean;
  /** How many lists enclose this block (0 at body level, also inside a summary box or quote). */
  listDepth: number;
}
