// Turns markdown-it block tokens of one section body into document blocks.
import type { Token } from 'markdown-it';
import type { Block, Inline, TableBlock } from '../model/composed-doc.js';
import type { ComposeContext } from './context.js';
import { convertInlines, plainText } from './inlines.js';
import { dataTable } from './data-tables.js';
import { checkNesting } from './nesting.js';
import type { Marking } from '../markings/index.js';

export interface BlockOptions {
  /** Anchor ids already used in the document (headings get unique ids). */
  usedIds: Set<string>;
  /** Marking of every portion that carries no mark of its own (the section's, or the list's). */
  marking: Marking;
  /** How the section is named in marking messages: 'section "Title"'. */
  label: string;
}

/** Counts portions per section for messages ("paragraph 3"), and holds a mark-only paragraph's mark for the next block. */
interface Walk {
  portions: number;
  pending?: Marking;
}

/**
 * The next suffix worth trying per base, for each set of used ids. Counting up from 2 every time made n sections
 * with the same (or an empty) title cost n² lookups; every suffix below the remembered one is taken already
 * (ids are only ever added), so the id found is the same.
 */
const nextSuffix = new WeakMap<Set<string>, Map<string, number>>();

const NON_ASCII = /[\u0080-\u{10ffff}]/u;

export function slug(text: string, used: Set<string>): string {
  const lower = text.toLowerCase();
  const base =
    // NFKD leaves ASCII as it is; most headings are ASCII, and normalize is the dear part of a slug.
    (NON_ASCII.test(lower) ? lower.normalize('NFKD') : lower)
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'section';
  let id = base;
  if (used.has(id)) {
    let suffixes = nextSuffix.get(used);
    if (!suffixes) nextSuffix.set(used, (suffixes = new Map()));
    let i = suffixes.get(base) ?? 2;
    while (used.has(`${base}-${i}`)) i++;
    id = `${base}-${i}`;
    suffixes.set(base, i + 1);
  }
  used.add(id);
  return id;
}

/**
 * Recursive-descent over the flat token stream; `pos` is shared through the cursor object. The tokens are read,
 * never written (a memoized parse is shared by every compose run): the walk reads a copy of the list, in which an
 * inline token whose portion mark was taken off is replaced by its stripped copy.
 */
export function convertBlocks(tokens: readonly Token[], ctx: ComposeContext, opt: BlockOptions): Block[] {
  // The recursion below follows the token nesting, which markdown-it caps (MAX_MARKDOWN_NESTING).
  checkNesting(tokens, ctx.sectionKey);
  const cursor = { pos: 0 };
  return readBlocks(tokens.slice(), cursor, ctx, opt, null, { portions: 0 });
}

function withPortion<T extends Block & { portion?: string }>(b: T, portion: string): T {
  if (portion) b.portion = portion;
  return b;
}

/** Skips tokens up to and including the close that matches an open already consumed. */
function skipPast(tokens: Token[], c: { pos: number }, open: string, close: string): void {
  for (let depth = 1; c.pos < tokens.length && depth > 0; c.pos++) {
    const type = tokens[c.pos]!.type;
    if (type === open) depth++;
    else if (type === close) depth--;
  }
}

/**
 * A portion's own leading mark, taken off the inline token at `tokens[at]` (the walk's copy of the list gets the
 * stripped token there).
 */
function takeMark(tokens: Token[], at: number, ctx: ComposeContext, where: string): { marking: Marking; rest: Token } | undefined {
  const taken = ctx.marks.takeLeadingMark(tokens[at], where);
  if (taken) tokens[at] = taken.rest;
  return taken;
}

/**
 * The marking of a portion whose inline token is `tokens[at]`: its own leading mark, else a mark-only paragraph's
 * just before it, else the section's (or list's). `null` when it is a mark-only paragraph itself (its mark waits
 * for the next block).
 */
function portionMarking(tokens: Token[], at: number, ctx: ComposeContext, opt: BlockOptions, w: Walk, what: string): Marking | null {
  const where = `${opt.label}, ${what} ${w.portions + 1}`;
  const taken = takeMark(tokens, at, ctx, where);
  const own = taken?.marking;
  if (taken && !taken.rest.content.trim()) {
    w.pending = own;
    return null;
  }
  w.portions++;
  const m = own ?? w.pending ?? opt.marking;
  w.pending = undefined;
  ctx.marks.currentLabel = where;
  return m;
}

function blockMarking(opt: BlockOptions, w: Walk): Marking {
  const m = w.pending ?? opt.marking;
  w.pending = undefined;
  w.portions++;
  return m;
}

