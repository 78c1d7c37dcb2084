// Document blocks -> flow items: headings, paragraphs, lists, quotes, pull quotes, summary box, code, rules.
import type { Block, Inline } from '../../shared/model/composed-doc.js';
import { collapseGaps, gap, node, type FlowItem, type LineItem } from './flow.js';
import type { Env, LayoutContext } from './layout-context.js';
import { layoutTable } from './layout-table.js';
import { labelLine, textItems, withPortion } from './text-items.js';
import type { Theme } from './theme.js';
import { appendAll } from './append.js';

function plain(inlines: Inline[]): string {
  return inlines.map((i) => (i.kind === 'text' || i.kind === 'placeholder' ? i.text : i.kind === 'break' ? ' ' : '')).join('');
}

function upper(inlines: Inline[]): Inline[] {
  return inlines.map((i) => (i.kind === 'text' ? { ...i, text: i.text.toUpperCase() } : i));
}

const BULLETS = ['•', '–', '◦'];
/** Width of the number column of a memo's numbered paragraphs. */
const NUMBER_HANG = 22;

/** Body-level paragraphs of a memo are numbered; lists and quotes there align with the numbered text. */
function numbered(t: Theme, env: Env): boolean {
  return t.numberParagraphs && env.listDepth === 0 && env.containers.length === 0;
}

export function layoutBlocks(ctx: LayoutContext, blocks: Block[], env: Env): FlowItem[] {
  const out: FlowItem[] = [];
  for (const b of blocks) appendAll(out, layoutBlock(ctx, b, env));
  return collapseGaps(out);
}

function layoutBlock(ctx: LayoutContext, b: Block, env: Env): FlowItem[] {
  const t = ctx.theme;
  switch (b.kind) {
    case 'heading': {
      const h = t.headings[b.level];
      const inlines = withPortion(h.upper ? upper(b.inlines) : b.inlines, b.portion);
      const lines = textItems(ctx, inlines, h.text, env, {
        type: `H${b.level}`,
        justify: false,
        keep: 'next',
        hyphenate: false,
        anchor: { id: b.id, bookmark: { level: b.level, title: plain(withPortion(b.inlines, b.portion)) } },
      });
      return [gap(h.spaceBefore, { containers: env.containers }), ...lines, gap(h.spaceAfter, { keepWithNext: true, containers: env.containers })];
    }
    case 'paragraph': {
      const inlines = withPortion(b.inlines, b.portion);
      const space = env.listDepth > 0 ? t.list.itemSpace : t.paraSpace;
      if (numbered(t, env)) {
        const hang = NUMBER_HANG;
        const inner: Env = { ...env, x: env.x + hang, width: env.width - hang };
        const lines = textItems(ctx, inlines, env.text, inner, { type: 'P', justify: env.justify });
        if (lines[0]) {
          const label = labelLine(ctx, `${ctx.paragraphNumber++}.`, env.text, hang - 6);
          // The number is read as part of its paragraph, so it is marked into the same P.
          lines[0].label = { x: env.x, line: label, struct: lines[0].struct! };
        }
        return [...lines, gap(space, { containers: env.containers })];
      }
      return [...textItems(ctx, inlines, env.text, env, { type: 'P', justify: env.justify }), gap(space, { containers: env.containers })];
    }
    case 'list':
      return layoutList(ctx, b, env);
    case 'quote': {
      const q = t.quote;
      const containers = [...env.containers, { kind: 'quote' as const, x: env.x, width: env.width }];
      const inner: Env = { ...env, x: env.x + q.indent, width: env.width - q.indent, containers, parent: node('BlockQuote', env.parent), text: q.text };
      return [gap(t.paraSpace, { containers: env.containers }), ...layoutBlocks(ctx, b.blocks, inner), gap(t.paraSpace, { containers: env.containers })];
    }
    case 'pullquote': {
      const pq = t.pullquote;
      const containers = [...env.containers, { kind: 'pullquote' as const, x: env.x + pq.indent, width: env.width - 2 * pq.indent }];
      const inner: Env = { ...env, x: env.x + pq.indent, width: env.width - 2 * pq.indent, containers };
      const pad = pq.text.size * 0.7;
      return [
        gap(t.paraSpace * 2, { containers: env.containers }),
        gap(pad, { containers, keepWithNext: true, discardable: false }),
        ...textItems(ctx, b.inlines, pq.text, inner, { type: 'BlockQuote', justify: false, keep: 'together', hyphenate: false }),
        gap(pad, { containers, discardable: false }),
        gap(t.paraSpace * 2, { containers: env.containers }),
      ];
    }
    case 'summary': {
      const s = t.summary;
      const containers = [...env.containers, { kind: 'summary' as const, x: env.x, width: env.width }];
      const div = node('Div', env.parent);
      const inner: Env = { ...env, x: env.x + s.pad + 4, width: env.width - 2 * s.pad - 4, containers, parent: div, text: s.text };
      const title = textItems(ctx, upper([{ kind: 'text', text: b.title }]), s.title, inner, { type: 'P', justify: false, keep: 'next', hyphenate: false });
      const body = layoutBlocks(ctx, b.blocks, inner);
      while (body.length && body[body.length - 1]!.kind === 'gap') body.pop();
      return [
        gap(t.paraSpace, { containers: env.containers }),
        gap(s.pad, { containers, keepWithNext: true, discardable: false }),
        ...title,
        gap(s.title.size * 0.5, { containers, keepWithNext: true, discardable: false }),
        ...body,
        gap(s.pad, { containers, discardable: false }),
        gap(t.paraSpace * 1.5, { containers: env.containers }),
      ];
    }
    case 'code': {
      const c = t.code;
      const containers = [...env.containers, { kind: 'code' as const, x: env.x, width: env.width }];
      const inner: Env = { ...env, x: env.x + c.pad, width: env.width - 2 * c.pad, containers };
      const struct = node('Code', env.parent);
      const lines: FlowItem[] = [];
      for (const src of b.text.split('\n')) {
        // Indentation and runs of spaces are kept as no-break spaces (plain spaces would collapse).
        const text = src.replace(/\t/g, '    ').replace(/^ +| {2,}/g, (m) => '\u00a0'.repeat(m.length)) || '\u00a0';
        appendAll(lines, textItems(ctx, [{ kind: 'text', text }], c.text, inner, { type: 'Code', struct, justify: false, hyphenate: false, keep: 'together' }));
      }
      const last = lines[lines.length - 1];
      if (last) last.keepWithNext = false;
      return [
        gap(t.paraSpace, { containers: env.containers }),
        gap(c.pad, { containers, keepWithNext: true, discardable: false }),
        ...lines,
        gap(c.pad, { containers, discardable: false }),
        gap(t.paraSpace, { containers: env.containers }),
      ];
    }
    case 'rule':
      return [
        gap(t.paraSpace, { containers: env.containers }),
        { kind: 'rule', x: env.x + env.width * 0.35, width: env.width * 0.3, thickness: 0.75, color: t.furniture.rule, height: 0.75, keepWithNext: false, containers: env.containers, struct: null },
        gap(t.paraSpace * 2, { containers: env.containers }),
      ];
    case 'pagebreak':
      return [{ kind: 'pagebreak', height: 0, keepWithNext: false, containers: env.containers, struct: null }];
    case 'table': {
      // A table is one portion: its mark stands on a line of its own just above it, kept with it.
      if (!b.portion) return layoutTable(ctx, b, env);
      const mark = textItems(ctx, [{ kind: 'text', text: b.portion }], env.text, env, { type: 'P', justify: false, keep: 'next', hyphenate: false });
      return [gap(t.paraSpace, { containers: env.containers }), ...mark, ...layoutTable(ctx, b, env)];
    }
  }
}

