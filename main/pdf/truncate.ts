// Text cut to a number of lines with an ellipsis (running headers, contents entries), measured on a bounded prefix only.
import type { Inline } from '../../shared/model/composed-doc.js';
import type { FontSet } from './fonts.js';
import { layoutInlines } from './layout-paragraph.js';
import type { TextStyle } from './layout-types.js';

export const ELLIPSIS = '\u2026';

/**
 * No glyph we set is narrower than this share of an em (a thin space is 0.2, an 'i' about 0.25), so a line of
 * `width` holds fewer characters than width / (size × this). Text longer than that cannot fit, whatever it says.
 */
const NARROWEST_GLYPH_EM = 0.1;

/** The most characters `lines` lines of `width` could hold at `size` (an upper bound, see NARROWEST_GLYPH_EM). */
export function charsThatCouldFit(width: number, size: number, lines: number): number {
  return Math.ceil((width * lines) / (size * NARROWEST_GLYPH_EM)) + 1;
}

/** Characters of text the inlines show (notes and breaks count none). */
function textLength(inlines: readonly Inline[]): number {
  let n = 0;
  for (const i of inlines) if (i.kind === 'text' || i.kind === 'placeholder') n += i.text.length;
  return n;
}

/** `text` cut to at most `n` UTF-16 units, never through a surrogate pair. */
function cutText(text: string, n: number): string {
  if (text.length <= n) return text;
  const code = text.charCodeAt(n - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? n - 1 : n);
}

/** The first `n` characters of the inlines; with `ellipsis`, trailing spaces dropped and '…' added in the last run's style. */
export function clipInlines(inlines: readonly Inline[], n: number, ellipsis: boolean): Inline[] {
  const out: Inline[] = [];
  let left = n;
  for (const i of inlines) {
    if (i.kind !== 'text' && i.kind !== 'placeholder') {
      if (left > 0) out.push(i);
      continue;
    }
    if (left <= 0) break;
    const text = cutText(i.text, left);
    left -= text.length;
    out.push({ ...i, text });
  }
  if (!ellipsis) return out;
  // The ellipsis follows the last text directly ("Long title…", not "Long title …").
  for (let k = out.length - 1; k >= 0; k--) {
    const i = out[k]!;
    if (i.kind !== 'text' && i.kind !== 'placeholder') continue;
    out[k] = { ...i, text: i.text.trimEnd() + ELLIPSIS };
    return out;
  }
  out.push({ kind: 'text', text: ELLIPSIS });
  return out;
}

export interface FitOptions {
  width: number;
  maxLines: number;
  align?: 'left' | 'center' | 'right';
}

/**
 * The inlines as they are when they fit in `maxLines` ragged lines of `width`; otherwise the longest prefix that
 * fits with an ellipsis. Only a prefix a few lines long is ever laid out (about log2 of its length times), so a
 * title of any length costs the same, and the answer is kept in the font set's memo for the next page.
 */
export function fitInlines(fonts: FontSet, inlines: Inline[], style: TextStyle, opts: FitOptions): Inline[] {
  const limit = charsThatCouldFit(opts.width, style.size, opts.maxLines);
  const total = textLength(inlines);
  // Past `limit` the text cannot fit: what is shown depends only on its first `limit` characters.
  const candidate = total > limit ? clipInlines(inlines, limit, false) : inlines;
  const lineCount = (inl: Inline[]) =>
    layoutInlines(fonts, inl, style, { width: opts.width, justify: false, hyphenate: false, ...(opts.align ? { align: opts.align } : {}) }).lines.length;
  return fonts.layout.fitted(candidate, style, opts, () => {
    if (total <= limit && lineCount(inlines) <= opts.maxLines) return inlines;
    // Largest k whose cut (plus the ellipsis) still fits; k = 0 (the ellipsis alone) always does.
    let lo = 0;
    let hi = Math.min(total, limit) - 1;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (lineCount(clipInlines(candidate, mid, true)) <= opts.maxLines) lo = mid;
      else hi = mid - 1;
    }
    return clipInlines(candidate, lo, true);
  });
}
