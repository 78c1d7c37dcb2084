// The one markdown-it configuration: HTML off, our {{fact:...}} / {{var:...}} references, ::: containers.
import MarkdownItFactory, { type MarkdownIt, type StateInline, type Token } from 'markdown-it';
import container from 'markdown-it-container';
import { isAllowedUrl } from '../model/url-policy.js';

export type RefKind = 'fact' | 'value' | 'cite' | 'var';
export const REF_PATTERN = /\{\{\s*(fact|value|cite|var)\s*:\s*([A-Za-z0-9_-]+)\s*\}\}/g;

/** Containers a section may use: `::: pullquote`, `::: summary Title`, `::: pagebreak`. */
export const CONTAINERS = ['pullquote', 'summary', 'pagebreak'] as const;

/**
 * Deepest block nesting (lists and quotes inside each other) markdown-it builds. Past it markdown-it drops the
 * rest of the section without a word, so compose refuses a section that reaches it (shared/compose/nesting.ts);
 * it also bounds every recursive walk of the tree, in compose and in layout. Real briefs nest four or five.
 */
export const MAX_MARKDOWN_NESTING = 20;

function refRule(state: StateInline, silent: boolean): boolean {
  const start = state.pos;
  if (state.src.charCodeAt(start) !== 0x7b /* { */ || state.src.charCodeAt(start + 1) !== 0x7b) return false;
  const re = /^\{\{\s*(fact|value|cite|var)\s*:\s*([A-Za-z0-9_-]+)\s*\}\}/;
  const m = re.exec(state.src.slice(start));
  if (!m) return false;
  if (!silent) {
    const token = state.push('bb_ref', '', 0);
    token.meta = { kind: m[1] as RefKind, id: m[2] };
    token.content = m[0];
  }
  state.pos += m[0].length;
  return true;
}

let shared: MarkdownIt | undefined;

/**
 * Link targets refused while one parse runs. markdown-it gives validateLink the URL only (no env), and parsing
 * is synchronous, so parseMarkdown sets this for the length of its own parse.
 */
let refusedSink: string[] | undefined;

/**
 * markdown-it's own check refuses only javascript:, vbscript:, file: and most data: URLs; ours is the one URL
 * policy. A refused link is left in the text as written (plain text), never turned into a link token.
 */
function validateLink(url: string): boolean {
  if (isAllowedUrl(url, 'body')) return true;
  refusedSink?.push(url);
  return false;
}

/** A configured parser (cached: markdown-it instances are reusable and parsing is pure). */
export function markdown(): MarkdownIt {
  if (shared) return shared;
  // html: false — nothing from a library or brief is ever executed or passed through as markup.
  const md = new MarkdownItFactory({ html: false, linkify: false, typographer: true, maxNesting: MAX_MARKDOWN_NESTING });
  md.validateLink = validateLink;
  md.inline.ruler.before('text', 'bb_ref', refRule);
  // '{' is one of markdown-it's terminator characters, so the 'text' rule stops there and ours gets a turn.
  for (const name of CONTAINERS) md.use(container, name);
  shared = md;
  return md;
}

/** A parse: the tokens, and the link targets the URL policy refused in it. Shared by every caller: read-only. */
export interface ParsedMarkdown {
  readonly tokens: readonly Token[];
  readonly refusedLinks: readonly string[];
}

/**
 * Parses of recent texts, most recently used last, bounded by the source characters they hold (a parse takes
 * about 14 bytes of heap per source character). The same library section text is parsed for every brief that
 * links it and for every preview of a brief, so a batch export or a preview after one edit parses only what is
 * new. Parsing is pure (one configuration, no env carried between parses), so a memoized parse is the parse.
 * Callers never write to the tokens (shared/compose copies what it changes; test/unit/shared freezes them).
 */
class ParseMemo {
  private readonly entries = new Map<string, ParsedMarkdown>();
  private chars = 0;

  constructor(
    private readonly maxChars: number,
    /** A longer text is parsed every time: it would push out many others for one use. */
    private readonly maxSource: number,
  ) {}

  get(src: string): ParsedMarkdown | undefined {
    const hit = this.entries.get(src);
    if (hit) {
      this.entries.delete(src);
      this.entries.set(src, hit);
    }
    return hit;
  }

  set(src: string, parsed: ParsedMarkdown): void {
    if (src.length > this.maxSource || this.entries.has(src)) return;
    this.entries.set(src, parsed);
    this.chars += src.length;
    for (const key of this.entries.keys()) {
      if (this.chars <= this.maxChars) break;
      this.entries.delete(key);
      this.chars -= key.length;
    }
  }

  clear(): void {
    this.entries.clear();
    this.chars = 0;
  }

  get size(): { entries: number; chars: number } {
    return { entries: this.entries.size, chars: this.chars };
  }
}

/** Source characters memoized: about 14 MB of tokens at most (the bundled library is ~75 thousand characters). */
export const MARKDOWN_MEMO_CHARS = 1_000_000;
/** The longest text memoized (a real section is a few thousand characters). */
export const MARKDOWN_MEMO_MAX_SOURCE = 100_000;

const blockMemo = new ParseMemo(MARKDOWN_MEMO_CHARS, MARKDOWN_MEMO_MAX_SOURCE);
const inlineMemo = new ParseMemo(MARKDOWN_MEMO_CHARS / 10, MARKDOWN_MEMO_MAX_SOURCE);

/**
 * Parses Markdown (`inline`: one line, such as a title) and says which link targets the URL policy refused.
 * Memoized by (text, inline): the answer may be the same objects another caller got, so it must not be changed.
 */
export function parseMarkdown(src: string, inline = false): ParsedMarkdown {
  const memo = inline ? inlineMemo : blockMemo;
  const known = memo.get(src);
  if (known) return known;
  const parsed = parseUncached(src, inline);
  memo.set(src, parsed);
  return parsed;
}

function parseUncached(src: string, inline: boolean): ParsedMarkdown {
  const refusedLinks: string[] = [];
  refusedSink = refusedLinks;
  try {
    const tokens = inline ? (markdown().parseInline(src, {})[0]?.children ?? []) : markdown().parse(src, {});
    return { tokens, refusedLinks };
  } finally {
    refusedSink = undefined;
  }
}

/** Empties the parse memo (tests compose with it cold and warm). */
export function clearMarkdownMemo(): void {
  blockMemo.clear();
  inlineMemo.clear();
}

/** What the parse memo holds now, per kind (tests check its bound). */
export function markdownMemoSize(): { block: { entries: number; chars: number }; inline: { entries: number; chars: number } } {
  return { block: blockMemo.size, inline: inlineMemo.size };
}

/** All references in a Markdown body, in order of appearance. */
export function findRefs(body: string): { kind: RefKind; id: string; index: number }[] {
  const out: { kind: RefKind; id: string; index: number }[] = [];
  for (const m of body.matchAll(REF_PATTERN)) out.push({ kind: m[1] as RefKind, id: m[2]!, index: m.index ?? 0 });
  return out;
}
