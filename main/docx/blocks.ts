// Document blocks -> Word paragraphs and tables, each in its named style (headings bookmarked for the TOC and links).
import { AlignmentType, Bookmark, BorderStyle, LineRuleType, PageBreak, Paragraph, Table, TableCell, TableRow, TextRun, WidthType, type FileChild, type IParagraphOptions } from 'docx';
import type { Block, Inline, TableBlock } from '../../shared/model/composed-doc.js';
import { inlines, withPortion, type NoteRefs } from './inlines.js';
import { listShift, NUM, numberRef, S } from './styles.js';
import { tw, type DocxTheme } from './theme.js';

export interface BlockContext {
  theme: DocxTheme;
  notes: NoteRefs;
  /** Next numbering instance: each ordered list restarts its count. */
  nextInstance: number;
  /** Heading anchor ids -> bookmark names already given out. */
  bookmarks: Map<string, string>;
}

/** Where a block sits: the style its paragraphs take and how deep in lists it is. */
interface Env {
  style: string;
  depth: number;
  /** Inside a quote, box or list: a memo numbers only body-level paragraphs. */
  nested: boolean;
}

const BODY: Env = { style: S.normal, depth: 0, nested: false };

/** Word bookmark names: a letter first, then letters, digits and underscores, at most 40 characters, unique. */
export function bookmarkFor(ctx: BlockContext, id: string): string {
  const known = ctx.bookmarks.get(id);
  if (known) return known;
  const base = `h_${id.replace(/[^A-Za-z0-9_]/g, '_')}`.slice(0, 36);
  const taken = new Set(ctx.bookmarks.values());
  let name = base;
  for (let k = 2; taken.has(name); k++) name = `${base}_${k}`;
  ctx.bookmarks.set(id, name);
  return name;
}

/**
 * A body paragraph: widow and orphan control, as the PDF's layout has; and outside a list an explicit "no numbering"
 * (numId 0), without which LibreOffice carries a memo's paragraph numbers on to the headings and tables after them.
 * LibreOffice then also drops the indent the paragraph's style gives, so an indented style's paragraph repeats it.
 */
export const p = (options: IParagraphOptions) => new Paragraph({ widowControl: true, numbering: false, ...options });

export function blocks(ctx: BlockContext, list: Block[], env: Env = BODY): FileChild[] {
  return list.flatMap((b) => block(ctx, b, env));
}

function block(ctx: BlockContext, b: Block, env: Env): FileChild[] {
  const t = ctx.theme;
  switch (b.kind) {
    case 'heading':
      return [p({ style: S.heading(b.level), children: [new Bookmark({ id: bookmarkFor(ctx, b.id), children: inlines(withPortion(b.inlines, b.portion), ctx.notes) })] })];
    case 'paragraph': {
      const children = inlines(withPortion(b.inlines, b.portion), ctx.notes);
      if (t.numberParagraphs && !env.nested) return [p({ style: S.memoParagraph, numbering: { reference: NUM.memo, level: 0 }, children })];
      const indent = env.depth ? { left: tw(listShift(t) + t.list.indent * env.depth) } : env.style === S.quote ? { left: tw(t.quote.indent) } : undefined;
      return [p({ style: env.style, children, ...(indent ? { indent } : {}) })];
    }
    case 'list':
      return list(ctx, b, env);
    case 'quote':
      return blocks(ctx, b.blocks, { ...env, style: S.quote, nested: true });
    case 'pullquote':
      return [p({ style: S.pullQuote, indent: { left: tw(t.pullquote.indent), right: tw(t.pullquote.indent) }, children: inlines(b.inlines, ctx.notes) })];
    case 'summary':
      return summary(ctx, b);
    case 'code':
      return b.text.split('\n').map((l) => p({ style: S.code, children: [new TextRun(l.replace(/\t/g, '    ') || '\u00a0')] }));
    case 'rule': {
      const side = tw((t.paper.width - t.margin.left - t.margin.right) * 0.35);
      return [p({ style: S.rule, indent: { left: side, right: side }, border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: t.furniture.rule, space: 1 } } })];
    }
    case 'pagebreak':
      return [p({ children: [new PageBreak()] })];
    case 'table':
      // A table is one portion: its mark on a line of its own just above it, kept with it.
      return b.portion ? [p({ style: env.style, keepNext: true, children: [new TextRun(b.portion)] }), ...table(ctx, b)] : table(ctx, b);
  }
}

/**
 * The box is a one-column table, so lists and several paragraphs stay inside one frame; its paragraphs are "Summary
 * Box". Each block is a row of its own (no rule between rows), so the box can break across pages between blocks as
 * the PDF's does, where one tall row would be pushed whole to the next page.
 */