function readBlocks(tokens: Token[], c: { pos: number }, ctx: ComposeContext, opt: BlockOptions, until: string | null, w: Walk): Block[] {
  const out: Block[] = [];
  while (c.pos < tokens.length) {
    const t = tokens[c.pos]!;
    if (until && t.type === until) {
      c.pos++;
      return out;
    }
    c.pos++;
    switch (t.type) {
      case 'heading_open': {
        const m = portionMarking(tokens, c.pos, ctx, opt, w, 'heading');
        if (!m || !ctx.marks.allows(m)) {
          c.pos += 2;
          break;
        }
        const portion = ctx.marks.enter(m, ctx.marks.currentLabel);
        const inlines = convertInlines(tokens[c.pos]!.children, ctx);
        c.pos += 2; // inline + heading_close
        // Section titles are level 1; body headings nest below them.
        const level = Math.min(3, Math.max(2, Number(t.tag.slice(1)))) as 2 | 3;
        out.push(withPortion({ kind: 'heading', level, id: slug(plainText(inlines), opt.usedIds), inlines }, portion));
        break;
      }
      case 'paragraph_open': {
        const m = portionMarking(tokens, c.pos, ctx, opt, w, 'paragraph');
        // A withheld portion's inlines are never converted: its facts get no note number, its text goes nowhere.
        if (!m || !ctx.marks.allows(m)) {
          c.pos += 2;
          break;
        }
        const portion = ctx.marks.enter(m, ctx.marks.currentLabel);
        const inlines = convertInlines(tokens[c.pos]!.children, ctx);
        c.pos += 2;
        out.push(withPortion({ kind: 'paragraph', inlines }, portion));
        break;
      }
      case 'bullet_list_open':
      case 'ordered_list_open': {
        const ordered = t.type === 'ordered_list_open';
        const close = ordered ? 'ordered_list_close' : 'bullet_list_close';
        const items: Block[][] = [];
        const listMarking = w.pending ?? opt.marking;
        w.pending = undefined;
        let n = 0;
        while (c.pos < tokens.length && tokens[c.pos]!.type !== close) {
          if (tokens[c.pos]!.type === 'list_item_open') {
            c.pos++;
            n++;
            // An item's own leading mark covers the whole item (its first paragraph and anything nested in it).
            const own =
              tokens[c.pos]?.type === 'paragraph_open' ? takeMark(tokens, c.pos + 1, ctx, `${opt.label}, list item ${n}`)?.marking : undefined;
            const itemMarking = own ?? listMarking;
            if (!ctx.marks.allows(itemMarking)) {
              skipPast(tokens, c, 'list_item_open', 'list_item_close');
              continue;
            }
            items.push(readBlocks(tokens, c, ctx, { ...opt, marking: itemMarking, label: `${opt.label}, list item ${n}` }, 'list_item_close', { portions: 0 }));
          } else c.pos++;
        }
        c.pos++;
        if (items.length === 0) break;
        const start = Number(t.attrGet('start') ?? 1);
        out.push(ordered && start !== 1 ? { kind: 'list', ordered, start, items } : { kind: 'list', ordered, items });
        break;
      }
      case 'blockquote_open': {
        const blocks = readBlocks(tokens, c, ctx, inherit(opt, w), 'blockquote_close', w);
        if (blocks.length) out.push({ kind: 'quote', blocks });
        break;
      }
      case 'container_pullquote_open': {
        const inner = readBlocks(tokens, c, ctx, inherit(opt, w), 'container_pullquote_close', w);
        if (inner.length) out.push({ kind: 'pullquote', inlines: flattenInlines(inner) });
        break;
      }
      case 'container_summary_open': {
        const title = t.info.trim().replace(/^summary\s*/, '') || 'Summary';
        const blocks = readBlocks(tokens, c, ctx, inherit(opt, w), 'container_summary_close', w);
        if (blocks.length) out.push({ kind: 'summary', title, blocks });
        break;
      }
      case 'container_pagebreak_open':
        readBlocks(tokens, c, ctx, opt, 'container_pagebreak_close', w);
        out.push({ kind: 'pagebreak' });
        break;
      case 'table_open': {
        const m = blockMarking(opt, w);
        if (!ctx.marks.allows(m)) {
          skipPast(tokens, c, 'table_open', 'table_close');
          break;
        }
        const portion = ctx.marks.enter(m, `${opt.label}, table ${w.portions}`);
        out.push(withPortion(readTable(tokens, c, ctx), portion));
        break;
      }
      case 'fence':
      case 'code_block': {
        const m = blockMarking(opt, w);
        if (!ctx.marks.allows(m)) break;
        const portion = ctx.marks.enter(m, `${opt.label}, block ${w.portions}`);
        if (t.info.trim() === 'briefing-table') out.push(withPortion(dataTable(t.content, ctx), portion));
        else out.push({ kind: 'code', text: t.content.replace(/\n$/, '') });
        break;
      }
      case 'hr':
        out.push({ kind: 'rule' });
        break;
      default:
        break; // closing tokens of containers we do not model, html (disabled) and the like
    }
  }
  return out;
}

/** A container right after a mark-only paragraph takes that mark for everything inside it. */
function inherit(opt: BlockOptions, w: Walk): BlockOptions {
  if (!w.pending) return opt;
  const marking = w.pending;
  w.pending = undefined;
  return { ...opt, marking };
}

function flattenInlines(blocks: Block[]): Inline[] {
  const out: Inline[] = [];
  for (const b of blocks) {
    if (b.kind === 'paragraph') {
      if (out.length) out.push({ kind: 'text', text: ' ' });
      // A loop, not push(...inlines): a spread of a very long paragraph's inlines overflows the stack.
      for (const i of b.inlines) out.push(i);
    }
  }
  return out;
}

function readTable(tokens: Token[], c: { pos: number }, ctx: ComposeContext): TableBlock {
  const header: Inline[][] = [];
  const rows: Inline[][][] = [];
  const align: ('left' | 'center' | 'right')[] = [];
  let row: Inline[][] | null = null;
  let inHead = false;
  while (c.pos < tokens.length) {
    const t = tokens[c.pos++]!;
    if (t.type === 'table_close') break;
    if (t.type === 'thead_open') inHead = true;
    else if (t.type === 'thead_close') inHead = false;
    else if (t.type === 'tr_open') row = [];
    else if (t.type === 'tr_close' && row) {
      if (!inHead) rows.push(row);
      row = null;
    } else if (t.type === 'th_open' || t.type === 'td_open') {
      const cell = convertInlines(tokens[c.pos]!.children, ctx);
      c.pos += 2;
      if (inHead) {
        header.push(cell);
        const style = String(t.attrGet('style') ?? '');
        align.push(style.includes('right') ? 'right' : style.includes('center') ? 'center' : 'left');
      } else row?.push(cell);
    }
  }
  return { kind: 'table', header, rows, align };
}
