// The frame: laid-out pages as positioned items, shapes and artifacts; the one thing layout hands the writer.
import type { FlowItem } from './flow.js';
import type { Line, Rgb } from './layout-types.js';

/*
 * Like Typst's frames between layout and export: everything here is already positioned (PDF points, from the
 * page's top-left corner) and resolved (colours, not theme names), so the writer decides nothing about layout
 * and layout knows nothing about pdfkit.
 */

/** A flow item at its place on a page (absolute top). */
export interface PlacedItem {
  item: FlowItem;
  top: number;
  /** A table header row repeated on a continuation page: drawn, never tagged. */
  repeat?: boolean;
}

/** Page furniture (banners, running header/footer): drawn as pagination artifacts. */
export interface ArtifactLine {
  x: number;
  top: number;
  line: Line;
}
export interface ArtifactRule {
  x: number;
  /** Centre of the rule. */
  y: number;
  width: number;
  thickness: number;
  color: Rgb;
}

/** A filled rectangle (top-left corner, size). */
export interface FillRect {
  x: number;
  y: number;
  width: number;
  height: number;
  color: Rgb;
}

export interface FramePage {
  /** Backgrounds and bars of boxes, quotes and pull quotes, drawn under the items in this order. */
  backgrounds: FillRect[];
  placed: PlacedItem[];
  furniture: ArtifactLine[];
  rules: ArtifactRule[];
}

export interface PageSize {
  width: number;
  height: number;
}

/** The rectangle a rule of this thickness fills, centred on y. */
export function ruleRect(x: number, y: number, width: number, thickness: number, color: Rgb): FillRect {
  return { x, y: y - thickness / 2, width, height: thickness, color };
}
