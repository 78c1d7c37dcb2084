// Cuts the flow into pages: keep-with-next chains, widows/orphans (as keeps), manual breaks, repeated table headers.
import { DocumentRefusedError } from '../../shared/errors.js';
import type { FlowItem, RowItem } from './flow.js';

export interface Placed {
  item: FlowItem;
  /** Top of the item, from the top of the page body. */
  y: number;
  /** Position in the flow (-1 for a repeated table header). */
  index: number;
  /** A table header row repeated on a continuation page (drawn, not tagged). */
  repeat?: boolean;
}

export interface Page {
  placed: Placed[];
}

/** Body height available on page i (0-based); the first page may lose room to a marking block. */
export type BodyHeight = (pageIndex: number) => number;

export const MAX_PAGES = 5000;

export function paginate(items: FlowItem[], bodyHeight: BodyHeight): Page[] {
  const pages: Page[] = [];
  const n = items.length;
  let i = 0;
  while (i < n) {
    // Space that would open a page is dropped, as are manual breaks with nothing before them.
    while (i < n && ((items[i]!.kind === 'gap' && (items[i] as { discardable: boolean }).discardable) || items[i]!.kind === 'pagebreak')) i++;
    if (i >= n) break;
    if (pages.length >= MAX_PAGES) throw new DocumentRefusedError(`the document would run to more than ${MAX_PAGES} pages; shorten it or split it into several briefs`);
    const avail = bodyHeight(pages.length);
    const placed: Placed[] = [];
    let y = 0;
    const start = i;
    const first = items[i]!;
    if (first.kind === 'row' && !first.isHeader && first.table.header && continuesTable(items, i)) {
      const header = first.table.header;
      placed.push({ item: header, y, index: -1, repeat: true });
      y += header.height;
    }
    const headerCount = placed.length;
    while (i < n) {
      const it = items[i]!;
      if (it.kind === 'pagebreak') break;
      if (y + it.height > avail + 0.01) {
        if (it.kind === 'gap' && it.discardable && i > start && !items[i - 1]!.keepWithNext) {
          i++; // a gap at the foot of a page is simply dropped
          break;
        }
        if (i === start) {
          // Taller than a whole page (cannot be split further): place it and let it run over.
          placed.push({ item: it, y, index: i });
          i++;
          break;
        }
        const back = lastLegalBreak(items, start, i);
        if (back > start) {
          while (placed.length > headerCount && placed[placed.length - 1]!.index >= back) placed.pop();
          i = back;
        }
        break;
      }
      placed.push({ item: it, y, index: i });
      y += it.height;
      i++;
    }
    pages.push({ placed });
  }
  if (pages.length === 0) pages.push({ placed: [] });
  return pages;
}

/** The latest position p in (start, end] where a break is allowed (the item before p does not keep with next). */
function lastLegalBreak(items: FlowItem[], start: number, end: number): number {
  for (let p = end; p > start; p--) if (!items[p - 1]!.keepWithNext) return p;
  return start;
}

/** A body row whose table already had rows earlier in the flow. */
function continuesTable(items: FlowItem[], i: number): boolean {
  const prev = items[i - 1];
  return !!prev && prev.kind === 'row' && (prev as RowItem).table === (items[i] as RowItem).table;
}
