// Turns markdown-it inline tokens into document inlines, resolving fact and variable references.
import type { Token } from 'markdown-it';
import type { Inline, TextRun } from '../model/composed-doc.js';
import type { RefKind } from '../markdown/setup.js';
import { isAllowedUrl } from '../model/url-policy.js';
import type { ComposeContext } from './context.js';
import { refusedBodyLink } from './links.js';
import { formatDecimal2 } from '../text/format-number.js';

interface Style {
  bold: boolean;
  italic: boolean;
  href?: string;
}

/**
 * Links may only point outside the document to web or mail addresses (the one URL policy); anything else becomes
 * plain text. markdown-it's validateLink has refused such a link already: this is the check at the model boundary.
 */
export function safeHref(href: string): string | undefined {
  return isAllowedUrl(href, 'body') ? href : undefined;
}

function run(text: string, style: Style, code = false): TextRun {
  const r: TextRun = { kind: 'text', text };
  if (style.bold) r.bold = true;
  if (style.italic) r.italic = true;
  if (code) r.code = true;
  if (style.href) r.href = style.href;
  return r;
}

export function convertInlines(tokens: readonly Token[] | null, ctx: ComposeContext): Inline[] {
  const out: Inline[] = [];
  const style: Style = { bold: false, italic: false };
  for (const t of tokens ?? []) {
    switch (t.type) {
      case 'text':
        if (t.content) out.push(run(t.content, style));
        break;
      case 'softbreak':
        out.push(run(' ', style));
        break;
      case 'hardbreak':
        out.push({ kind: 'break' });
        break;
      case 'code_inline':
        out.push(run(t.content, style, true));
        break;
      case 'strong_open':
        style.bold = true;
        break;
      case 'strong_close':
        style.bold = false;
        break;
      case 'em_open':
        style.italic = true;
        break;
      case 'em_close':
        style.italic = false;
        break;
      case 'link_open': {
        const target = String(t.attrGet('href') ?? '');
        const href = safeHref(target);
        if (href) style.href = href;
        else ctx.warn(refusedBodyLink(target));
        break;
      }
      case 'link_close':
        delete style.href;
        break;
      case 'image':
        // Images from a library are not loaded (no remote content); their alt text stands in.
        out.push(run(t.content ? `[image: ${t.content}]` : '[image]', style));
        break;
      case 'bb_ref':
        out.push(...resolveRef(t.meta as { kind: RefKind; id: string }, style, ctx));
        break;
      default:
        if (t.content) out.push(run(t.content, style));
    }
  }
  return mergeRuns(out);
}

function resolveRef(ref: { kind: RefKind; id: string }, style: Style, ctx: ComposeContext): Inline[] {
  if (ref.kind === 'var') {
    const value = ctx.variable(ref.id);
    return value === undefined ? [{ kind: 'placeholder', text: `[${ref.id}]` }] : [run(value, style)];
  }
  const fact = ctx.fact(ref.id);
  if (!fact) return [{ kind: 'placeholder', text: `[missing fact: ${ref.id}]` }];
  const note = { kind: 'note' as const, n: ctx.noteFor(fact) };
  if (ref.kind === 'cite') return [note];
  if (ref.kind === 'value') {
    if (fact.value === undefined) {
      ctx.warn({ code: 'missing-fact', factId: fact.id, message: `fact "${fact.id}" has no value to show; use {{fact:${fact.id}}} instead` });
      return [{ kind: 'placeholder', text: `[no value: ${fact.id}]` }, note];
    }
    return [run(formatValue(fact.value, fact.unit), style), note];
  }
  return [run(fact.statement.trim(), style), note];
}

/** 12.5 + 'percent' -> '12.5 percent'; 1200 + 'USD billion' -> 'USD 1,200 billion'. */
export function formatValue(value: number, unit?: string): string {
  const num = formatDecimal2(value);
  if (!unit) return num;
  const m = /^(USD|EUR|GBP|JPY)\s+(.*)$/.exec(unit);
  if (m) return `${m[1] === 'USD' ? '$' : m[1] + ' '}${num} ${m[2]}`;
  if (unit === 'percent' || unit === '%') return `${num} percent`;
  return `${num} ${unit}`;
}

/** Join neighbouring runs of identical style so layout sees fewer, longer runs. */
function mergeRuns(list: Inline[]): Inline[] {
  const out: Inline[] = [];
  for (const i of list) {
    const prev = out[out.length - 1];
    if (
      prev?.kind === 'text' &&
      i.kind === 'text' &&
      prev.bold === i.bold &&
      prev.italic === i.italic &&
      prev.code === i.code &&
      prev.href === i.href
    ) {
      out[out.length - 1] = { ...prev, text: prev.text + i.text };
    } else out.push(i);
  }
  return out;
}

export function plainText(inlines: Inline[]): string {
  return inlines.map((i) => (i.kind === 'text' || i.kind === 'placeholder' ? i.text : '')).join('');
}