function summary(ctx: BlockContext, b: Extract<Block, { kind: 'summary' }>): FileChild[] {
  const s = ctx.theme.summary;
  const edge = { style: BorderStyle.SINGLE, size: 8, color: s.border };
  const none = { style: BorderStyle.NONE, size: 0, color: 'auto' };
  const inner: Env = { style: S.summaryBox, depth: 0, nested: true };
  const cells: FileChild[][] = [[p({ style: S.summaryTitle, children: [new TextRun(b.title)] })]];
  b.blocks.forEach((child, i) => {
    const made = blocks(ctx, [child], inner);
    // The title keeps with the first block; each further block starts a row.
    if (i === 0) cells[0]!.push(...made);
    else cells.push(made);
  });
  const pad = tw(s.pad);
  const width = tw(ctx.theme.paper.width - ctx.theme.margin.left - ctx.theme.margin.right);
  const rows = cells.map(
    (content, i) =>
      new TableRow({
        // A block moves whole rather than leave one line of it behind (a cell's paragraphs keep no widow control).
        cantSplit: true,
        children: [
          new TableCell({
            shading: { fill: s.fill, type: 'clear', color: 'auto' },
            margins: { top: i === 0 ? pad : 0, bottom: i === cells.length - 1 ? pad : 0, left: pad, right: pad },
            children: content.filter((c): c is Paragraph | Table => c instanceof Paragraph || c instanceof Table),
          }),
        ],
      }),
  );
  return [
    new Table({ width: { size: width, type: WidthType.DXA }, columnWidths: [width], borders: { top: edge, bottom: edge, left: edge, right: edge, insideHorizontal: none, insideVertical: none }, rows }),
    spacer(ctx.theme.paraSpace * 1.5),
  ];
}

/** Space after a table, as the PDF leaves it: a table's last row cannot carry it. */
function spacer(points: number): Paragraph {
  return p({ style: S.normal, spacing: { before: 0, after: 0, line: tw(points), lineRule: LineRuleType.EXACT }, children: [] });
}

function list(ctx: BlockContext, b: Extract<Block, { kind: 'list' }>, env: Env): FileChild[] {
  const level = Math.min(env.depth, 2);
  const reference = b.ordered ? numberRef(b.start ?? 1) : NUM.bullet;
  const instance = b.ordered ? ctx.nextInstance++ : 0;
  // In a box or quote the item keeps that style (and its frame); in the body it takes the list style.
  const itemStyle = env.style === S.normal ? (b.ordered ? S.listNumber : S.listBullet) : env.style;
  const inner: Env = { style: env.style === S.normal ? S.listContinue : env.style, depth: env.depth + 1, nested: true };
  return b.items.flatMap((item) => {
    const out: FileChild[] = [];
    let numbered = false;
    for (const child of item) {
      if (!numbered && child.kind === 'paragraph') {
        numbered = true;
        out.push(p({ style: itemStyle, numbering: { reference, level, instance }, children: inlines(withPortion(child.inlines, child.portion), ctx.notes) }));
      } else out.push(...block(ctx, child, inner));
    }
    return out;
  });
}

const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;

function cell(ctx: BlockContext, content: Inline[], style: string, align: 'left' | 'center' | 'right' | undefined, fill?: string): TableCell {
  return new TableCell({
    children: [p({ style, alignment: ALIGN[align ?? 'left'], children: inlines(content, ctx.notes) })],
    ...(fill ? { shading: { fill, type: 'clear', color: 'auto' } } : {}),
  });
}

function table(ctx: BlockContext, b: TableBlock): FileChild[] {
  const t = ctx.theme;
  const columns = Math.max(b.header.length, ...b.rows.map((r) => r.length), 1);
  const width = tw(t.paper.width - t.margin.left - t.margin.right);
  const pad = (r: Inline[][]) => Array.from({ length: columns }, (_, i) => r[i] ?? []);
  const rows: TableRow[] = [];
  // The header row repeats at the top of every page the table runs onto (w:tblHeader), and never splits.
  if (b.header.length) rows.push(new TableRow({ tableHeader: true, cantSplit: true, children: pad(b.header).map((c, i) => cell(ctx, c, S.tableHeading, b.align?.[i], t.table.headerFill)) }));
  for (const r of b.rows) rows.push(new TableRow({ cantSplit: true, children: pad(r).map((c, i) => cell(ctx, c, S.tableText, b.align?.[i])) }));
  const out: FileChild[] = [];
  if (b.caption) out.push(p({ style: S.caption, children: [new TextRun(b.caption)] }));
  out.push(new Table({ style: S.table, width: { size: width, type: WidthType.DXA }, columnWidths: Array.from({ length: columns }, () => Math.floor(width / columns)), rows }));
  out.push(spacer(t.paraSpace));
  return out;
}
