// Find and replace in section Markdown (the brief-wide panel): plain or regexp, match case, whole word; never inside a {{fact:…}}/{{var:…}} reference.

export interface FindOptions {
  caseSensitive?: boolean;
  wholeWord?: boolean;
  regexp?: boolean;
}

export interface TextMatch {
  from: number;
  to: number;
  /** The regexp's groups (index 0 is the whole match), for $1 … in the replacement. */
  groups: string[];
}

export type FindResult = { ok: true; matches: TextMatch[]; truncated: boolean } | { ok: false; error: string };

/** Enough for any section a person writes; a pattern that matches everywhere stops here. */
export const MATCH_LIMIT = 5000;

/** A reference prints as a value: its kind and id are not text to find (replacing "ai" must not break {{fact:ai-x}}). */
const REF = /\{\{[^{}\n]{0,300}\}\}/g;
const WORD_CHAR = /[\p{L}\p{N}_]/u;

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Compiles the query; an unusable regular expression comes back as a message with the fix. */
export function compileQuery(query: string, opts: FindOptions = {}): RegExp | string {
  if (!query) return 'Type something to find.';
  const flags = 'gm' + (opts.caseSensitive ? '' : 'i') + 'u';
  try {
    return new RegExp(opts.regexp ? query : escapeRegExp(query), flags);
  } catch (e) {
    return `That regular expression cannot be used (${(e as Error).message.replace(/^Invalid regular expression: /, '')}): fix it, or untick "Regular expression" to find the text as typed.`;
  }
}

function referenceSpans(text: string): Array<[number, number]> {
  return [...text.matchAll(REF)].map((m) => [m.index, m.index + m[0].length]);
}

function isWordAt(text: string, i: number): boolean {
  const c = text.codePointAt(i);
  return c !== undefined && WORD_CHAR.test(String.fromCodePoint(c));
}

function wordBefore(text: string, i: number): boolean {
  if (i <= 0) return false;
  const lowSurrogate = /[\uDC00-\uDFFF]/.test(text[i - 1]!);
  return isWordAt(text, lowSurrogate && i >= 2 ? i - 2 : i - 1);
}

/** Every match in `text`, in order; empty matches and matches touching a reference are left out. */
export function findMatches(text: string, query: string, opts: FindOptions = {}): FindResult {
  const re = compileQuery(query, opts);
  if (typeof re === 'string') return { ok: false, error: re };
  const refs = referenceSpans(text);
  const matches: TextMatch[] = [];
  let r = 0;
  for (const m of text.matchAll(re)) {
    const from = m.index;
    const to = from + m[0].length;
    if (to === from) continue;
    while (r < refs.length && refs[r]![1] <= from) r++;
    // Spans are sorted and disjoint: only the first that ends after `from` can overlap.
    if (r < refs.length && refs[r]![0] < to) continue;
    if (opts.wholeWord && (wordBefore(text, from) || isWordAt(text, to) || !isWordAt(text, from))) continue;
    matches.push({ from, to, groups: [...m].map((g) => g ?? '') });
    if (matches.length >= MATCH_LIMIT) return { ok: true, matches, truncated: true };
  }
  return { ok: true, matches, truncated: false };
}

/** The replacement for one match: with a regexp, $& and $1 … $99 insert the match and its groups, $$ a dollar. */
export function expandReplacement(replacement: string, match: TextMatch, regexp: boolean): string {
  if (!regexp) return replacement;
  return replacement.replace(/\$(\$|&|\d{1,2})/g, (all, what: string) => {
    if (what === '$') return '$';
    if (what === '&') return match.groups[0] ?? '';
    const n = Number(what);
    return n > 0 && n < match.groups.length ? match.groups[n]! : all;
  });
}

export type ReplaceResult = { ok: true; text: string; count: number } | { ok: false; error: string };

/** Replaces every match `findMatches` would list; the text comes back unchanged (same string) when nothing matched. */
export function replaceAll(text: string, query: string, replacement: string, opts: FindOptions = {}): ReplaceResult {
  const found = findMatches(text, query, opts);
  if (!found.ok) return found;
  if (found.matches.length === 0) return { ok: true, text, count: 0 };
  let out = '';
  let at = 0;
  for (const m of found.matches) {
    out += text.slice(at, m.from) + expandReplacement(replacement, m, !!opts.regexp);
    at = m.to;
  }
  return { ok: true, text: out + text.slice(at), count: found.matches.length };
}

export interface Snippet {
  before: string;
  match: string;
  after: string;
}

/** The match with some words either side, on one line, for a list of results. */
export function snippetOf(text: string, from: number, to: number, radius = 40): Snippet {
  const flat = (s: string) => s.replace(/\s+/g, ' ');
  let start = Math.max(0, from - radius);
  let end = Math.min(text.length, to + radius);
  // Start and end on word boundaries where there is one near.
  if (start > 0) {
    const sp = text.slice(start, from).search(/\s/);
    if (sp !== -1) start += sp + 1;
  }
  if (end < text.length) {
    const tail = text.slice(to, end);
    const ep = Math.max(tail.lastIndexOf(' '), tail.lastIndexOf('\n'));
    if (ep > 0) end = to + ep;
  }
  return {
    before: (start > 0 ? '…' : '') + flat(text.slice(start, from)),
    match: flat(text.slice(from, to)),
    after: flat(text.slice(to, end)) + (end < text.length ? '…' : ''),
  };
}
