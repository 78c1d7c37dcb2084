// Turns markdown-it block tokens of one section body into document blocks.
import type { Token } from 'markdown-it';
import type { Block, Inline, TableBlock } from '../model/composed-doc.js';
import type { ComposeContext } from './context.js';
import { convertInlines, plainText } from './inlines.js';
import { dataTable } from './data-tables.js';
import { checkNesting } from './nesting.js';

export interface BlockOptions {
  /** Anchor ids already used in the document (headings get unique ids). */
  usedIds: Set<string>;
  /** Portion mark put on every heading and paragraph ('' for none). */
  portion: string;
}

/**
 * The next suffix worth trying per base, for each set of used ids. Counting up from 2 every time made n sections
 * with the same (or an empty) title cost n² lookups; every suffix below the remembered one is taken already
 * (ids are only ever added), so the id found is the same.
 */
const nextSuffix = new WeakMap<Set<string>, Map<string, number>>();

export function slug(text: string, used: Set<string>): string {
  const base =
    text
      .toLowerCase()
      .normalize('NFKD')
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

/** Recursive-descent over the flat token stream; `pos` is shared through the cursor object. */
export function convertBlocks(tokens: Token[], ctx: ComposeContext, opt: BlockOptions): Block[] {
  // The recursion below follows the token nesting, which markdown-it caps (MAX_MARKDOWN_NESTING).
  checkNesting(tokens, ctx.sectionKey);
  const cursor = { pos: 0 };
  return readBlocks(tokens, cursor, ctx, opt, null);
}

function withPortion<T extends Block & { portion?: string }>(b: T, portion: string): T {
  if (portion) b.portion = portion;
  return b;
}

function readBlocks(tokens: Token[], c: { pos: number }, ctx: ComposeContext, opt: BlockOptions, until: string | null): Block[] {
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
        const inlines = convertInlines(tokens[c.pos]!.children, ctx);
        c.pos += 2; // inline + heading_close
        // Section titles are level 1; body headings nest below them.
        const level = Math.min(3, Math.max(2, Number(t.tag.slice(1)))) as 2 | 3;
        out.push(withPortion({ kind: 'heading', level, id: slug(plainText(inlines), opt.usedIds), inlines }, opt.portion));
        break;
      }
      case 'paragraph_open': {
        const inlines = convertInlines(tokens[c.pos]!.children, ctx);
        c.pos += 2;
        out.push(withPortion({ kind: 'paragraph', inlines }, opt.portion));
        break;
      }
      case 'bullet_list_open':
      case 'ordered_list_open': {
        const ordered = t.type === 'ordered_list_open';
        const close = ordered ? 'ordered_list_close' : 'bullet_list_close';
        const items: Block[][] = [];
        while (c.pos < tokens.length && tokens[c.pos]!.type !== close) {
          if (tokens[c.pos]!.type === 'list_item_open') {
            c.pos++;
            items.push(readBlocks(tokens, c, ctx, opt, 'list_item_close'));
          } else c.pos++;
        }
        c.pos++;
        const start = Number(t.attrGet('start') ?? 1);
        out.push(ordered && start !== 1 ? { kind: 'list', ordered, start, items } : { kind: 'list', ordered, items });
        break;
      }
      case 'blockquote_open':
        out.push({ kind: 'quote', blocks: readBlocks(tokens, c, ctx, opt, 'blockquote_close') });
        break;
      case 'container_pullquote_open': {
        const inner = readBlocks(tokens, c, ctx, opt, 'container_pullquote_close');
        out.push({ kind: 'pullquote', inlines: flattenInlines(inner) });
        break;
      }
      case 'container_summary_open': {
        const title = t.info.trim().replace(/^summary\s*/, '') || 'Summary';
        out.push({ kind: 'summary', title, blocks: readBlocks(tokens, c, ctx, opt, 'container_summary_close') });
        break;
      }
      case 'container_pagebreak_open':
        readBlocks(tokens, c, ctx, opt, 'container_pagebreak_close');
        out.push({ kind: 'pagebreak' });
        break;
      case 'table_open':
        out.push(readTable(tokens, c, ctx));
        break;
      case 'fence':
      case 'code_block':
        if (t.info.trim() === 'briefing-table') out.push(dataTable(t.content, ctx));
        else out.push({ kind: 'code', text: t.content.replace(/\n$/, '') });
        break;
      case 'hr':
        out.push({ kind: 'rule' });
        break;
      default:
        break; // closing tokens of containers we do not model, html (disabled) and the like
    }
  }
  return out;
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
