// Tables: column widths from content (shrinking the type for wide tables), rich-text cells, rows as flow items.
import type { Inline, TableBlock } from '../../shared/model/composed-doc.js';
import { gap, node, type CellBox, type FlowItem, type RowItem, type StructNode, type TableShape } from './flow.js';
import type { Env, LayoutContext } from './layout-context.js';
import type { Line, TextStyle } from './layout-types.js';
import { layoutInlines, measureInlines } from './layout-paragraph.js';
import { textItems, type Align } from './text-items.js';
import { appendAll } from './append.js';

export function layoutTable(ctx: LayoutContext, b: TableBlock, env: Env): FlowItem[] {
  const t = ctx.theme.table;
  // reduce, not Math.max(...rows): a spread of a very long table overflows the stack.
  const columns = b.rows.reduce((most, r) => Math.max(most, r.length), b.header.length);
  if (columns === 0) return [];
  const rows: Inline[][][] = b.rows.map((r) => pad(r, columns));
  const header = b.header.length ? pad(b.header, columns) : null;

  // Natural widths at the base size; widths scale with the type size, so smaller sizes need no re-measuring.
  const min = new Array<number>(columns).fill(0);
  const max = new Array<number>(columns).fill(0);
  const measure = (cells: Inline[][], s: TextStyle) =>
    cells.forEach((cell, c) => {
      // Minimum = the longest word unbroken: type shrinks before words get hyphenated.
      const m = measureInlines(ctx.fonts, cell, s, false);
      min[c] = Math.max(min[c]!, m.min);
      max[c] = Math.max(max[c]!, m.max);
    });
  if (header) measure(header, t.header);
  for (const r of rows) measure(r, t.text);

  const avail = env.width - columns * 2 * t.padX;
  let scale = 1;
  const sumMin = min.reduce((a, v) => a + v, 0);
  if (sumMin > avail) {
    scale = Math.max(t.minSize / t.text.size, avail / sumMin);
    if (sumMin * scale > avail + 0.5) {
      ctx.warnings.add(`a table with ${columns} columns is too wide for the page even at ${t.minSize} pt: long words in it are broken`);
    }
  }
  const widths = distribute(min.map((v) => v * scale), max.map((v) => v * scale), avail);
  const textStyle = scaled(t.text, scale);
  const headerStyle = scaled(t.header, scale);

  const columnX: number[] = [];
  let x = env.x;
  for (const w of widths) {
    columnX.push(x);
    x += w + 2 * t.padX;
  }
  const shape: TableShape = { x: env.x, width: env.width, columnX, rule: t.rule, headerFill: t.headerFill, header: null };
  const table = node('Table', env.parent);
  const align: Align[] = Array.from({ length: columns }, (_, c) => b.align?.[c] ?? 'left');
  const bodyHeight = ctx.theme.page.height - ctx.theme.page.margin.top - ctx.theme.page.margin.bottom;

  const out: FlowItem[] = [gap(ctx.theme.paraSpace * 1.5, { containers: env.containers })];
  if (b.caption) {
    const caption = textItems(ctx, [{ kind: 'text', text: b.caption }], t.caption, env, { type: 'Caption', struct: node('Caption', table), justify: false, keep: 'next', hyphenate: false });
    appendAll(out, caption);
    out.push(gap(4, { keepWithNext: true, containers: env.containers }));
  }
  const rowItems = (cells: Inline[][], isHeader: boolean): RowItem[] => {
    const tr = node('TR', table);
    const laid = cells.map((cell, c) => {
      const lines = layoutInlines(ctx.fonts, cell, isHeader ? headerStyle : textStyle, {
        width: widths[c]!,
        justify: false,
        align: align[c]!,
        hyphenate: ctx.hyphenate ? 'long-words' : false,
      });
      ctx.warnings.addText(lines.notes);
      return { lines: lines.lines, struct: node(isHeader ? 'TH' : 'TD', tr, isHeader ? 'Column' : undefined) };
    });
    return splitRow(laid, shape, widths, t.padX, t.padY, bodyHeight * 0.8, textStyle.leading, isHeader, env);
  };
  if (header) {
    const [headerRow] = rowItems(header, true);
    if (headerRow) {
      headerRow.keepWithNext = true;
      shape.header = headerRow;
      out.push(headerRow);
    }
  }
  for (const r of rows) appendAll(out, rowItems(r, false));
  out.push(gap(ctx.theme.paraSpace * 1.5, { containers: env.containers }));
  return out;
}

function pad(cells: Inline[][], columns: number): Inline[][] {
  return cells.length >= columns ? cells.slice(0, columns) : [...cells, ...Array.from({ length: columns - cells.length }, () => [] as Inline[])];
}

function scaled(s: TextStyle, scale: number): TextStyle {
  return scale === 1 ? s : { ...s, size: s.size * scale, leading: s.leading * scale };
}

/** Like HTML's auto table layout: every column gets its minimum, the rest is shared by how much more it wants. */
export function distribute(min: number[], max: number[], avail: number): number[] {
  const sumMax = max.reduce((a, v) => a + v, 0);
  const sumMin = min.reduce((a, v) => a + v, 0);
  if (sumMax <= avail) {
    const extra = avail - sumMax;
    return max.map((v) => v + (sumMax > 0 ? (extra * v) / sumMax : extra / max.length));
  }
  if (sumMin <= avail) {
    const want = max.map((v, i) => v - min[i]!);
    const sumWant = want.reduce((a, v) => a + v, 0);
    return min.map((v, i) => v + (sumWant > 0 ? ((avail - sumMin) * want[i]!) / sumWant : 0));
  }
  return min.map((v) => (sumMin > 0 ? (avail * v) / sumMin : avail / min.length));
}

/** A row is one flow item; a row taller than a page is cut between lines into several. */
function splitRow(
  cells: { lines: Line[]; struct: StructNode }[],
  shape: TableShape,
  widths: number[],
  padX: number,
  padY: number,
  maxHeight: number,
  minContent: number,
  isHeader: boolean,
  env: Env,
): RowItem[] {
  const out: RowItem[] = [];
  const cursor = cells.map(() => 0);
  const done = () => cells.every((c, i) => cursor[i]! >= c.lines.length);
  do {
    const boxes: CellBox[] = cells.map((cell, c) => {
      const lines: Line[] = [];
      let h = 0;
      while (cursor[c]! < cell.lines.length) {
        const line = cell.lines[cursor[c]!]!;
        if (lines.length > 0 && h + line.height > maxHeight - 2 * padY) break;
        lines.push(line);
        h += line.height;
        cursor[c]!++;
      }
      return { x: shape.columnX[c]! + padX, width: widths[c]!, lines, top: padY, struct: cell.struct };
    });
    const content = boxes.reduce((most, bx) => Math.max(most, bx.lines.reduce((s, l) => s + l.height, 0)), minContent);
    out.push({ kind: 'row', table: shape, cells: boxes, isHeader, height: content + 2 * padY, keepWithNext: false, containers: env.containers, struct: null });
  } while (!done());
  return out;
}