function layoutList(ctx: LayoutContext, b: Extract<Block, { kind: 'list' }>, outer: Env): FlowItem[] {
  const t = ctx.theme;
  const env = numbered(t, outer) ? { ...outer, x: outer.x + NUMBER_HANG, width: outer.width - NUMBER_HANG } : outer;
  const indent = t.list.indent;
  const list = node('L', env.parent);
  const out: FlowItem[] = [gap(env.listDepth > 0 ? t.list.itemSpace : t.paraSpace, { containers: env.containers })];
  const start = b.start ?? 1;
  const labelStyle = { ...env.text, bold: false, italic: false };
  b.items.forEach((blocks, i) => {
    const li = node('LI', list);
    const body = node('LBody', li);
    const inner: Env = { ...env, x: env.x + indent, width: env.width - indent, parent: body, listDepth: env.listDepth + 1, justify: env.justify };
    const items = layoutBlocks(ctx, blocks, inner);
    while (items.length && items[items.length - 1]!.kind === 'gap') items.pop();
    const first = items.find((it): it is LineItem => it.kind === 'line');
    const labelText = b.ordered ? `${start + i}.` : BULLETS[env.listDepth % BULLETS.length]!;
    if (first) first.label = { x: env.x, line: labelLine(ctx, labelText, labelStyle, indent - 6), struct: node('Lbl', li) };
    appendAll(out, items);
    out.push(gap(t.list.itemSpace, { containers: env.containers }));
  });
  out.push(gap(env.listDepth > 0 ? t.list.itemSpace : t.paraSpace, { containers: env.containers }));
  return out;
}
