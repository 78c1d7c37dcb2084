// The vertical list the paginator cuts into pages: lines, gaps, rules and table rows, with keep rules.
import type { Line, Rgb } from './layout-types.js';

export type StructType =
  | 'Document'
  | 'Sect'
  | 'Div'
  | 'P'
  | 'H1'
  | 'H2'
  | 'H3'
  | 'L'
  | 'LI'
  | 'Lbl'
  | 'LBody'
  | 'BlockQuote'
  | 'Code'
  | 'Table'
  | 'TR'
  | 'TH'
  | 'TD'
  | 'Caption'
  | 'TOC'
  | 'TOCI'
  | 'Note';

/** A structure element to be created when its first content is drawn (so the tree follows reading order). */
export interface StructNode {
  type: StructType;
  parent: StructNode | null;
  /** Table header scope. */
  scope?: 'Column' | 'Row';
}

export function node(type: StructType, parent: StructNode | null, scope?: 'Column' | 'Row'): StructNode {
  return scope ? { type, parent, scope } : { type, parent };
}

/** A box or bar drawn behind the items that carry it, once per page the items reach. */
export interface Container {
  kind: 'summary' | 'quote' | 'pullquote' | 'code';
  x: number;
  width: number;
}

export interface Anchor {
  /** Named destination (heading id, note id). */
  id: string;
  bookmark?: { level: 1 | 2 | 3; title: string };
}

interface ItemBase {
  height: number;
  /** No page break between this item and the next. */
  keepWithNext: boolean;
  containers: readonly Container[];
  /** The element this item's text is marked into (null: nothing to tag). */
  struct: StructNode | null;
  anchor?: Anchor;
}

export interface LineItem extends ItemBase {
  kind: 'line';
  x: number;
  line: Line;
  /** A list label or paragraph number set in the margin of the first line. */
  label?: { x: number; line: Line; struct: StructNode };
}

export interface GapItem extends ItemBase {
  kind: 'gap';
  /** Dropped when it falls at the top of a page. */
  discardable: boolean;
}

export interface RuleItem extends ItemBase {
  kind: 'rule';
  x: number;
  width: number;
  thickness: number;
  color: Rgb;
}

export interface CellBox {
  x: number;
  width: number;
  lines: Line[];
  /** Where the lines start below the row top. */
  top: number;
  struct: StructNode;
}

export interface TableShape {
  x: number;
  width: number;
  columnX: number[];
  rule: Rgb;
  headerFill: Rgb;
  /** Header row repeated at the top of every page the table continues on. */
  header: RowItem | null;
}

export interface RowItem extends ItemBase {
  kind: 'row';
  table: TableShape;
  cells: CellBox[];
  isHeader: boolean;
}

export interface PageBreakItem extends ItemBase {
  kind: 'pagebreak';
}

export type FlowItem = LineItem | GapItem | RuleItem | RowItem | PageBreakItem;

export function gap(height: number, opts: { keepWithNext?: boolean; discardable?: boolean; containers?: readonly Container[] } = {}): GapItem {
  return {
    kind: 'gap',
    height,
    keepWithNext: opts.keepWithNext ?? false,
    discardable: opts.discardable ?? true,
    containers: opts.containers ?? [],
    struct: null,
  };
}

/** Adjacent gaps in the same containers collapse to the larger one (space before/after do not add up). */
export function collapseGaps(items: FlowItem[]): FlowItem[] {
  const out: FlowItem[] = [];
  for (const it of items) {
    const prev = out[out.length - 1];
    if (it.kind === 'gap' && prev && prev.kind === 'gap' && prev.containers === it.containers) {
      out[out.length - 1] = {
        ...prev,
        height: Math.max(prev.height, it.height),
        keepWithNext: prev.keepWithNext || it.keepWithNext,
        discardable: prev.discardable && it.discardable,
      };
    } else out.push(it);
  }
  return out;
}
